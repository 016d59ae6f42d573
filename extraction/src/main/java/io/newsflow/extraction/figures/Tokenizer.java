package io.newsflow.extraction.figures;

import io.newsflow.extraction.Folding;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a story into digit groups, words and symbols in one left-to-right pass, and reads each word against the
 * lexicon (trying the forms without the clitics و ف ب ل ك ال that Arabic glues to words). URLs and e-mail
 * addresses are dropped whole so that the digits inside them never become figures.
 */
final class Tokenizer {

    private final Lexicon lexicon;

    Tokenizer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** @param readWords false for languages the lexicons do not cover: their words are only separators */
    List<Token> tokenize(String text, boolean readWords) {
        List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 5));
        char[] buf = new char[64];
        int n = text.length();
        int i = 0;
        boolean space = true;
        int lines = 0;
        boolean indent = false;
        boolean runStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c) || c >= '\u00A0' && !isArabicBlock(c) && Character.isSpaceChar(c)) {
                if (c == '\n') {
                    lines++;
                    indent = false;
                } else if (lines > 0 && (c == ' ' || c == '\t')) {
                    indent = true;
                }
                space = true;
                runStart = true;
                i++;
                continue;
            }
            if (Folding.isFormatChar(c)) {
                i++;
                continue;
            }
            if (runStart) {
                int skipTo = linkEnd(text, i);
                runStart = false;
                if (skipTo > i) {
                    i = skipTo;
                    space = true;
                    continue;
                }
            }
            Token t = new Token();
            t.start = i;
            t.spaceBefore = space || tokens.isEmpty();
            t.lineBefore = lines > 0;
            t.paragraphBefore = lines > 1 || (lines == 1 && indent) || tokens.isEmpty();
            space = false;
            lines = 0;
            indent = false;
            int vulgar = "½⅓⅔¼¾⅕⅛".indexOf(c);
            if (vulgar >= 0) {
                t.type = TokenType.DIGITS;
                t.value = new double[] {0.5, 1 / 3.0, 2 / 3.0, 0.25, 0.75, 0.2, 0.125}[vulgar];
                t.digits = Double.toString(t.value);
                t.decimal = true;
                t.end = ++i;
                tokens.add(t);
                continue;
            }
            if (isDigit(c) || (c == '.' && t.spaceBefore && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                i = readNumber(text, i, t);
            } else if (Normalizer.isArabicLetter(c)) {
                i = readArabic(text, i, t, readWords ? buf : null);
            } else if (isLatin(c)) {
                i = readLatin(text, i, t, readWords ? buf : null);
            } else {
                t.type = TokenType.SYMBOL;
                t.sym = c == '\u0640' ? '-' : c;
                t.end = ++i;
                if (c == '\u0640') {
                    // A run of tatweel standing alone works as a dash (كوفيد ـ 19).
                    while (i < n && text.charAt(i) == '\u0640') {
                        i++;
                    }
                    t.end = i;
                }
            }
            tokens.add(t);
        }
        return tokens;
    }

    /**
     * Character.isWhitespace without its table look-up for printable ASCII and the Arabic block, which make up most
     * of a story: every character passes here, some twice.
     */
    private static boolean isSpace(char c) {
        return (c <= ' ' || c >= '\u0085') && !isArabicBlock(c) && Character.isWhitespace(c);
    }

    private static boolean isArabicBlock(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9');
    }

    static int digitValue(char c) {
        if (c <= '9') {
            return c - '0';
        }
        return c <= '\u0669' ? c - '\u0660' : c - '\u06F0';
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7');
    }

    /** End of a URL or e-mail address starting at i, or i when there is none. */
    private static int linkEnd(String text, int i) {
        int end = i;
        boolean link = false;
        int n = text.length();
        while (end < n && !isSpace(text.charAt(end))) {
            char c = text.charAt(end);
            if (c == '@' && end > i && end + 1 < n && Character.isLetterOrDigit(text.charAt(end + 1))) {
                link = true;
            } else if (c == ':' && text.startsWith("//", end + 1)) {
                link = true;
            }
            end++;
        }
        if (!link && (text.startsWith("www.", i) || text.startsWith("WWW.", i))) {
            link = true;
        }
        if (!link) {
            return i;
        }
        // Sentence punctuation right after a link belongs to the sentence, but a link is never a figure anyway.
        return end;
    }

    private int readNumber(String text, int i, Token t) {
        t.type = TokenType.DIGITS;
        int n = text.length();
        // Groups of digits and the separators between them, read before deciding what the separators mean.
        int[] groupEnd = new int[8];
        char[] seps = new char[8];
        int groups = 0;
        int groupStart = i;
        int[] groupStartAt = new int[8];
        if (text.charAt(i) == '.') {
            seps[0] = '.';
            i++;
            groupStart = i;
        }
        boolean leadingPoint = groupStart != t.start;
        boolean mirrored = false;
        boolean allMirrored = true;
        while (true) {
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (groups < 8) {
                groupStartAt[groups] = groupStart;
                groupEnd[groups] = i;
            }
            groups++;
            int j = i;
            while (j < n && Folding.isFormatChar(text.charAt(j))) {
                j++;
            }
            if (leadingPoint || j >= n || groups >= 8) {
                break;
            }
            char c = text.charAt(j);
            int k = j + 1;
            while (k < n && Folding.isFormatChar(text.charAt(k))) {
                k++;
            }
            if (c == '\u060C' && threeDigits(text, k)) {
                c = ',';  // 1،300،000: the Arabic comma groups thousands when three digits, and no more, follow it
            }
            if ((c == '.' || c == ',' || c == '\u066B' || c == '\u066C') && k < n && isDigit(text.charAt(k))) {
                mirrored = groups == 1 && c == '.' && text.charAt(j + 1) == '\u200F';
                allMirrored &= c == '.' && text.charAt(j + 1) == '\u200F';
                seps[groups] = c;
                i = k;
                groupStart = k;
            } else {
                break;
            }
        }
        StringBuilder digits = new StringBuilder(i - t.start);
        if (leadingPoint) {
            digits.append("0.");
            appendDigits(text, groupStartAt[0], groupEnd[0], digits);
            t.decimal = true;
            t.end = groupEnd[0];
            return finishNumber(t, digits, 0);
        }
        if (mirrored && groups == 2) {
            // 88.<RLM>52: a right-to-left mark after the point tells a decimal typeset mirrored, the fraction first
            appendDigits(text, groupStartAt[1], groupEnd[1], digits);
            digits.append('.');
            appendDigits(text, groupStartAt[0], groupEnd[0], digits);
            t.decimal = true;
            t.end = groupEnd[1];
            return finishNumber(t, digits, groupEnd[1] - groupStartAt[1]);
        }
        if (allMirrored && groups >= 3 && groups <= 8 && mirroredThousands(groups, groupStartAt, groupEnd)) {
            // 960.<RLM>407.<RLM>1: thousands typeset mirrored, the last group first (1.407.960)
            for (int g = groups - 1; g >= 0; g--) {
                appendDigits(text, groupStartAt[g], groupEnd[g], digits);
            }
            t.grouped = true;
            t.end = groupEnd[groups - 1];
            return finishNumber(t, digits, digits.length());
        }
        int decimalAt = DigitForms.decimalSeparator(seps, groups, groupStartAt, groupEnd);
        if (decimalAt > 0 && seps[decimalAt] == ',' && t.start > 1 && text.charAt(t.start - 1) == ','
                && isDigit(text.charAt(t.start - 2))) {
            decimalAt = -2;  // the rest of a list written without spaces (22,24,26,31)
        }
        if (decimalAt == -2) {
            // A list written without spaces (22,24,26): the token is the first group; the rest follow as tokens.
            groups = 1;
            decimalAt = -1;
        } else if (decimalAt == -3) {
            // Dotted labels like version or IP numbers: keep them as one token, but as a code.
            t.grouped = true;
            t.decimal = true;
            t.dotted = true;
        }
        int integerDigits = 0;
        for (int g = 0; g < groups; g++) {
            if (g == decimalAt) {
                digits.append('.');
                t.decimal = true;
            } else if (g > 0) {
                t.grouped = true;
            }
            appendDigits(text, groupStartAt[g], groupEnd[g], digits);
            if (decimalAt < 0 || g < decimalAt) {
                integerDigits += groupEnd[g] - groupStartAt[g];
            }
        }
        t.end = groupEnd[groups - 1];
        return finishNumber(t, digits, integerDigits);
    }

    /** Every group but the one written last, which leads once mirrored back, has three digits. */
    private static boolean mirroredThousands(int groups, int[] groupStartAt, int[] groupEnd) {
        for (int g = 0; g < groups - 1; g++) {
            if (groupEnd[g] - groupStartAt[g] != 3) {
                return false;
            }
        }
        int lead = groupEnd[groups - 1] - groupStartAt[groups - 1];
        return lead >= 1 && lead <= 3;
    }

    private static boolean threeDigits(String text, int k) {
        int n = text.length();
        return k + 3 <= n && isDigit(text.charAt(k)) && isDigit(text.charAt(k + 1)) && isDigit(text.charAt(k + 2))
                && (k + 3 == n || !isDigit(text.charAt(k + 3)));
    }

    private static int finishNumber(Token t, StringBuilder digits, int integerDigits) {
        t.digits = digits.toString();
        t.integerDigits = integerDigits;
        t.value = t.digits.length() > 300 ? Double.NaN : Double.parseDouble(t.digits);
        return t.end;
    }

    private static void appendDigits(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append((char) ('0' + digitValue(text.charAt(i))));
        }
    }

    /** "fortysecond", "twentyfive": tens and unit written as one word, read as one number word. */
    private Word joinedTens(char[] buf, int len) {
        for (int cut = 4; cut <= 7 && cut < len; cut++) {
            Word tens = lexicon.get(buf, 0, cut);
            if (tens != null && tens.numClass == NumberClass.TENS && tens.denominator == 0) {
                Word unit = lexicon.get(buf, cut, len - cut);
                if (unit == null || unit.numClass != NumberClass.UNIT && unit.ordinalClass != NumberClass.UNIT) {
                    return null;
                }
                Word joined = new Word();
                if (unit.ordinal > 0 && unit.has(Role.ORDINAL_END)) {
                    joined.ordinal = tens.number + unit.ordinal;
                    joined.ordinalClass = NumberClass.TENS;
                    joined.roles.add(Role.ORDINAL_END);
                } else {
                    joined.numClass = NumberClass.TENS;
                    joined.number = tens.number + unit.number;
                }
                return joined;
            }
        }
        return null;
    }

    private int readArabic(String text, int i, Token t, char[] buf) {
        t.type = TokenType.ARABIC;
        int n = text.length();
        while (i < n && (Normalizer.isArabicLetter(text.charAt(i)) || Folding.isArabicMark(text.charAt(i)))) {
            i++;
        }
        t.end = i;
        if (buf != null && i - t.start < buf.length) {
            analyzeArabic(text, t, buf);
        }
        return i;
    }

    private void analyzeArabic(String text, Token t, char[] buf) {
        int len = Normalizer.key(text, t.start, t.end, buf);
        if (len == 0) {
            return;
        }
        Word w = lexicon.get(buf, 0, len);
        if (w != null) {
            t.entry = w;
            return;
        }
        int p = 0;
        if ((buf[0] == '\u0648' || buf[0] == '\u0641') && len > 2) {  // و ف
            p = 1;
            t.conjunction = true;
            if ((w = lexicon.get(buf, p, len - p)) != null) {
                t.entry = w;
                t.stemOffset = p;
                return;
            }
        }
        boolean prep = buf[p] == '\u0628' || buf[p] == '\u0644' || buf[p] == '\u0643';  // ب ل ك
        if (prep && len - p - 1 >= 3 && (w = lexicon.get(buf, p + 1, len - p - 1)) != null) {
            t.entry = w;
            t.preposition = true;
            t.stemOffset = p + 1;
            return;
        }
        int article = -1;
        if (len - p > 3 && buf[p] == '\u0627' && buf[p + 1] == '\u0644') {          // ال
            article = p + 2;
        } else if (prep && len - p > 4 && buf[p + 1] == '\u0627' && buf[p + 2] == '\u0644') {  // بال كال لال
            article = p + 3;
        } else if (buf[p] == '\u0644' && len - p > 3 && buf[p + 1] == '\u0644') {  // لل
            article = p + 2;
        }
        if (article > 0 && (w = lexicon.get(buf, article, len - article)) != null) {
            t.entry = w;
            t.definite = true;
            t.preposition = article - p != 2 || buf[p] != '\u0627';
            t.stemOffset = article;
        }
    }

    private int readLatin(String text, int i, Token t, char[] buf) {
        t.type = TokenType.LATIN;
        int n = text.length();
        t.capitalized = Character.isUpperCase(text.charAt(i));
        while (i < n && isLatin(text.charAt(i))) {
            i++;
        }
        // Dotted abbreviations (U.S., H.K., N.Z.) are one word: they pick currencies.
        if (i - t.start == 1 && i + 2 < n && text.charAt(i) == '.' && isLatin(text.charAt(i + 1))
                && (i + 2 == n || text.charAt(i + 2) == '.' || !isLatin(text.charAt(i + 2)))) {
            i += 2;
            if (i < n && text.charAt(i) == '.') {
                i++;
            }
        }
        t.end = i;
        if (buf != null && i - t.start < buf.length) {
            int len = Normalizer.key(text, t.start, t.end, buf);
            t.entry = lexicon.get(buf, 0, len);
            if (t.entry == null && len > 6) {
                t.entry = joinedTens(buf, len);
            }
        }
        return i;
    }
}
