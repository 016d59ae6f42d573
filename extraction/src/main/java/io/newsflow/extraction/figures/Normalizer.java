package io.newsflow.extraction.figures;

import io.newsflow.extraction.Folding;

/**
 * Lookup keys of figure words, folded by {@link Folding} into buffers the scanner reuses, and the cleaned surface
 * forms shown to users.
 */
final class Normalizer {

    private Normalizer() {
    }

    /** The first and last Arabic presentation form (Forms-A and Forms-B): glyphs that text copied from print keeps. */
    private static final char FORMS_FIRST = '\uFB50';
    private static final char FORMS_LAST = '\uFEFC';
    /** Each presentation form's letters (lam-alef ligatures are two), or null for marks and unassigned places. */
    private static final String[] FORMS = presentationForms();

    static boolean isArabicLetter(char c) {
        return (c >= '\u0621' && c <= '\u064A' && c != '\u0640') || (c >= '\u0671' && c <= '\u06D3') || c == '\u06D5'
                || (c >= '\u06FA' && c <= '\u06FC') || (c >= FORMS_FIRST && c <= FORMS_LAST);
    }

    /**
     * Writes the key of text[start, end) into out and returns its length (at most out.length). Presentation forms
     * key as the letters they draw (ﺳﻴﺎﺭﺓ = سيارة).
     */
    static int key(CharSequence text, int start, int end, char[] out) {
        int n = 0;
        for (int i = start; i < end && n < out.length; i++) {
            char c = text.charAt(i);
            if (c >= FORMS_FIRST && c <= FORMS_LAST) {
                String letters = FORMS[c - FORMS_FIRST];
                for (int k = 0; letters != null && k < letters.length() && n < out.length; k++) {
                    char folded = Folding.fold(letters.charAt(k));
                    if (folded != Folding.DROP) {
                        out[n++] = folded;
                    }
                }
                continue;
            }
            char folded = Folding.fold(c);
            if (folded != Folding.DROP) {
                out[n++] = folded;
            }
        }
        return n;
    }

    private static String[] presentationForms() {
        String[] forms = new String[FORMS_LAST - FORMS_FIRST + 1];
        for (char c = FORMS_FIRST; c <= FORMS_LAST; c++) {
            String letters = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
            boolean arabic = !letters.equals(String.valueOf(c));
            for (int k = 0; k < letters.length(); k++) {
                arabic &= letters.charAt(k) >= '\u0600' && letters.charAt(k) <= '\u06FF';
            }
            forms[c - FORMS_FIRST] = arabic ? letters : null;
        }
        return forms;
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
