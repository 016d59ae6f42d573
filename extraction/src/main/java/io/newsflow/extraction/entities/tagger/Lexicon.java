package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.LongIntMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the unlabeled news corpus taught about each word (keyed by its folded hash): how often it occurs, and
 * which distributional cluster it belongs to at three granularities (fine, middle, coarse), the word-class
 * features that let the tagger generalize from names it saw in training to names it never saw.
 */
public final class Lexicon {

    public static final int LEVELS = 3;
    /** Cluster id meaning "not in the corpus vocabulary". */
    public static final int UNKNOWN = 0xFFFF;

    private final LongIntMap index;
    private final int[] counts;
    /** Per word, LEVELS cluster ids of 16 bits each (fine in the low bits). */
    private final long[] clusters;

    public Lexicon(LongIntMap index, int[] counts, long[] clusters) {
        this.index = index;
        this.counts = counts;
        this.clusters = clusters;
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
    }

    static Lexicon read(DataInputStream in) throws IOException {
        int n = in.readInt();
        LongIntMap index = new LongIntMap(n);
        int[] counts = new int[n];
        long[] clusters = new long[n];
        for (int i = 0; i < n; i++) {
            index.put(in.readLong(), i);
            counts[i] = in.readInt();
            clusters[i] = in.readLong();
        }
        return new Lexicon(index, counts, clusters);
    }
}
