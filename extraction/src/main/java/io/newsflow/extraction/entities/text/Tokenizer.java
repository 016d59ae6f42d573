package io.newsflow.extraction.entities.text;

import java.util.Set;

/**
 * Splits news text into the tokens the NER training data uses: words (Arabic words keep their clitics, as in
 * ANERcorp), numbers with their separators, abbreviations with their dots (U.S., Mr.), English possessive
 * {@code 's} on its own (as in CoNLL-2003), and every other punctuation mark alone. Sentences end after
 * {@code . ! ? ؟} and at line breaks.
 */
public final class Tokenizer {

    /** Longer sentences are cut: the tagger's context is a few tokens, and this bounds per-sentence buffers. */
    private static final int MAX_SENTENCE = 200;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "st",
            "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "adm", "cmdr", "supt", "det");

    private Tokenizer() {
    }

    public static Tokens tokenize(String text) {
        Tokens tokens = new Tokens(text);
        tokens.startSentence(0);
        int n = text.length();
        int i = 0;
        int sentenceLength = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (c == '\n' || c == '\r') {
                    tokens.startSentence(tokens.size());
                    sentenceLength = 0;
                }
                i++;
                continue;
            }
            int end = isWordChar(c) ? wordEnd(text, i) : punctuationEnd(text, i);
            tokens.add(i, end);
            sentenceLength++;
            if ((end - i == 1 && isSentenceEnd(c)) || sentenceLength >= MAX_SENTENCE) {
                tokens.startSentence(tokens.size());
                sentenceLength = 0;
            }
            i = end;
        }
        return tokens;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '؟';
    }

    static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c) || c == 'ـ') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static int wordEnd(String text, int from) {
        int n = text.length();
        int i = from + 1;
        int segmentStart = from;
        boolean dotted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                i++;
                continue;
            }
            boolean nextIsWord = i + 1 < n && isWordChar(text.charAt(i + 1));
            char prev = text.charAt(i - 1);
            if ((c == '-' || c == '/' && Character.isDigit(prev)) && nextIsWord) {
                i++;
            } else if ((c == ',' || c == '.' || c == '٫' || c == '٬') && Character.isDigit(prev)
                    && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                i++;
            } else if (c == '.' && i - segmentStart == 1 && Character.isLetter(prev) && prev < 0x80) {
                // single Latin letters joined by dots are abbreviations (U.S., U.N.): keep their final dot too
                dotted = true;
                i++;
                segmentStart = i;
                if (!nextIsWord) {
                    return i;
                }
            } else if ((c == '\'' || c == '’') && nextIsWord && !isPossessive(text, i)) {
                i++;
            } else {
                break;
            }
        }
        if (!dotted && i < n && text.charAt(i) == '.' && i - from <= 4
                && ABBREVIATIONS.contains(text.substring(from, i).toLowerCase(java.util.Locale.ROOT))) {
            return i + 1;
        }
        return i;
    }

    private static boolean isPossessive(String text, int apostrophe) {
        int s = apostrophe + 1;
        return s < text.length() && (text.charAt(s) == 's' || text.charAt(s) == 'S')
                && (s + 1 == text.length() || !isWordChar(text.charAt(s + 1)));
    }

    private static int punctuationEnd(String text, int from) {
        char c = text.charAt(from);
        if ((c == '\'' || c == '’') && isPossessive(text, from)) {
            return from + 2;
        }
        return Character.isHighSurrogate(c) && from + 1 < text.length() ? from + 2 : from + 1;
    }
}
