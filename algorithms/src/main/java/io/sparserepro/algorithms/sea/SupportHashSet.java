package io.sparserepro.algorithms.sea;

import java.util.Arrays;

/**
 * An open-addressing set of 64-bit support keys, to count distinct supports without boxing.
 * Keys are Zobrist hashes ({@link Sea#indexKey}): two different supports collide with
 * probability 2⁻⁶⁴, negligible for the ≤ 10⁶ supports of a run.
 */
final class SupportHashSet {
    private static final long EMPTY = 0L;
    private long[] table = new long[64];
    private int size;
    private boolean containsZero;

    /** Adds the key; returns true if it was new. */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            if (added) {
                size++;
            }
            return added;
        }
        if (2 * (size + 1) > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(table, EMPTY);
        size = 0;
        containsZero = false;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int i = (int) (key ^ (key >>> 32)) & mask;
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = key;
            }
        }
    }
}
