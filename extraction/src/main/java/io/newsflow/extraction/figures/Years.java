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
     * after a year word (عام 980 م), after a Hijri year (580هـ/1184م) or on four digits after في or a bracket (في
     * 1648م); عام 91م may be 1991. Also a period of such years with the mark after the second (1494 - 1517 م).
     */
    static Candidate byEra(Doc d, NumberPhrase n, int k) {
        Token t = d.at(n.first());
        if (!d.arabic || !n.plainDigits() || t.integerDigits < 3 || n.value() > 2199) {
            return null;
        }
        Candidate span = eraSpan(d, n, k);
        if (span != null || d.isYear(n.first()) || d.at(k).type != TokenType.ARABIC || d.at(k).paragraphBefore) {
            return span;
        }
        String key = Normalizer.key(d.surface(k));
        boolean yearWord = d.at(n.first() - 1).has(Role.YEAR_WORD);
        boolean mark = key.equals("م") && (yearWord || afterHijri(d, n.first()) || t.integerDigits == 4
                && n.value() >= 1000 && (d.at(n.first() - 1).has(Role.IN) || d.isSymbol(n.first() - 1, '(')));
        if (!eraWord(key) && !mark) {
            return null;
        }
        return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, padded(t), n.first(),
                d.attached(n.last()) ? k : n.last());
    }

    /** A year before 1800 of three or four digits that the era's mark or word after it names (1099م, 767 ميلادية). */
    static boolean eraYear(Doc d, int y) {
        Token t = d.at(y);
        if (!d.arabic || t.type != TokenType.DIGITS || t.grouped || t.decimal || t.integerDigits < 3
                || t.integerDigits > 4 || t.value >= 1800) {
            return false;
        }
        Token mark = d.at(y + 1);
        return MeemReadings.isMeem(d, y + 1)
                || mark.type == TokenType.ARABIC && !mark.lineBefore && eraWord(Normalizer.key(d.surface(y + 1)));
    }

    private static boolean eraWord(String key) {
        return key.equals("ميلاديه") || key.equals("ميلادي") || key.equals("ميلاديا") || key.equals("للميلاد");
    }

    private static String padded(Token year) {
        return (year.integerDigits == 3 ? "0" : "") + year.digits;
    }

    /** 416هـ = 1025م, 580هـ/1184م, 26 هـ/ 647 م: the Gregorian year set beside the Hijri one. */
    private static boolean afterHijri(Doc d, int first) {
        boolean joined = d.isSymbol(first - 1, '=') || d.isSymbol(first - 1, '/') || d.isDash(first - 1);
        return joined && LabelRecognizer.isHijriMark(d, first - 2) && d.at(first - 3).type == TokenType.DIGITS;
    }

    /**
     * (1494 - 1517 م), (1630 – 1635م): two years of three or four digits joined by a dash with the era's mark or word
     * after the second, one period of years; null otherwise.
     */
    private static Candidate eraSpan(Doc d, NumberPhrase n, int k) {
        Token end = d.at(k + 1);
        if (!d.isDash(k) || end.type != TokenType.DIGITS || end.grouped || end.decimal || end.integerDigits < 3
                || end.integerDigits > 4 || end.value <= n.value() || end.value > 2199 || end.lineBefore) {
            return null;
        }
        Token mark = d.at(k + 2);
        boolean word = mark.type == TokenType.ARABIC && !mark.lineBefore && eraWord(Normalizer.key(d.surface(k + 2)));
        if (!word && !MeemReadings.isMeem(d, k + 2)) {
            return null;
        }
        return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, padded(d.at(n.first())) + "/" + padded(end),
                n.first(), d.attached(k + 1) ? k + 2 : k + 1);
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
