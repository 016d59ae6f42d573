package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.LongIntMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The tagger's feature weights, read-only, quantized to 16 bits against the largest weight (far below the
 * perceptron's own noise). Each slot of one flat short array holds a 32-bit fingerprint of the feature's hash and
 * its weight for every label, 24 bytes in all, so a lookup touches one cache line and the whole table stays in
 * the L3 cache: with some fifty features per token, memory latency, not arithmetic, bounds tagging speed.
 * The slot index comes from the hash's low bits and the fingerprint from its high bits, so a false match needs
 * about 50 bits to collide.
 */
public final class Weights {

    private static final int EMPTY = 0;
    /** log2 of the filter's bits: 256 KB, small enough to stay in a core's L2 cache. */
    private static final int FILTER_BITS = 21;

    private final int labels;
    private final int stride;
    private final int mask;
    private final short[] data;
    /** Each slot's full feature hash, for writing the model out; never read while tagging. */
    private final long[] keys;
    /**
     * One bit per hash bucket, set where a known feature falls: most of a token's features were never seen in
     * training, and the filter turns their lookups from a trip to L3 into one to L2.
     */
    private final long[] filter = new long[1 << (FILTER_BITS - 6)];
    private final float scale;
    private final int size;

    private Weights(int labels, int size, float scale) {
        this.labels = labels;
        this.stride = 2 + labels + ((2 + labels) & 1);
        int capacity = Integer.highestOneBit(Math.max(2, size) * 2 - 1) * 2;
        this.mask = capacity - 1;
        this.data = new short[capacity * stride];
        this.keys = new long[capacity];
        this.scale = scale;
        this.size = size;
    }

    /** Builds the table from parallel arrays: {@code rows[i * labels + l]} is feature {@code keys[i]}'s weight. */
    public static Weights of(int labels, long[] keys, float[] rows, int size) {
        float max = 0;
        for (int i = 0; i < size * labels; i++) {
            max = Math.max(max, Math.abs(rows[i]));
        }
        Weights w = new Weights(labels, size, max == 0 ? 1 : max / Short.MAX_VALUE);
        short[] row = new short[labels];
        for (int i = 0; i < size; i++) {
            for (int l = 0; l < labels; l++) {
                row[l] = (short) Math.round(rows[i * labels + l] / w.scale);
            }
            w.insert(keys[i], row);
        }
        return w;
    }

    /**
     * The mean of several tables over the same labels, a feature missing from one weighing zero there: the
     * tagger's scores are linear in the weights, so this is the average of the models' scores at the cost of one.
     */
    public static Weights mean(List<Weights> tables) {
        int labels = tables.get(0).labels;
        int capacity = tables.stream().mapToInt(Weights::size).sum();
        LongIntMap index = new LongIntMap(capacity);
        long[] keys = new long[capacity];
        float[] rows = new float[capacity * labels];
        int size = 0;
        for (Weights w : tables) {
            for (int slot = 0; slot <= w.mask; slot++) {
                if (w.slotFingerprint(slot) == EMPTY) {
                    continue;
                }
                int row = index.get(w.keys[slot], -1);
                if (row < 0) {
                    row = size++;
                    keys[row] = w.keys[slot];
                    index.put(w.keys[slot], row);
                }
                int base = slot * w.stride + 2;
                for (int l = 0; l < labels; l++) {
                    rows[row * labels + l] += w.data[base + l] * w.scale / tables.size();
                }
            }
        }
        return of(labels, keys, rows, size);
    }

    private static int fingerprint(long feature) {
        int f = (int) (feature >>> 32);
        return f == EMPTY ? 1 : f;
    }

    private void insert(long feature, short[] row) {
        int slot = (int) feature & mask;
        while (slotFingerprint(slot) != EMPTY) {
            slot = (slot + 1) & mask;
        }
        int base = slot * stride;
        int f = fingerprint(feature);
        data[base] = (short) (f >>> 16);
        data[base + 1] = (short) f;
        System.arraycopy(row, 0, data, base + 2, labels);
        keys[slot] = feature;
        int bit = filterBit(feature);
        filter[bit >>> 6] |= 1L << bit;
    }

    private static int filterBit(long feature) {
        return (int) (feature >>> 24) & ((1 << FILTER_BITS) - 1);
    }

    private int slotFingerprint(int slot) {
        int base = slot * stride;
        return (data[base] << 16) | (data[base + 1] & 0xFFFF);
    }

    /** Adds feature {@code feature}'s quantized weights to {@code scores}; unknown features weigh nothing. */
    public void addTo(long feature, int[] scores) {
        int bit = filterBit(feature);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return;
        }
        int f = fingerprint(feature);
        int slot = (int) feature & mask;
        while (true) {
            int base = slot * stride;
            int found = (data[base] << 16) | (data[base + 1] & 0xFFFF);
            if (found == f) {
                for (int l = 0; l < labels; l++) {
                    scores[l] += data[base + 2 + l];
                }
                return;
            }
            if (found == EMPTY) {
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** What one unit of a quantized score is worth. */
    public float scale() {
        return scale;
    }

    public int size() {
        return size;
    }

    /**
     * Writes each feature as its hash, then per group of 16 labels a bit mask of those with a non-zero weight and
     * those weights.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels);
        out.writeInt(size);
        out.writeFloat(scale);
        for (int slot = 0; slot <= mask; slot++) {
            if (slotFingerprint(slot) == EMPTY) {
                continue;
            }
            out.writeLong(keys[slot]);
            int base = slot * stride;
            for (int group = 0; group < labels; group += 16) {
                int present = 0;
                for (int l = group; l < Math.min(labels, group + 16); l++) {
                    if (data[base + 2 + l] != 0) {
                        present |= 1 << (l - group);
                    }
                }
                out.writeShort(present);
                for (int l = group; l < Math.min(labels, group + 16); l++) {
                    if (data[base + 2 + l] != 0) {
                        out.writeShort(data[base + 2 + l]);
                    }
                }
            }
        }
    }

    static Weights read(DataInputStream in) throws IOException {
        int labels = in.readInt();
        int size = in.readInt();
        Weights w = new Weights(labels, size, in.readFloat());
        short[] row = new short[labels];
        for (int i = 0; i < size; i++) {
            long key = in.readLong();
            for (int group = 0; group < labels; group += 16) {
                int present = in.readUnsignedShort();
                for (int l = group; l < Math.min(labels, group + 16); l++) {
                    row[l] = (present & (1 << (l - group))) != 0 ? in.readShort() : 0;
                }
            }
            w.insert(key, row);
        }
        return w;
    }
}
