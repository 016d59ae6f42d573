package io.newsflow.extraction.entities.text;

/**
 * Folds spelling variants that news writers use interchangeably onto one form, and hashes folded text without
 * allocating: hamza-carrying alefs, alef maqsura, teh marbuta, Persian letters, diacritics and tatweel in Arabic;
 * case in Latin script. Lookups (gazetteers, clusters, model features) all key on these hashes.
 */
public final class Fold {

    /** Marks a character that folding removes. */
    public static final char DROP = 0;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fold() {
    }

    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ':
                return 'ا';
            case 'ى', 'ی':
                return 'ي';
            case 'ة':
                return 'ه';
            case 'ک':
                return 'ك';
            case 'ـ':
                return DROP;
            default:
                break;
        }
        if (c >= '\u0600' && c <= '\u06FF') {
            return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' ? DROP : c;
        }
        return Character.toLowerCase(c);
    }

    /** The folded form as a string; for building lexicons and ids, not for the per-token hot path. */
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

    public static long start() {
        return FNV_OFFSET;
    }

    /** Continues a running hash over the folded characters of {@code s[from, to)}. */
    public static long feed(long h, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char f = fold(s.charAt(i));
            if (f != DROP) {
                h = (h ^ f) * FNV_PRIME;
            }
        }
        return h;
    }

    /** Continues a running hash over the first {@code n} folded characters of {@code s[from, to)}. */
    public static long feedFirst(long h, CharSequence s, int from, int to, int n) {
        for (int i = from; i < to && n > 0; i++) {
            char f = fold(s.charAt(i));
            if (f != DROP) {
                h = (h ^ f) * FNV_PRIME;
                n--;
            }
        }
        return h;
    }

    /** Continues a running hash over the last {@code n} folded characters of {@code s[from, to)}. */
    public static long feedLast(long h, CharSequence s, int from, int to, int n) {
        int i = to;
        while (i > from && n > 0) {
            if (fold(s.charAt(--i)) != DROP) {
                n--;
            }
        }
        return feed(h, s, i, to);
    }

    public static long feedChar(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    public static long hash(CharSequence s, int from, int to) {
        return finish(feed(FNV_OFFSET, s, from, to));
    }

    public static long hash(CharSequence s) {
        return hash(s, 0, s.length());
    }

    /** Case-sensitive hash of the raw characters: English capitalization carries meaning the folded form loses. */
    public static long rawHash(CharSequence s, int from, int to) {
        long h = FNV_OFFSET ^ 0x5bd1e995L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return finish(h);
    }

    /** Murmur3's finalizer: spreads FNV's weak low bits so that masked table indices stay uniform. */
    public static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    public static long combine(long a, long b) {
        return finish(a * 0x9E3779B97F4A7C15L + b);
    }
}
