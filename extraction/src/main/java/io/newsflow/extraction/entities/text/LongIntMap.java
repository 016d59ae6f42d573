package io.newsflow.extraction.entities.text;

/**
 * Open-addressing map from 64-bit hashes to ints, without boxing: every lookup on the tagging hot path goes
 * through one of these. Keys are hashes that are already well mixed, so they index the table directly.
 * Safe for concurrent readers once no one writes.
 */
public final class LongIntMap {

    private static final long EMPTY = 0;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    private static long key(long hash) {
        return hash == EMPTY ? 1 : hash;
    }

    public int get(long hash, int missing) {
        long k = key(hash);
        int slot = (int) k & mask;
        while (true) {
            long found = keys[slot];
            if (found == k) {
                return values[slot];
            }
            if (found == EMPTY) {
                return missing;
            }
            slot = (slot + 1) & mask;
        }
    }

    public void put(long hash, int value) {
        long k = key(hash);
        int slot = (int) k & mask;
        while (keys[slot] != EMPTY && keys[slot] != k) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = k;
            size++;
        }
        values[slot] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    public int size() {
        return size;
    }

    /** Calls {@code visitor} for every entry, in table order. */
    public void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    @FunctionalInterface
    public interface Visitor {
        void visit(long key, int value);
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
