package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.LongIntMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the unlabeled news corpus taught about each word (keyed by its folded hash): how often it occurs, which
 * distributional cluster it belongs to at three granularities (fine, middle, coarse), and its word-order classes
 * at two: the word-class features that let the tagger generalize from names it saw in training to names it
 * never saw.
 */
public final class Lexicon {

    public static final int LEVELS = 3;
    /** Cluster id meaning "not in the corpus vocabulary". */
    public static final int UNKNOWN = 0xFFFF;

    /** Granularities of the word-order classes, finest first, and the bits each takes in a packed int. */
    public static final int[] CLASS_COUNTS = {1024, 64};
    private static final int[] CLASS_SHIFTS = {0, 10};
    private static final int[] CLASS_BITS = {10, 6};

    private final LongIntMap index;
    private final int[] counts;
    /** Per word, LEVELS cluster ids of 16 bits each (fine in the low bits). */
    private final long[] clusters;
    /** Per word, its word-order classes packed at {@link #CLASS_SHIFTS}, or -1; null when the model has none. */
    private final int[] classes;

    public Lexicon(LongIntMap index, int[] counts, long[] clusters, int[] classes) {
        this.index = index;
        this.counts = counts;
        this.clusters = clusters;
        this.classes = classes;
    }

    /** The same words and clusters with word-order classes, given per entry. */
    public Lexicon withClasses(int[] packedClasses) {
        return new Lexicon(index, counts, clusters, packedClasses);
    }

    public boolean hasClasses() {
        return classes != null;
    }

    /** Packs a word's class at each granularity of {@link #CLASS_COUNTS}. */
    public static int packClasses(int[] classIds) {
        int packed = 0;
        for (int level = 0; level < CLASS_COUNTS.length; level++) {
            packed |= classIds[level] << CLASS_SHIFTS[level];
        }
        return packed;
    }

    /** The packed word-order classes of an entry, or -1 when it has none. */
    public int classesAt(int entry) {
        return entry < 0 || classes == null ? -1 : classes[entry];
    }

    /** One granularity of packed word-order classes; a value past every class id when there are none. */
    public static int classLevel(int packed, int level) {
        return packed < 0 ? 1 << 12 : packed >>> CLASS_SHIFTS[level] & (1 << CLASS_BITS[level]) - 1;
    }

    /** The word's entry for {@link #countAt} and {@link #clustersAt}, or -1 when the corpus never had it. */
    public int find(long word) {
        return index.get(word, -1);
    }

    public int count(long word) {
        return countAt(find(word));
    }

    public int countAt(int entry) {
        return entry < 0 ? 0 : counts[entry];
    }

    /** All levels packed as 16-bit ids, or every level {@link #UNKNOWN}. */
    public long clustersAt(int entry) {
        return entry < 0 ? -1L : clusters[entry];
    }

    public static int level(long packed, int level) {
        return (int) (packed >>> (16 * level)) & 0xFFFF;
    }

    /** Visits every word's hash and entry. */
    public void forEachWord(LongIntMap.Visitor visitor) {
        index.forEach(visitor);
    }

    public int size() {
        return counts.length;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(counts.length);
        long[] keys = new long[counts.length];
        index.forEach((key, i) -> keys[i] = key);
        for (int i = 0; i < counts.length; i++) {
            out.writeLong(keys[i]);
            out.writeInt(counts[i]);
            out.writeLong(clusters[i]);
        }
        out.writeBoolean(classes != null);
        if (classes != null) {
            for (int c : classes) {
                out.writeInt(c);
            }
        }
    }

    /** Reads a lexicon written by {@link #write}; {@code withClasses} is false for models before the classes. */
    static Lexicon read(DataInputStream in, boolean withClasses) throws IOException {
        int n = in.readInt();
        LongIntMap index = new LongIntMap(n);
        int[] counts = new int[n];
        long[] clusters = new long[n];
        for (int i = 0; i < n; i++) {
            index.put(in.readLong(), i);
            counts[i] = in.readInt();
            clusters[i] = in.readLong();
        }
        int[] classes = null;
        if (withClasses && in.readBoolean()) {
            classes = new int[n];
            for (int i = 0; i < n; i++) {
                classes[i] = in.readInt();
            }
        }
        return new Lexicon(index, counts, clusters, classes);
    }
}
