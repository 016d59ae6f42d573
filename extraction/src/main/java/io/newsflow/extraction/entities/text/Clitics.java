package io.newsflow.extraction.entities.text;

/**
 * Arabic proclitics written fused to the next word: the conjunctions و and ف, the prepositions ب، ل، ك, and the
 * article ال, which after ل loses its alef (لل). A token such as {@code وللإمارات} can start a name at several
 * places; {@link #splits} lists them so that lookups try each, and {@link #stemHash} hashes the name that starts
 * there, putting back the article that لل swallowed.
 *
 * <p>A split is encoded as {@code offset << 1 | restoredArticle}: {@code offset} chars of clitics precede the name.
 */
public final class Clitics {

    /** Split 0: the whole token. */
    public static final int WHOLE = 0;
    /** Enough room for every split {@link #splits} can produce. */
    public static final int MAX_SPLITS = 6;

    private static final int MIN_STEM = 2;
    private static final long ARTICLE = FoldedHash.feed(FoldedHash.start(), "ال", 0, 2);

    private Clitics() {
    }

    /** Writes the possible splits of {@code s[from, to)} into {@code out}, whole token first; returns how many. */
    public static int splits(CharSequence s, int from, int to, int[] out) {
        int n = 0;
        out[n++] = WHOLE;
        int p = from;
        if (to - p > MIN_STEM + 1 && isConjunction(s.charAt(p))) {
            p++;
            out[n++] = (p - from) << 1;
        }
        if (to - p > MIN_STEM + 1 && isPreposition(s.charAt(p))) {
            if (s.charAt(p) == 'ل' && s.charAt(p + 1) == 'ل' && to - p > MIN_STEM + 2) {
                out[n++] = ((p + 2 - from) << 1) | 1;
            }
            p++;
            out[n++] = (p - from) << 1;
        }
        return n;
    }

    public static int offset(int split) {
        return split >>> 1;
    }

    public static boolean restoresArticle(int split) {
        return (split & 1) != 0;
    }

    public static long stemHash(CharSequence s, int from, int to, int split) {
        long h = restoresArticle(split) ? ARTICLE : FoldedHash.start();
        return FoldedHash.finish(FoldedHash.feed(h, s, from + offset(split), to));
    }

    /** Hash of the clitics a split removes, so the tagger can learn that بـ or وال precede names. */
    public static long prefixHash(CharSequence s, int from, int split) {
        return FoldedHash.hash(s, from, from + offset(split)) + (restoresArticle(split) ? 1 : 0);
    }

    private static boolean isConjunction(char c) {
        return c == 'و' || c == 'ف';
    }

    private static boolean isPreposition(char c) {
        return c == 'ب' || c == 'ل' || c == 'ك';
    }
}
