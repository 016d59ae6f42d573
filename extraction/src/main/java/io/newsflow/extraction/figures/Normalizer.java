package io.newsflow.extraction.figures;

/**
 * Folds the spelling variation of news text into lookup keys. Arabic writers differ on hamza seats, final ya/alef
 * maqsura and ta marbuta/ha (اربعه = أربعة, مائه = مائة), and vowel marks or tatweel may appear anywhere, so keys
 * drop all of them; the canonical spellings shown to users come from the lexicons, not from these keys.
 */
final class Normalizer {

    private Normalizer() {
    }

    static boolean isArabicLetter(char c) {
        return (c >= '\u0621' && c <= '\u064A' && c != '\u0640') || (c >= '\u0671' && c <= '\u06D3') || c == '\u06D5'
                || (c >= '\u06FA' && c <= '\u06FC');
    }

    /** Vowel marks, tanween, shadda, superscript alef and tatweel: present or not, the word is the same. */
    static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640' || (c >= '\u06D6' && c <= '\u06ED');
    }

    /** Bidi controls that editors leave inside numbers (25799‪,‪52); they carry no content. */
    static boolean isFormatChar(char c) {
        return c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || c == '\u200C' || c == '\u200D'
                || c == '\u2066' || c == '\u2067' || c == '\u2068' || c == '\u2069' || c == '\u061C';
    }

    static char foldArabic(char c) {
        switch (c) {
            case '\u0623': case '\u0625': case '\u0622': case '\u0671': return '\u0627'; // hamza seats on alef
            case '\u0649': case '\u06CC': case '\u064A': return '\u064A';                 // alef maqsura, Persian ya
            case '\u0629': case '\u06C0': return '\u0647';                                // ta marbuta
            case '\u06A9': return '\u0643';                                               // Persian kaf
            default: return c;
        }
    }

    /** Writes the key of text[start, end) into out and returns its length. */
    static int key(CharSequence text, int start, int end, char[] out) {
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isArabicMark(c) || isFormatChar(c)) {
                continue;
            }
            if (c < 128) {
                out[n++] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
            } else {
                out[n++] = foldArabic(Character.toLowerCase(c));
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
            if (!isArabicMark(c) && !isFormatChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
