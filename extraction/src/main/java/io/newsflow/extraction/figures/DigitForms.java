package io.newsflow.extraction.figures;

import io.newsflow.extraction.Folding;
import java.math.BigDecimal;

/**
 * How a digit group is written beyond its own characters: exponents (1e10, ٢,٥^-١, 6.23x10^-4), the reversed
 * decimals of Arabic typesetting (5ر47 is 47.5), numbers grouped by spaces (40 000) and slashed fractions (3/4).
 */
final class DigitForms {

    /** The value a digit group stands for and the last token read for it. */
    record Digits(double value, int last) {
    }

    private DigitForms() {
    }

    /** The digit group at i read with its written forms; {@code first}: nothing of the phrase precedes it. */
    static Digits at(Doc d, int i, boolean first) {
        Token t = d.at(i);
        double v = d.arabic && thousandsDot(d, t) ? t.value * 1000 : t.value;
        if (d.arabic && t.grouped && t.decimal && !t.dotted) {
            double whole = mixedThousands(d.surface(i));
            v = Double.isNaN(whole) ? v : whole;
        }
        int end = i;
        Token glued = d.at(i + 1);
        if (!t.decimal && glued.type == TokenType.DIGITS && d.attached(i) && glued.end - glued.start == 1
                && glued.value < 1) {
            return new Digits(v + glued.value, i + 1);  // 3½
        }
        if (first && !t.decimal && !t.grouped && t.integerDigits <= 3) {
            // 1 234 567: a space before groups of exactly three digits, all on one line.
            int k = i;
            StringBuilder sb = null;
            while (d.at(k + 1).type == TokenType.DIGITS && !d.at(k + 1).lineBefore && d.at(k + 1).integerDigits == 3
                    && !d.at(k + 1).grouped && isGroupSpace(d.text.charAt(d.at(k + 1).start - 1))
                    && d.at(k + 1).start - d.at(k).end == 1 && !d.isYear(k + 1)) {
                if (sb == null) {
                    sb = new StringBuilder(t.digits);
                }
                sb.append(d.at(k + 1).digits);
                k++;
            }
            if (sb != null) {
                v = Double.parseDouble(sb.toString());
                end = k;
            }
        }
        Token next = d.at(end + 1);
        if (end == i && next.type == TokenType.ARABIC && d.attached(i) && d.surface(i + 1).equals("ر")
                && d.attached(i + 1) && d.at(i + 2).type == TokenType.DIGITS && !t.decimal && !d.at(i + 2).decimal) {
            return new Digits(Double.parseDouble(d.at(i + 2).digits + "." + t.digits), i + 2);
        }
        Token fraction = d.at(i + 2);
        if (end == i && d.arabic && d.isSymbol(i + 1, '\u060C') && d.attached(i) && d.attached(i + 1) && !t.decimal
                && !t.grouped && fraction.type == TokenType.DIGITS && !fraction.decimal && !fraction.grouped
                && fraction.integerDigits <= 2 && measureAfter(d, i + 3)) {
            // 322،8 مليار ريال, 7،8%: the Arabic comma as the decimal point, where a measure says it is one value
            return new Digits(Double.parseDouble(t.digits + "." + fraction.digits), i + 2);
        }
        if (next.type == TokenType.LATIN && d.attached(end) && (d.surface(end + 1).equals("e")
                || d.surface(end + 1).equals("E"))) {
            Digits power = exponent(d, end + 2, true);
            if (power != null && !d.at(power.last()).decimal) {
                return new Digits(scaled(v, power.value()), power.last());
            }
        }
        boolean times = next.type == TokenType.LATIN && d.surface(end + 1).equals("x") || d.isSymbol(end + 1, '\u00D7');
        if (times && !next.lineBefore && d.at(end + 2).type == TokenType.DIGITS && d.at(end + 2).value == 10
                && !d.at(end + 2).decimal && d.isSymbol(end + 3, '^') && d.attached(end + 2)) {
            Digits power = exponent(d, end + 4, false);
            if (power != null) {
                return new Digits(scaled(v, power.value()), power.last());  // 6.23x10^-4, 6.02 × 10^23
            }
        }
        if (d.isSymbol(end + 1, '^') && d.attached(end)) {
            Digits power = exponent(d, end + 2, false);
            if (power != null) {
                return new Digits(Math.pow(v, power.value()), power.last());
            }
        }
        boolean listed = d.isSymbol(i - 1, '/') && d.attached(i - 1);  // 32/64/128: a list, not 64/128
        if (first && !listed && d.isSymbol(end + 1, '/') && d.attached(end) && d.attached(end + 1)
                && d.at(end + 2).type == TokenType.DIGITS && d.at(end + 2).value != 0
                && !(d.isSymbol(end + 3, '/') && d.attached(end + 2)) && !t.decimal && !d.at(end + 2).decimal
                && !(d.arabic && (RangeRecognizer.resultBefore(d, i) || d.isYear(i) && d.isYear(end + 2)))) {
            // فاز 2/1, خسر بنتيجة (5/7 - 5/7): an Arabic score, two numbers; موسم 2013/2012: two years
            return new Digits(v / d.at(end + 2).value, end + 2);
        }
        return new Digits(v, end);
    }

    /** A scale, a percent sign or word, or a currency at k: what makes 322،8 one number (3،1 alone is a score). */
    private static boolean measureAfter(Doc d, int k) {
        Token t = d.at(k);
        return d.isSymbol(k, '%') || d.isSymbol(k, '\u066A') || t.has(Role.PERCENT) || t.entry != null
                && (t.isNumberWord() && t.entry.numClass == NumberClass.SCALE || t.entry.currencyFamily != null);
    }

    /**
     * 3.000, 25.000: one dot before three zeros. Arabic text takes the European thousands dot from its neighbours'
     * typesetting, and no one writes a decimal with three trailing zeros in a story.
     */
    private static boolean thousandsDot(Doc d, Token t) {
        return dotBeforeThree(d, t) && d.text.startsWith("000", t.end - 3);
    }

    /**
     * 253,753.468, 542.963,440: commas and dots both, every group after the first three digits long. Arabic text
     * mixes the two thousands separators it meets (its own typesetting and the European one); the value is the whole
     * number, or NaN when the groups are not so written.
     */
    private static double mixedThousands(String s) {
        boolean comma = false;
        boolean dot = false;
        int run = 0;
        StringBuilder digits = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ',' || c == '.') {
                if (digits.length() > 0 && comma | dot && run != 3) {
                    return Double.NaN;
                }
                comma |= c == ',';
                dot |= c == '.';
                run = 0;
            } else if (c >= '0' && c <= '9') {
                digits.append(c);
                run++;
            } else if (!Folding.isFormatChar(c)) {
                return Double.NaN;
            }
        }
        return comma && dot && run == 3 ? Double.parseDouble(digits.toString()) : Double.NaN;
    }

    /** 98.278: one dot before the last three digits, which Arabic text may mean as a thousands separator. */
    static boolean dotBeforeThree(Doc d, Token t) {
        return t.type == TokenType.DIGITS && t.decimal && !t.dotted && !t.grouped && t.integerDigits <= 3
                && t.end - t.start >= 5 && d.text.charAt(t.end - 4) == '.';
    }

    /** A signed exponent at k; {@code glued}: sign and digits must touch what precedes them (1e-10). */
    private static Digits exponent(Doc d, int k, boolean glued) {
        int sign = 1;
        if (d.isDash(k) && (!glued || d.attached(k - 1))) {
            sign = -1;
            k++;
            while (!glued && d.isDash(k) && d.attached(k - 1)) {
                sign = -sign;  // 1.1^--23: minus a minus
                k++;
            }
        } else if (d.isSymbol(k, '+') && (!glued || d.attached(k - 1))) {
            k++;  // 1.2E+3
        }
        if (d.at(k).type == TokenType.DIGITS && (!glued || d.attached(k - 1))) {
            return new Digits(sign * d.at(k).value, k);
        }
        return null;
    }

    /** A plain, no-break or narrow no-break space: the ones typesetters put between digit groups. */
    private static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    /** v × 10^power through the decimal form, so that 6.02e23 is the double nearest 6.02e23, as parsing it gives. */
    private static double scaled(double v, double power) {
        if (power != Math.rint(power) || Math.abs(power) > 300) {
            return v * Math.pow(10, power);
        }
        return new BigDecimal(Double.toString(v)).scaleByPowerOfTen((int) power).doubleValue();
    }

    /**
     * Which group starts the decimals: index, -1 for none, -2 when the commas separate a list, -3 for a dotted
     * label. ٫ is decimal (unless repeated between groups of three) and ٬ always thousands; a lone comma or dot is
     * a decimal point unless exactly three digits follow a comma (1,250); when both comma and dot appear the last
     * one is the decimal point.
     */
    static int decimalSeparator(char[] seps, int groups, int[] starts, int[] ends) {
        if (groups == 1) {
            return -1;
        }
        int lastComma = -1;
        int lastDot = -1;
        int commas = 0;
        int dots = 0;
        int arabicDecimal = -1;
        int arabicDecimals = 0;
        for (int g = 1; g < groups; g++) {
            if (seps[g] == '\u066B') {
                arabicDecimal = arabicDecimal < 0 ? g : arabicDecimal;
                arabicDecimals++;
            } else if (seps[g] == ',') {
                commas++;
                lastComma = g;
            } else if (seps[g] == '.') {
                dots++;
                lastDot = g;
            }
        }
        boolean threes = ends[0] - starts[0] <= 3;
        for (int g = 1; g < groups; g++) {
            threes &= ends[g] - starts[g] == 3;
        }
        if (arabicDecimals == 1 || arabicDecimals > 1 && !threes) {
            return arabicDecimal;
        }
        if (arabicDecimals > 1) {
            return -1;  // ١٫٢٣٤٫٥٦٧: a number has one decimal point, so repeated ones group thousands
        }
        if (commas > 0 && dots > 0) {
            return Math.max(lastComma, lastDot);
        }
        if (commas > 0) {
            if (threes) {
                return -1;
            }
            return commas == 1 ? lastComma : -2;
        }
        if (dots > 1) {
            return threes ? -1 : -3;
        }
        return lastDot;
    }
}
