package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * The letter م after a number, which Arabic writes for the metre (سباق 100م), for the degree of a temperature
 * (بلغت الحرارة 46م), for p.m. after an hour ({@link ClockTimes}) and for the Gregorian era ({@link Years}): what the
 * sentence measures before the number tells which it is; without such a word the number stays bare.
 */
final class MeemReadings {

    /** Words before a number of metres from which a length or an area may lie: طول الشارع المزمع تنفيذه 1200م. */
    private static final int LENGTH_REACH = 4;

    /** Words before a number from which a word of heat names its degree: درجة الحرارة ... في الداخل 60م. */
    private static final int HEAT_REACH = 12;

    private MeemReadings() {
    }

    /**
     * The number phrase n as metres, square metres or degrees when a lone م stands at k, or as metres when it is the
     * first side of a size whose second carries the م (25 × 84م); null otherwise.
     */
    static Candidate after(Doc d, NumberPhrase n, int k) {
        Token digits = d.at(n.first());
        if (!d.arabic || n.first() != n.last() || digits.type != TokenType.DIGITS || digits.dotted
                || d.at(n.first() - 1).has(Role.YEAR_WORD)) {
            return null;
        }
        if (isMeem(d, k)) {
            return measured(d, n, k);
        }
        Token second = d.at(k + 1);
        return isTimes(d, k) && second.type == TokenType.DIGITS && !second.lineBefore && isMeem(d, k + 2)
                ? Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, "m", null, n.first(), n.last()) : null;
    }

    private static Candidate measured(Doc d, NumberPhrase n, int k) {
        int first = n.first();
        String power = Normalizer.key(d.surface(k + 1));
        if (d.at(k + 1).type == TokenType.ARABIC && !d.at(k + 1).lineBefore
                && (UnitRecognizer.arabicPower(power, "مربع") || UnitRecognizer.arabicPower(power, "مكعب"))) {
            // (5.210) م مربع: the power spelt out after the abbreviation, as after متر
            return Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, power.startsWith("مربع") ? "m2" : "m3",
                    null, first, k + 1);
        }
        boolean year = d.isYear(first);
        // 2×2.5م: the sides of a room, in metres
        boolean sized = isTimes(d, first - 1) && d.at(first - 2).type == TokenType.DIGITS;
        int length = year ? -1 : cue(d, first, LENGTH_REACH, WordList.LENGTH_NOUN);
        int area = cue(d, first, year ? 2 : LENGTH_REACH, WordList.AREA_NOUN);
        int heat = year ? -1 : cue(d, first, HEAT_REACH, WordList.HEAT_WORD);
        // the nearest word decides: على ارتفاع نحو 2م is a height, ارتفاع درجة الحرارة إلى 46م a temperature
        String unit;
        if (sized || length >= 0 && length > area && length > heat) {
            unit = "m";
        } else if (area >= 0 && area > heat) {
            unit = "m2";  // بمساحة 4000م: an area the writer gives in metres means square metres
        } else if (heat >= 0) {
            unit = "degree";  // درجة الحرارة 46م: Celsius, as درجة مئوية
        } else {
            return null;
        }
        return Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, unit, null, first, k);
    }

    /**
     * A lone م at k on the number's line, glued to it or set apart, with no power after it (750م2 is the square
     * metre's, read by {@link UnitRecognizer}).
     */
    static boolean isMeem(Doc d, int k) {
        Token t = d.at(k);
        if (t.type != TokenType.ARABIC || t.lineBefore) {
            return false;
        }
        char c = d.text.charAt(t.start);  // the first letter first, م or a glyph of it: most numbers pass here
        if (c != '\u0645' && (c < '\uFEE1' || c > '\uFEE4') || !Normalizer.key(d.surface(k)).equals("م")) {
            return false;
        }
        Token next = d.at(k + 1);
        return !(d.attached(k) && (next.type == TokenType.DIGITS || d.isSymbol(k + 1, '\u00B2')
                || d.isSymbol(k + 1, '\u00B3')));
    }

    /** ×, * or x between the sides of a size. */
    private static boolean isTimes(Doc d, int i) {
        return d.isSymbol(i, '\u00D7') || d.isSymbol(i, '*') || d.isSymbol(i, 'x');
    }

    /**
     * The nearest position, counted back from the number at first, of a word of the list within reach words in the
     * sentence (its clitics and a pronoun glued after it aside: وعرضه, لمسافة, عمقها), or -1. A nearer cue is larger.
     */
    private static int cue(Doc d, int first, int reach, WordList list) {
        int words = 0;
        for (int p = first - 1; p >= 0 && words < reach; p--) {
            Token t = d.at(p);
            if (t.type == TokenType.SYMBOL && ".!?؟\n".indexOf(t.sym) >= 0 || d.at(p + 1).paragraphBefore) {
                return -1;
            }
            if (t.type != TokenType.ARABIC) {
                continue;
            }
            words++;
            if (listed(d, p, list)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean listed(Doc d, int p, WordList list) {
        String key = Normalizer.key(d.surface(p));
        java.util.List<String> forms = new java.util.ArrayList<>(java.util.List.of(key));
        strip(forms, "و", "ف");
        for (String form : forms) {
            if (d.lexicon.in(list, form) || withoutPronoun(d, list, form)) {
                return true;  // وعرضه, عمقها
            }
        }
        // behind a preposition or the article only the bare noun: بطولة is a championship, not بـ + طوله
        strip(forms, "ب", "ل", "ك");
        strip(forms, "ال");
        strip(forms, "ل");  // للمسافة: the article's alef dropped after ل
        for (String form : forms) {
            if (d.lexicon.in(list, form)) {
                return true;
            }
        }
        return false;
    }

    /** Adds to forms each form without one of the prefixes, where at least two letters are left. */
    private static void strip(java.util.List<String> forms, String... prefixes) {
        for (int i = forms.size() - 1; i >= 0; i--) {
            String f = forms.get(i);
            for (String prefix : prefixes) {
                if (f.startsWith(prefix) && f.length() - prefix.length() >= 2) {
                    forms.add(f.substring(prefix.length()));
                }
            }
        }
    }

    /** طوله, عمقها, مساحته: the noun with "its" glued on, a ta marbuta written ت before it. */
    private static boolean withoutPronoun(Doc d, WordList list, String key) {
        String stem = key.endsWith("ها") ? key.substring(0, key.length() - 2)
                : key.endsWith("ه") ? key.substring(0, key.length() - 1) : null;
        if (stem == null || stem.length() < 2) {
            return false;
        }
        return d.lexicon.in(list, stem) || stem.endsWith("ت") && d.lexicon.in(list, stem.substring(0,
                stem.length() - 1) + "ه");
    }
}
