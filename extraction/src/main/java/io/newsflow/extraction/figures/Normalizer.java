package io.newsflow.extraction.figures;

import io.newsflow.extraction.Folding;

/**
 * Lookup keys of figure words, folded by {@link Folding} into buffers the scanner reuses, and the cleaned surface
 * forms shown to users.
 */
final class Normalizer {

    private Normalizer() {
    }

    static boolean isArabicLetter(char c) {
        return (c >= '\u0621' && c <= '\u064A' && c != '\u0640') || (c >= '\u0671' && c <= '\u06D3') || c == '\u06D5'
                || (c >= '\u06FA' && c <= '\u06FC');
    }

    /** Writes the key of text[start, end) into out and returns its length. */
    static int key(CharSequence text, int start, int end, char[] out) {
        int n = 0;
        for (int i = start; i < end; i++) {
            char folded = Folding.fold(text.charAt(i));
            if (folded != Folding.DROP) {
                out[n++] = folded;
            }
        }
        return n;
    }

    static String key(String s) {
        char[] buf = new char[s.length()];
        return new String(buf, 0, key(s, 0, s.length(), buf));
    }

    /** A surface form for display: vowel marks, tanween and tatweel removed, letters as written. */
    static String clean(CharSequence text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Folding.isArabicMark(c) && !Folding.isFormatChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
