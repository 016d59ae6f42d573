package io.newsflow.extraction.entities.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The tagger's feature weights, read-only. Each slot of one flat int array holds a feature's 64-bit hash followed
 * by its weight for every label, so a lookup usually touches a single cache line: with some fifty features per
 * token, memory latency, not arithmetic, bounds tagging speed.
 */
public final class Weights {

    private static final long EMPTY = 0;

    private final int labels;
    private final int stride;
    private final int mask;
    private final int[] data;
    private final int size;

    private Weights(int labels, int size) {
        this.labels = labels;
        this.stride = 2 + labels;
        int capacity = Integer.highestOneBit(Math.max(2, size) * 2 - 1) * 2;
        this.mask = capacity - 1;
        this.data = new int[capacity * stride];
        this.size = size;
    }

    /** Builds the table from parallel arrays: {@code rows[i * labels + l]} is feature {@code keys[i]}'s weight. */
    public static Weights of(int labels, long[] keys, float[] rows, int size) {
        Weights w = new Weights(labels, size);
        for (int i = 0; i < size; i++) {
            w.insert(keys[i], rows, i * labels);
        }
        return w;
    }

    private static long key(long feature) {
        return feature == EMPTY ? 1 : feature;
    }

    private void insert(long feature, float[] row, int offset) {
        long k = key(feature);
        int slot = (int) k & mask;
        while (slotKey(slot) != EMPTY) {
            slot = (slot + 1) & mask;
        }
        int base = slot * stride;
        data[base] = (int) (k >>> 32);
        data[base + 1] = (int) k;
        for (int l = 0; l < labels; l++) {
            data[base + 2 + l] = Float.floatToRawIntBits(row[offset + l]);
        }
    }

    private long slotKey(int slot) {
        int base = slot * stride;
        return ((long) data[base] << 32) | (data[base + 1] & 0xFFFFFFFFL);
    }

    /** Adds feature {@code feature}'s weights to {@code scores}; unknown features weigh nothing. */
    public void addTo(long feature, float[] scores) {
        long k = key(feature);
        int slot = (int) k & mask;
        while (true) {
            int base = slot * stride;
            long found = ((long) data[base] << 32) | (data[base + 1] & 0xFFFFFFFFL);
            if (found == k) {
                for (int l = 0; l < labels; l++) {
                    scores[l] += Float.intBitsToFloat(data[base + 2 + l]);
                }
                return;
            }
            if (found == EMPTY) {
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    /**
     * Writes each feature as its hash, a bit mask of labels with a non-zero weight, and those weights quantized to
     * 16 bits against the largest weight: a third of the size of raw floats, and well below the tagger's noise.
     */
    void write(DataOutputStream out) throws IOException {
        float max = 0;
        for (int slot = 0; slot <= mask; slot++) {
            if (slotKey(slot) != EMPTY) {
                for (int l = 0; l < labels; l++) {
                    max = Math.max(max, Math.abs(Float.intBitsToFloat(data[slot * stride + 2 + l])));
                }
            }
        }
        float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
        out.writeInt(labels);
        out.writeInt(size);
        out.writeFloat(scale);
        for (int slot = 0; slot <= mask; slot++) {
            long k = slotKey(slot);
            if (k == EMPTY) {
                continue;
            }
            out.writeLong(k);
            int present = 0;
            short[] q = new short[labels];
            for (int l = 0; l < labels; l++) {
                q[l] = (short) Math.round(Float.intBitsToFloat(data[slot * stride + 2 + l]) / scale);
                if (q[l] != 0) {
                    present |= 1 << l;
                }
            }
            out.writeShort(present);
            for (int l = 0; l < labels; l++) {
                if (q[l] != 0) {
                    out.writeShort(q[l]);
                }
            }
        }
    }

    static Weights read(DataInputStream in) throws IOException {
        int labels = in.readInt();
        int size = in.readInt();
        float scale = in.readFloat();
        Weights w = new Weights(labels, size);
        float[] row = new float[labels];
        for (int i = 0; i < size; i++) {
            long k = in.readLong();
            int present = in.readUnsignedShort();
            for (int l = 0; l < labels; l++) {
                row[l] = (present & (1 << l)) != 0 ? in.readShort() * scale : 0;
            }
            w.insert(k, row, 0);
        }
        return w;
    }
}
