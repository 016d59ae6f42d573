package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Durations: a number with a unit of time after it (خمسة أشهر, 30 ثانية, 36 hours), valued in ISO-8601 (P5M, PT30S,
 * PT36H); decades and centuries count in years (P20Y). Time nouns before a definite number (الأشهر الستة) and
 * duals (يومين) are read by {@link ArabicCounts} and {@link ArabicDuals}, which know the noun, and valued here.
 */
final class DurationRecognizer {

    private DurationRecognizer() {
    }

    /**
     * "over the past year", "in the last month": "the" before last or past and a unit of time is the span that ends
     * now (P1Y), not the calendar year before; "the last week of March" ranks a part, and "the previous year" counts
     * back from a date the story named, so neither is read here.
     */
    static Candidate pastSpan(Doc d, int i) {
        if (!d.at(i).has(Role.PAST) || d.at(i + 1).entry == null || d.at(i + 1).entry.unitKind != FigureKind.DURATION) {
            return null;  // most tokens: checked without building a string
        }
        String past = d.surface(i).toLowerCase(java.util.Locale.ROOT);
        Word unit = d.at(i + 1).entry;
        if (!(past.equals("last") || past.equals("past")) || !"the".equalsIgnoreCase(d.surface(i - 1))
                || unit == null || unit.unitKind != FigureKind.DURATION || unit.isoDesignator == null
                || "of".equalsIgnoreCase(d.surface(i + 2)) || EnglishNouns.isPlural(d, i + 1) || open(d, i + 2)
                || !(unit.unit.equals("year") || unit.unit.equals("month") || unit.unit.equals("week"))) {
            return null;
        }
        return Candidate.of(FigureKind.DURATION, i, i + 1, 1.0, unit.unit, iso(1, unit.isoDesignator));
    }

    /** The span goes on after its unit: the last year or two, the past year and a half, the last year for which. */
    private static boolean open(Doc d, int k) {
        String next = d.surface(k).toLowerCase(java.util.Locale.ROOT);
        return next.equals("or") || next.equals("for") || d.isDash(k) && d.attached(k - 1)
                || next.equals("and") && (d.surface(k + 1).equalsIgnoreCase("a") || d.at(k + 1).isNumberWord());
    }

    /**
     * بمليونين عام 2013, 584 ألفا عام 2013: in Arabic the word for year at k followed by a year of the era names when
     * the figure before it held; it is neither a span nor a counted noun of that figure.
     */
    static boolean yearNamedAt(Doc d, int k) {
        return d.arabic && d.at(k).has(Role.YEAR_WORD) && d.at(k).stemOffset == 0 && d.isYear(k + 1);
    }

    /** The number phrase n as a duration when a unit of time follows it at k, or null. */
    static Candidate after(Doc d, NumberPhrase n, int k) {
        UnitRecognizer.UnitWord u = UnitRecognizer.unitAfter(d, n, k);
        Token between = d.at(k);
        boolean year = n.plainDigits() && d.isYear(n.first());  // the 1987 model year is a year
        if (u == null && d.english && !year && EnglishNouns.plainWord(d, k) && !between.lineBefore
                && between.entry == null
                && !EnglishNouns.isPlural(d, k) && d.at(k + 1).entry != null && d.at(k + 1).entry.unit != null) {
            u = UnitRecognizer.unitAfter(d, n, k + 1);  // seven selling days, 10 business days, five working days
        }
        if (u == null && d.english && !year && EnglishNouns.isAdjective(d, k) && !between.capitalized
                && EnglishNouns.plainWord(d, k + 1) && d.at(k + 1).entry == null && !EnglishNouns.isPlural(d, k + 1)
                && !d.at(k + 1).lineBefore && d.at(k + 2).entry != null && d.at(k + 2).entry.unit != null) {
            u = UnitRecognizer.unitAfter(d, n, k + 2);  // two more working days, five consecutive trading days
        }
        if (u == null) {
            u = sharedUnit(d, n, k);
        }
        if (u == null || u.word().unitKind != FigureKind.DURATION) {
            return null;
        }
        Word w = u.word();
        if (u.at() == k && yearNamedAt(d, k)) {
            return null;
        }
        if (n.plainDigits() && d.isYear(n.first()) && Character.isDigit(w.isoDesignator.charAt(0))) {
            return null;  // the 1987 and 1986 quarters: quarters of a year, not 1986 of them
        }
        if (d.english && year && "year".equals(w.unit) && !EnglishNouns.isPlural(d, u.at())) {
            return null;  // the 1987 year ended May 31 is a (fiscal) year; 2000 years is a span
        }
        if (d.arabic && "decade".equals(w.unit) && w.singular != null && n.value() > 10) {
            // وقعت ألفي عقد: more than ten decades is no span of news; the word counts contracts
            return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, w.singular, null, n.first(), u.at());
        }
        FractionRecognizer.Part part = n.value() % 1 == 0 ? FractionRecognizer.partAfter(d, u.at() + 1) : null;
        if (part != null) {  // ثلاث سنوات ونصف, two years and a half
            double value = n.value() + part.value();
            return Candidate.of(FigureKind.DURATION, n).valued(value, part.last())
                    .as(FigureKind.DURATION, w.unit, iso(value, w.isoDesignator), n.first(), part.last());
        }
        Candidate whole = Candidate.of(FigureKind.DURATION, n).as(FigureKind.DURATION, w.unit,
                iso(n.value(), w.isoDesignator), n.first(), u.at());
        Candidate compound = d.arabic ? withSmallerUnit(d, n, w, u.at()) : null;
        return compound != null ? compound : whole;
    }

    /**
     * 4 ساعات و25 دقيقة, ساعتين و53 دقيقة: hours and then minutes (or minutes and then seconds) after و are one span
     * of time, valued in the smaller unit (PT4H25M = 265 minutes); null when no such part follows the unit at u.
     */
    private static Candidate withSmallerUnit(Doc d, NumberPhrase n, Word w, int u) {
        String smaller = "TH".equals(w.isoDesignator) ? "TM" : "TM".equals(w.isoDesignator) ? "TS" : null;
        if (smaller == null || n.value() % 1 != 0) {
            return null;
        }
        int k = "و".equals(d.surface(u + 1)) ? u + 2 : u + 1;
        if (k == u + 1 && !(d.at(k).conjunction && d.at(k).isNumberWord()) || d.at(k).lineBefore) {
            return null;
        }
        NumberPhrase m = NumberRecognizer.at(d, k, false);
        UnitRecognizer.UnitWord v = m == null ? null : UnitRecognizer.unitAfter(d, m, m.last() + 1);
        if (v == null || !smaller.equals(v.word().isoDesignator) || m.value() % 1 != 0 || m.value() >= 60) {
            return null;
        }
        double total = n.value() * 60 + m.value();
        String iso = "PT" + (long) n.value() + w.isoDesignator.substring(1) + (long) m.value() + smaller.substring(1);
        return Candidate.of(FigureKind.DURATION, n).valued(total, v.at())
                .as(FigureKind.DURATION, v.word().unit, iso, n.first(), v.at());
    }

    /**
     * The unit joined by a hyphen to the last number of a list that n opens, which the numbers before it share (the
     * two, three and four-year note auction), placed at n's last token; null when n opens no such list.
     */
    private static UnitRecognizer.UnitWord sharedUnit(Doc d, NumberPhrase n, int k) {
        if (!d.english || n.hasScale() || n.first() != n.last() || n.plainDigits() && d.isYear(n.first())) {
            return null;
        }
        int j = k;
        for (int items = 0; items < 4; items++) {
            boolean comma = d.isSymbol(j, ',');
            int m = comma && (d.isAndWord(j + 1) || "or".equalsIgnoreCase(d.surface(j + 1))) ? j + 2 : j + 1;
            Token next = d.at(m);
            if (!(comma || d.isAndWord(j) || "or".equalsIgnoreCase(d.surface(j))) || next.paragraphBefore
                    || next.type != TokenType.DIGITS && !next.isNumberWord()) {
                return null;
            }
            if (d.isDash(m + 1) && d.attached(m) && d.attached(m + 1)) {
                Word w = d.at(m + 2).entry;
                return w != null && w.unit != null ? new UnitRecognizer.UnitWord(w, n.last()) : null;
            }
            j = m + 1;
        }
        return null;
    }

    /** The ISO-8601 duration of {@code value} units whose designator is {@code designator} (D, TH, 10Y ...). */
    static String iso(double value, String designator) {
        double v = value;
        String unit = designator;
        int digits = 0;
        while (digits < designator.length() && Character.isDigit(designator.charAt(digits))) {
            digits++;
        }
        if (digits > 0) {
            v *= Integer.parseInt(designator.substring(0, digits));  // decades 10Y, centuries 100Y, quarters 3M
            unit = designator.substring(digits);
        }
        String num = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        return unit.startsWith("T") ? "PT" + num + unit.substring(1) : "P" + num + unit;
    }
}
