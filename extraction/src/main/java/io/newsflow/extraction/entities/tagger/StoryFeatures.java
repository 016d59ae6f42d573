package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.Arrays;

/**
 * The features of the story pass (context aggregation, Krishnan and Manning 2006; Ratinov and Roth 2009): what a
 * first tagging of the whole story said about each token's word everywhere else in it, earlier and later, and
 * about the longest sequence of words around the token that the first pass marked as a name somewhere else.
 * A story names someone in full once, with a title, and then by surname in places the tagger reads as ordinary
 * words; the history feature only looks back, these look both ways and at whole names. A token's own first-pass
 * label is left out of its word's counts, so that a feature says what the rest of the story adds.
 */
final class StoryFeatures {

    /** Upper bound on one token's story features. */
    static final int MAX = 13;

    /** Longest first-pass name whose words are looked for elsewhere in the story. */
    private static final int LONGEST_NAME = 6;
    private static final int TYPES = 4;
    private static final long SEQUENCE = 0x51ed_270b_2f3a_94c7L;

    private StoryFeatures() {
    }

    /** Reusable buffers of one thread. */
    static final class Buffers {
        long[] features = new long[0];
        int[] counts = new int[0];
        private int[] words = new int[0];
        private int[] sequenceLength = new int[0];
        private int[] sequenceCode = new int[0];

        void ensure(int n) {
            if (counts.length < n) {
                int c = Math.max(n, 256);
                features = new long[c * MAX];
                counts = new int[c];
                words = new int[c];
                sequenceLength = new int[c];
                sequenceCode = new int[c];
            }
        }
    }

    /** 0 for O, else 1 + the entity type. */
    private static int kind(int label) {
        return label == Labels.O ? 0 : 1 + (label - 1) / 2;
    }

    /**
     * Writes the story features of every token of {@code tokens} into {@code b.features} ({@link #MAX} per token,
     * {@code b.counts[t]} of them), given the first pass's {@code labels} and the words as the history keys them.
     */
    static void compute(Tokens tokens, long[] keys, int[] labels, Buffers b) {
        int n = tokens.size();
        b.ensure(n);
        LongIntMap index = new LongIntMap(Math.max(16, n));
        // per word: times labelled O and with each type, then times first and later word of a multi-word name
        int width = 1 + TYPES + 2;
        int[] counts = new int[Math.max(1, n) * width];
        int words = 0;
        for (int t = 0; t < n; t++) {
            int w = index.get(keys[t], -1);
            if (w < 0) {
                w = words++;
                index.put(keys[t], w);
            }
            b.words[t] = w;
            counts[w * width + kind(labels[t])]++;
            int part = namePart(tokens, labels, t);
            if (part != 0) {
                counts[w * width + TYPES + part]++;
            }
        }
        LongIntMap names = new LongIntMap(64);
        int[] nameCounts = new int[64 * TYPES];
        int nameCount = 0;
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            int end = tokens.sentenceEnd(s);
            for (int t = tokens.sentenceStart(s); t < end; t++) {
                if (!Labels.isBegin(labels[t])) {
                    continue;
                }
                int last = nameEnd(labels, t, end);
                if (last - t > LONGEST_NAME) {
                    continue;
                }
                long h = sequence(keys, t, last);
                int id = names.get(h, -1);
                if (id < 0) {
                    id = nameCount++;
                    names.put(h, id);
                    if (nameCount * TYPES > nameCounts.length) {
                        nameCounts = Arrays.copyOf(nameCounts, nameCounts.length * 2);
                    }
                }
                nameCounts[id * TYPES + kind(labels[t]) - 1]++;
            }
        }
        Arrays.fill(b.sequenceLength, 0, n, 0);
        int[] others = new int[TYPES];
        for (int s = 0; s < tokens.sentenceCount() && nameCount > 0; s++) {
            int end = tokens.sentenceEnd(s);
            for (int t = tokens.sentenceStart(s); t < end; t++) {
                long h = SEQUENCE;
                for (int length = 1; length <= LONGEST_NAME && t + length <= end; length++) {
                    h = FoldedHash.combine(h, keys[t + length - 1]);
                    int id = names.get(h, -1);
                    if (id < 0) {
                        continue;
                    }
                    boolean here = Labels.isBegin(labels[t]) && nameEnd(labels, t, end) == t + length;
                    int total = 0;
                    int best = -1;
                    for (int type = 0; type < TYPES; type++) {
                        others[type] = nameCounts[id * TYPES + type]
                                - (here && kind(labels[t]) - 1 == type ? 1 : 0);
                        total += others[type];
                        if (others[type] > 0 && (best < 0 || others[type] > others[best])) {
                            best = type;
                        }
                    }
                    if (total == 0) {
                        continue;
                    }
                    for (int k = t; k < t + length; k++) {
                        if (b.sequenceLength[k] < length) {
                            b.sequenceLength[k] = length;
                            // type, first or later word, and whether the first pass marked this very span
                            b.sequenceCode[k] = 1 + best * 4 + (k == t ? 0 : 2) + (here ? 1 : 0);
                        }
                    }
                }
            }
        }
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            int from = tokens.sentenceStart(s);
            int end = tokens.sentenceEnd(s);
            for (int t = from; t < end; t++) {
                int at = t * MAX;
                int f = 0;
                int own = labels[t];
                int code = code(counts, width, b.words[t], kind(own));
                long[] out = b.features;
                out[at + f++] = f(100, 0);
                out[at + f++] = f(101, code);
                out[at + f++] = f(102, code * 16L + own);
                out[at + f++] = f(103, own);
                int base = b.words[t] * width;
                int total = 0;
                for (int k = 0; k <= TYPES; k++) {
                    total += counts[base + k];
                }
                total -= 1;
                for (int type = 0; type < TYPES; type++) {
                    int seen = counts[base + 1 + type] - (kind(own) == 1 + type ? 1 : 0);
                    out[at + f++] = f(104 + type, seen == 0 ? 0 : 1 + Math.min(2, 3 * seen / total)
                            + (seen >= 3 ? 3 : 0));
                }
                int part = namePart(tokens, labels, t);
                int first = counts[base + TYPES + 1] - (part == 1 ? 1 : 0);
                int later = counts[base + TYPES + 2] - (part == 2 ? 1 : 0);
                out[at + f++] = f(108, Math.min(2, first) * 3L + Math.min(2, later));
                out[at + f++] = f(109, t > from ? code(counts, width, b.words[t - 1], kind(labels[t - 1])) : -1);
                out[at + f++] = f(110, t + 1 < end ? code(counts, width, b.words[t + 1], kind(labels[t + 1])) : -1);
                out[at + f++] = f(111, b.sequenceLength[t] == 0 ? 0 : b.sequenceCode[t]);
                out[at + f++] = f(112, (b.sequenceLength[t] == 0 ? 0 : b.sequenceCode[t]) * 16L + own);
                b.counts[t] = f;
            }
        }
    }

    /**
     * As {@link History#code}, over the word's other occurrences in the whole story: 0 for none, 1 for only
     * outside names, else {@code 2 + 2 * type + (outside more often ? 1 : 0)} for the type given most often.
     */
    private static int code(int[] counts, int width, int word, int ownKind) {
        int base = word * width;
        int outside = counts[base] - (ownKind == 0 ? 1 : 0);
        int best = -1;
        int bestCount = 0;
        for (int type = 0; type < TYPES; type++) {
            int c = counts[base + 1 + type] - (ownKind == 1 + type ? 1 : 0);
            if (c > bestCount) {
                best = type;
                bestCount = c;
            }
        }
        if (best < 0) {
            return outside > 0 ? 1 : 0;
        }
        return 2 + 2 * best + (outside > bestCount ? 1 : 0);
    }

    /** 1 for the first word of a name of several words, 2 for a later one, 0 otherwise. */
    private static int namePart(Tokens tokens, int[] labels, int t) {
        if (Labels.isInside(labels[t])) {
            return 2;
        }
        return Labels.isBegin(labels[t]) && t + 1 < tokens.size() && Labels.isInside(labels[t + 1]) ? 1 : 0;
    }

    /** The end (exclusive) of the name that begins at {@code t}. */
    private static int nameEnd(int[] labels, int t, int end) {
        int last = t + 1;
        while (last < end && Labels.isInside(labels[last])) {
            last++;
        }
        return last;
    }

    private static long sequence(long[] keys, int from, int to) {
        long h = SEQUENCE;
        for (int t = from; t < to; t++) {
            h = FoldedHash.combine(h, keys[t]);
        }
        return h;
    }

    private static long f(int template, long value) {
        return FoldedHash.combine(template * 0x632BE59BD9B4E019L, value);
    }
}
