package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.LongIntMap;
import java.util.Arrays;

/**
 * What the tagger already said about each word earlier in the same document (Ratinov and Roth 2009's extended
 * prediction history). A story names its people and organizations again and again, often with less context the
 * second time; remembering that a word was a person's name three sentences ago makes the later mentions agree.
 * One per document and thread.
 */
final class History {

    /** Seen before, never inside an entity. */
    static final int ONLY_OUTSIDE = 1;
    /** Not seen before in this document. */
    static final int UNSEEN = 0;

    private static final int TYPES = 4;

    private LongIntMap index = new LongIntMap(128);
    /** Per word: times labelled O, then times labelled with each entity type. */
    private int[] counts = new int[64 * (1 + TYPES)];
    private int words;

    void clear() {
        if (words > 0) {
            index = new LongIntMap(128);
            words = 0;
        }
    }

    /**
     * {@link #UNSEEN}, {@link #ONLY_OUTSIDE}, or {@code 2 + 2 * type + (outside more often than that type ? 1 : 0)}
     * for the entity type the word was given most often.
     */
    int code(long word) {
        int w = index.get(word, -1);
        if (w < 0) {
            return UNSEEN;
        }
        int base = w * (1 + TYPES);
        int best = -1;
        for (int t = 0; t < TYPES; t++) {
            if (counts[base + 1 + t] > 0 && (best < 0 || counts[base + 1 + t] > counts[base + 1 + best])) {
                best = t;
            }
        }
        if (best < 0) {
            return ONLY_OUTSIDE;
        }
        return 2 + 2 * best + (counts[base] > counts[base + 1 + best] ? 1 : 0);
    }

    void record(long word, int label) {
        int w = index.get(word, -1);
        if (w < 0) {
            w = words++;
            index.put(word, w);
            if (words * (1 + TYPES) > counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            Arrays.fill(counts, w * (1 + TYPES), words * (1 + TYPES), 0);
        }
        counts[w * (1 + TYPES) + (label == Labels.O ? 0 : 1 + (label - 1) / 2)]++;
    }
}
