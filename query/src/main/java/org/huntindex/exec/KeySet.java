package org.huntindex.exec;

/**
 * A set of 64-bit join-key hashes in an open-addressing table: membership costs a probe or two, where a binary search
 * over a sorted stage costs a dozen unpredictable branches per event.
 */
final class KeySet {
  private final long[] slots;
  private final int mask;
  private boolean hasZero;

  /** The distinct values among {@code keys[0..size)}. */
  KeySet(long[] keys, int size) {
    int capacity = Integer.highestOneBit(Math.max(size, 1) * 2 - 1) << 1;
    this.slots = new long[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      add(keys[i]);
    }
  }

  boolean contains(long key) {
    if (key == 0) {
      return hasZero;
    }
    for (int i = slot(key); ; i = (i + 1) & mask) {
      if (slots[i] == key) {
        return true;
      }
      if (slots[i] == 0) {
        return false;
      }
    }
  }

  private void add(long key) {
    if (key == 0) {
      hasZero = true;
      return;
    }
    int i = slot(key);
    while (slots[i] != 0 && slots[i] != key) {
      i = (i + 1) & mask;
    }
    slots[i] = key;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
