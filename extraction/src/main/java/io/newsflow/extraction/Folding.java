package io.newsflow.extraction;

/**
 * The one folding of spelling variation that every lookup in newsflow keys on: the extraction library's gazetteers,
 * model features and word lists, and the store's unit keys. News writers use these variants interchangeably, so a
 * key must not depend on them:
 * <ul>
 *   <li>Latin and other cased scripts: lower case;</li>
 *   <li>Arabic: alef with hamza or madda and alef wasla are alef; alef maqsura and Persian yeh are yeh; teh marbuta
 *       (and heh with yeh above) is heh; Persian kaf is kaf (اربعه = أربعة, مائه = مائة, كيلو = کیلو);</li>
 *   <li>dropped: vowel marks, tanween, shadda, sukun, the superscript alef, Quranic marks, tatweel, and the bidi and
 *       joiner controls that editors leave inside words and numbers.</li>
 * </ul>
 * The forms shown to users keep their spelling; only keys are folded.
 */
public final class Folding {

    /** What {@link #fold(char)} returns for a character that folding removes. */
    public static final char DROP = 0;

    private Folding() {
    }

    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        // Arabic has no case: its block is settled here, without the Unicode case tables, on the per-token hot path.
        if (c >= '\u0600' && c <= '\u06FF') {
            switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671':
                    return '\u0627';
                case '\u0649', '\u06CC':
                    return '\u064A';
                case '\u0629', '\u06C0':
                    return '\u0647';
                case '\u06A9':
                    return '\u0643';
                default:
                    return isArabicMark(c) || isFormatChar(c) ? DROP : c;
            }
        }
        return isFormatChar(c) ? DROP : Character.toLowerCase(c);
    }

    /** The folded form of a whole string. */
    public static String fold(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char f = fold(s.charAt(i));
            if (f != DROP) {
                b.append(f);
            }
        }
        return b.toString();
    }

    /** Vowel marks, tanween, shadda, sukun, the superscript alef, Quranic marks and tatweel. */
    public static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640' || (c >= '\u06D6' && c <= '\u06ED');
    }

    /** Bidi and joiner controls (25799‪,‪52); they carry no content. */
    public static boolean isFormatChar(char c) {
        return c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u061C';
    }
}
