package io.newsflow.extraction.figures;

/**
 * Dates written in digits and separators alone (2017-02-15, 15/3/2021, 2/ 8/ 1990, 04/09/87) and seasons (1986/87,
 * 2010-2015): {@link DateGrammar} asks here first at a digit group.
 */
final class NumericDates {

    private NumericDates() {
    }

    /** A year written in two digits, in the century that puts it nearer the publication date (1900s without one). */
    static int nearerCentury(Doc d, int yy) {
        int now = d.published != null ? d.published.getYear() : 1950;
        return Math.abs(2000 + yy - now) < Math.abs(1900 + yy - now) ? 2000 + yy : 1900 + yy;
    }

    /** Two digits alone at k, not the start of a longer slashed list (1/2/87/88). */
    static boolean twoDigits(Doc d, int k) {
        Token t = d.at(k);
        return t.type == TokenType.DIGITS && t.integerDigits == 2 && !t.decimal && !t.grouped
                && !(d.isSymbol(k + 1, '/') && d.attached(k));
    }

    /**
     * 2/ 8/ 1990, 29 / 11 /2015: day, month and year with spaces about the slashes, as some papers type them; also
     * about dashes when the era's mark closes the year (24 - 3 - 2012م), where elsewhere they may join a range.
     */
    private static boolean spacedSlashes(Doc d, int i) {
        int k = i + 1;
        return (d.isSymbol(k, '/') && d.isSymbol(k + 2, '/') || d.isDash(k) && d.isDash(k + 2)
                && MeemReadings.isMeem(d, k + 4) && d.attached(k + 3))
                && !(d.attached(i) && d.attached(k) && d.attached(k + 1) && d.attached(k + 2)) && d.isSmallInt(i, 31) && d.isSmallInt(k + 1, 31) && d.isYear(k + 3)
                && !d.at(k + 1).lineBefore && !d.at(k + 3).lineBefore;
    }

    /** 2017-02-15, 2017-02, 15/3/2021, 3/15/2021 (English), 2015/7/21, and seasons 1986/87, 2010-2015. */
    static DateValue at(Doc d, int i) {
        Token a = d.at(i);
        int k = i + 1;
        boolean spaced = spacedSlashes(d, i);
        boolean sepOk = (d.isDash(k) || d.isSymbol(k, '/')) && (d.attached(i) || spaced) && (d.attached(k) || spaced);
        if (!sepOk || d.at(k + 1).type != TokenType.DIGITS || a.decimal || a.grouped) {
            return null;
        }
        char sep = d.at(k).sym;
        Token b = d.at(k + 1);
        boolean third = (d.isSymbol(k + 2, sep) || d.isDash(k + 2) && sep != '/') && (d.attached(k + 1) || spaced)
                && (d.attached(k + 2) || spaced) && d.at(k + 3).type == TokenType.DIGITS;
        if (d.isYear(i)) {
            if (third && d.isSmallInt(k + 1, 12) && d.isSmallInt(k + 3, 31)) {
                return DateValue.of((int) a.value, (int) b.value, (int) d.at(k + 3).value, k + 3);
            }
            if (!third && sep != '/' && d.isSmallInt(k + 1, 12) && b.integerDigits == 2) {
                return DateValue.of((int) a.value, (int) b.value, 0, k + 1);  // ISO partial 2017-02
            }
            if (!third && (b.integerDigits == 2 || d.isYear(k + 1))) {
                int end = b.integerDigits == 2 ? (int) a.value / 100 * 100 + (int) b.value : (int) b.value;
                if (end < a.value && b.integerDigits == 2) {
                    end += 100;
                }
                if (end > a.value && end - a.value <= 100) {
                    return new DateValue((int) a.value, 0, 0, -1, k + 1, DateValue.Relation.NONE,
                            String.format("%04d/%04d", (int) a.value, end));
                }
            }
            return null;
        }
        if (third && d.english && sep == '/' && d.isSmallInt(i, 12) && d.isSmallInt(k + 1, 31) && twoDigits(d, k + 3)) {
            // 04/09/87: the wire's tables write the year in two digits
            return DateValue.of(nearerCentury(d, (int) d.at(k + 3).value), (int) a.value, (int) b.value, k + 3);
        }
        if (third && d.isSmallInt(i, 31) && d.isSmallInt(k + 1, 31) && d.isYear(k + 3)) {
            int first = (int) a.value;
            int second = (int) b.value;
            int day = d.english && second <= 31 && first <= 12 ? second : first;
            int month = d.english && first <= 12 ? first : second;
            if (month > 12) {
                int swap = day;
                day = month;
                month = swap;
            }
            if (month <= 12) {
                return DateValue.of((int) d.at(k + 3).value, month, day, k + 3);
            }
        }
        return null;
    }
}
