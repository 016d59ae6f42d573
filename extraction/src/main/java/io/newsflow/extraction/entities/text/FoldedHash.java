package io.newsflow.extraction.entities.text;

import io.newsflow.extraction.Folding;

/**
 * Hashes text as {@link Folding} folds it, without allocating: lookups (gazetteers, clusters, model features) all
 * key on these hashes.
 */
public final class FoldedHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private FoldedHash() {
    }

    public static long start() {
        return FNV_OFFSET;
    }

    /** Continues a running hash over the folded characters of {@code s[from, to)}. */
    public static long feed(long h, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char f = Folding.fold(s.charAt(i));
            if (f != Folding.DROP) {
                h = (h ^ f) * FNV_PRIME;
            }
        }
        return h;
    }

    /** Continues a running hash over the first {@code n} folded characters of {@code s[from, to)}. */
    public static long feedFirst(long h, CharSequence s, int from, int to, int n) {
        for (int i = from; i < to && n > 0; i++) {
            char f = Folding.fold(s.charAt(i));
            if (f != Folding.DROP) {
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
            if (Folding.fold(s.charAt(--i)) != Folding.DROP) {
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
