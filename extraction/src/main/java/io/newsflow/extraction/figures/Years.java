package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Years: four plain digits from 1800 with a fiscal year's second half or a decade's s after them, a year of the
 * Gregorian era by its word or mark (سنة 767 ميلادية, عام 980 م), and the Hijri dates and years that give no figure.
 */
final class Years {

    private Years() {
    }

    /**
     * A year of three or four digits the Gregorian-era word names (سنة 767 ميلادية); م alone, also metres (140م), only
     * after a year word (عام 980 م) or on four digits after في or a bracket (في 1648م); عام 91م may be 1991.
     */
    static Candidate byEra(Doc d, NumberPhrase n, int k) {
        Token t = d.at(n.first());
        if (!d.arabic || !n.plainDigits() || t.integerDigits < 3 || d.isYear(n.first()) || n.value() > 2199
                || d.at(k).type != TokenType.ARABIC || d.at(k).paragraphBefore) {
            return null;
        }
        String key = Normalizer.key(d.surface(k));
        boolean era = key.equals("ميلاديه") || key.equals("ميلادي") || key.equals("ميلاديا") || key.equals("للميلاد");
        boolean yearWord = d.at(n.first() - 1).has(Role.YEAR_WORD);
        boolean mark = key.equals("م") && (yearWord || t.integerDigits == 4 && n.value() >= 1000
                && (d.at(n.first() - 1).has(Role.IN) || d.isSymbol(n.first() - 1, '(')));
        if (!era && !mark) {
            return null;
        }
        return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, (t.integerDigits == 3 ? "0" : "") + t.digits,
                n.first(), d.attached(n.last()) ? k : n.last());
    }

    /** هجرية, هجري, للهجرة: the word that makes the year before it a year of the Hijri era (سنة 666 هجرية). */
    static boolean hijriWord(String key) {
        return key.equals("هجريه") || key.equals("هجري") || key.equals("للهجره") || key.equals("هجريا");
    }

    /**
     * A day, month and year between slashes in an Arabic story, the year in the Hijri era's range (25/4/1430, 6 / 9 /
     * 1383): a Hijri date whose mark the writer left out, no figure. The year's last token, or -1.
     */
    static int hijriNumeric(Doc d, int i) {
        if (!d.arabic || !d.isSmallInt(i, 30) || !d.isSymbol(i + 1, '/') || !d.isSmallInt(i + 2, 12)
                || !d.isSymbol(i + 3, '/') || d.at(i + 2).lineBefore || d.at(i + 4).lineBefore) {
            return -1;
        }
        Token year = d.at(i + 4);
        return year.type == TokenType.DIGITS && !year.grouped && !year.decimal && year.integerDigits == 4
                && year.value >= 1300 && year.value < 1500 ? i + 4 : -1;
    }

    /**
     * The number phrase n as a year when it is one: four plain digits from 1800 to 2199, with a fiscal year or a
     * span after it (2013 - 2014, 2004/2014) and the Gregorian-era letter (2017م); null otherwise.
     */
    static Candidate year(Doc d, NumberPhrase n) {
        if (!n.plainDigits() || !d.isYear(n.first()) || n.first() == 0 && n.last() == d.size() - 1) {
            return null;  // a number that is the whole text has nothing around it to make it a year
        }
        String year = d.at(n.first()).digits;
        int s = n.last() + 1;
        if ((d.isDash(s) || d.isSymbol(s, '/')) && d.isYear(s + 1) && !d.at(s + 1).paragraphBefore
                && d.at(s + 1).value > n.value() && d.at(s + 1).value - n.value() <= 30) {
            return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, year + "/" + d.at(s + 1).digits,
                    n.first(), s + 1);
        }
        if (d.attached(n.last()) && d.surface(n.last() + 1).equals("s") && year.endsWith("0")) {
            // the early 1980s: a decade, which ISO 8601 writes as the year's first three digits
            return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, year.substring(0, 3), n.first(),
                    n.last() + 1);
        }
        int last = d.attached(n.last()) && d.surface(n.last() + 1).equals("م") ? n.last() + 1 : n.last();
        return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, year, n.first(), last);
    }
}
