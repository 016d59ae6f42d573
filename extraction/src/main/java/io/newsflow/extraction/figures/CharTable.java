package io.newsflow.extraction.figures;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * An open-addressing map from strings to values that is queried with a slice of a char buffer, so that looking
 * up every word of a story (and its forms without clitics) allocates nothing. Built once, then read-only and
 * safe to share between threads.
 */
final class CharTable<V> {

    private String[] keys = new String[64];
    private Object[] values = new Object[64];
    private int size;

    /** The value for {@code key}, created with {@code factory} if absent: lexicon files merge roles per word. */
    @SuppressWarnings("unchecked")
    V computeIfAbsent(String key, Supplier<V> factory) {
        int slot = slotOf(key.toCharArray(), 0, key.length());
        if (keys[slot] == null) {
            keys[slot] = key;
            values[slot] = factory.get();
            if (++size * 2 > keys.length) {
                grow();
                return get(key.toCharArray(), 0, key.length());
            }
        }
        return (V) values[slot];
    }

    @SuppressWarnings("unchecked")
    V get(char[] buf, int off, int len) {
        int slot = slotOf(buf, off, len);
        return keys[slot] == null ? null : (V) values[slot];
    }

    V get(String key) {
        return get(key.toCharArray(), 0, key.length());
    }

    private int slotOf(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        int mask = keys.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String k = keys[slot];
            if (k == null || (k.length() == len && regionEquals(k, buf, off, len))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean regionEquals(String k, char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (k.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf(oldKeys[i].toCharArray(), 0, oldKeys[i].length());
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
        Arrays.fill(oldKeys, null);
    }
}
