package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Quantities: a number with a unit of measure after it (15,000 tonnes, 5 km, 3 كيلو متر, 10 أمتار مربعة, 12.40 mln
 * barrels per day); units are listed in {@code units.tsv}. Units of time make durations ({@link DurationRecognizer}).
 */
final class UnitRecognizer {

    private static final String CELSIUS = Normalizer.key("مئوية");

    private UnitRecognizer() {
    }

    /** A unit word and where it stands. */
    record UnitWord(Word word, int at) {
    }

    /** The number phrase n as a quantity when a unit of measure follows it at k, or null. */
    static Candidate after(Doc d, NumberPhrase n, int k0) {
        Candidate squared = powerBefore(d, n, k0);
        if (squared != null) {
            return squared;
        }
        Candidate metres = arabicMetresPower(d, n, k0);
        if (metres != null) {
            return metres;
        }
        UnitWord u = unitAfter(d, n, k0);
        if (u == null) {
            u = prefixApart(d, k0);
        }
        if (u == null || u.word().unitKind != FigureKind.QUANTITY) {
            return null;
        }
        Word w = u.word();
        int k = u.at();
        int last = k;
        String unit = w.unit;
        String metre = Normalizer.key(d.surface(k + 1));
        if (unit.equals("kg") && d.at(k).type == TokenType.ARABIC && (metre.equals("متر") || metre.equals("مترا"))) {
            unit = "km";  // كيلو متر
            last = k + 1;
        }
        String next = Normalizer.key(d.surface(last + 1));
        if (arabicPower(next, "مربع") || next.equals("square") && d.english) {
            unit = unit + "2";
            last++;
        } else if (arabicPower(next, "مكعب")) {
            unit = unit + "3";
            last++;
        }
        if (unit.equals("degree") && d.arabic && Normalizer.key(d.surface(last + 1)).equals(CELSIUS)) {
            last++;  // 42 درجة مئوية: the scale is part of the unit, as مربع is of the square metre
        }
        int hours = d.isDash(last + 1) && d.attached(last) && d.attached(last + 1) ? last + 2 : last + 1;
        String hour = d.surface(hours).toLowerCase(java.util.Locale.ROOT);
        if (d.english && unit.endsWith("W") && (hour.equals("hour") || hour.equals("hours"))) {
            unit = unit + "h";  // 48.3 billion kilowatt-hours, 900 megawatt hours: energy, not power
            last = hours;
        }
        if (unit.endsWith("bit") && d.arabic && (d.isSymbol(last + 1, '/') || d.at(last + 1).isWord()
                && Normalizer.key(d.surface(last + 1)).equals("في")) && Normalizer.key(d.surface(last + 2)).endsWith("ثانيه")) {
            unit = unit + "/s";  // 100 جيجا بت في الثانية, 512 كيلوبت/ثانية: a rate, not a rank of the second
            last += 2;
        }
        int per = speed(d, unit, last);
        if (per > last) {
            unit = unit + "/h";  // 15-35 كم/ساعة, 300 كيلومتر في الساعة: a speed, not a distance
            last = per;
        }
        if (d.english && unit.equals("barrel") && "per".equalsIgnoreCase(d.surface(last + 1))
                && "day".equalsIgnoreCase(d.surface(last + 2))) {
            unit = "barrel per day";  // the same unit as bpd
            last += 2;
        }
        return Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, unit, null, n.first(), last);
    }

    /**
     * The last token of "per hour" after an Arabic length unit ending at token last (كم/ساعة, كم/ س, كيلومتر في
     * الساعة), or last itself when none follows.
     */
    private static int speed(Doc d, String unit, int last) {
        if (!d.arabic || !(unit.equals("km") || unit.equals("m"))) {
            return last;
        }
        boolean slash = d.isSymbol(last + 1, '/');
        String hour = Normalizer.key(d.surface(last + 2));
        boolean perHour = slash ? hour.equals("ساعه") || hour.equals("س") || hour.equals("الساعه")
                : Normalizer.key(d.surface(last + 1)).equals("في") && hour.equals("الساعه")
                        && !d.at(last + 3).isNumberWord() && d.at(last + 3).type != TokenType.DIGITS
                        && (d.at(last + 3).entry == null || d.at(last + 3).entry.ordinal == 0);
        return perHour && !d.at(last + 2).lineBefore ? last + 2 : last;
    }

    /**
     * 3 جيجا بايت, 2.2 جيجا هيرتز, 100 جيجا بت: an SI prefix written apart from the unit it makes with the next word;
     * the unit word at the second, or null.
     */
    private static UnitWord prefixApart(Doc d, int k) {
        Token prefix = d.at(k);
        Token next = d.at(k + 1);
        if (!d.arabic || prefix.type != TokenType.ARABIC || prefix.entry != null || prefix.end - prefix.start < 4
                || next.type != TokenType.ARABIC || next.lineBefore) {
            return null;  // the prefixes are كيلو, ميجا, جيجا...; 2015م لـ is a year and a preposition, no ml
        }
        Word w = d.lexicon.get(Normalizer.key(d.surface(k)) + Normalizer.key(d.surface(k + 1)));
        return w != null && w.unit != null && w.unitKind == FigureKind.QUANTITY ? new UnitWord(w, k + 1) : null;
    }

    /** مربع, مربعًا, مربعة, مربعات: the power after an Arabic unit in any case, gender and number. */
    static boolean arabicPower(String key, String power) {
        return key.startsWith(power) && (key.length() == power.length() || key.length() == power.length() + 1
                && (key.endsWith("ا") || key.endsWith("ه")) || key.equals(power + "ات"));
    }

    /**
     * 750.000م2, 8504 م3: Arabic abbreviates square and cubic metres as م with the power glued on; a lone م after a
     * number is a year's era (1990م), so only the power makes it a unit.
     */
    private static Candidate arabicMetresPower(Doc d, NumberPhrase n, int k) {
        if (!d.arabic || !"م".equals(d.surface(k)) || !d.attached(k)) {
            return null;
        }
        Token power = d.at(k + 1);
        boolean gluedPower = power.type == TokenType.DIGITS && !power.decimal && !power.grouped
                && (power.value == 2 || power.value == 3) && !(d.attached(k + 1) && d.at(k + 2).isWord());
        int exponent = gluedPower ? (int) power.value
                : d.isSymbol(k + 1, '\u00B2') ? 2 : d.isSymbol(k + 1, '\u00B3') ? 3 : 0;
        if (exponent == 0 || d.at(k + 2).type == TokenType.DIGITS) {
            return null;
        }
        return Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, "m" + exponent, null, n.first(), k + 1);
    }

    /** 100 square km, 5 cubic metres: English writes the power before the unit. */
    private static Candidate powerBefore(Doc d, NumberPhrase n, int k) {
        if (!d.english || !d.at(k).isWord() || d.at(k + 1).paragraphBefore) {
            return null;
        }
        String power = d.surface(k);
        int exponent = "square".equalsIgnoreCase(power) ? 2 : "cubic".equalsIgnoreCase(power) ? 3 : 0;
        Word w = d.at(k + 1).entry;
        if (exponent == 0 || w == null || w.unit == null || w.unitKind != FigureKind.QUANTITY) {
            return null;
        }
        return Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, w.unit + exponent, null, n.first(), k + 1);
    }

    /**
     * The unit word (of measure or of time) right after the number phrase n at k, or past one English adjective
     * (5.2 mln metric tonnes, five consecutive years), or null.
     */
    static UnitWord unitAfter(Doc d, NumberPhrase n, int k) {
        Word w = unitAt(d, n, k);
        if (w != null) {
            return new UnitWord(w, k);
        }
        if (d.english && d.isDash(k) && d.attached(k - 1) && d.attached(k)) {
            w = unitAt(d, n, k + 1);  // 10-year notes, a 100-metre race: the unit joined to the number
            if (w != null) {
                return new UnitWord(w, k + 1);
            }
        }
        Token adjective = d.at(k);
        Word next = d.at(k + 1).entry;
        boolean year = n.plainDigits() && d.isYear(n.first());  // the 1987 fiscal year is a date
        if (d.english && next != null && next.unit != null && !year && !adjective.capitalized
                && !d.at(k + 1).lineBefore && !adjective.has(Role.PAST) && !adjective.has(Role.NEXT)
                && !adjective.has(Role.CURRENT) && EnglishNouns.isAdjective(d, k)) {
            // not "6.80 mln last year": last, next and this make a date of the unit after them
            w = unitAt(d, n, k + 1);
            return w == null ? null : new UnitWord(w, k + 1);
        }
        return null;
    }

    private static Word unitAt(Doc d, NumberPhrase n, int k) {
        Token t = d.at(k);
        if (!t.isWord() || !d.wordsKnown) {
            return null;
        }
        Word w = t.entry;
        if ((w == null || w.unit == null) && t.type == TokenType.ARABIC) {
            w = MoneyRecognizer.looseArabic(d, k);
        }
        if (w == null || w.unit == null || t.stemOffset != 0 || t.definite) {
            return null;
        }
        if (t.type == TokenType.LATIN && t.end - t.start <= 2 && !d.attached(k - 1) && n.words()
                && d.at(n.first()).type != TokenType.DIGITS) {
            return null;  // "five m" is not five metres
        }
        if (d.english && k > 0 && "square".equalsIgnoreCase(d.surface(k - 1))) {
            return null;
        }
        return w;
    }
}
