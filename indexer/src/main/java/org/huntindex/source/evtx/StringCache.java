package org.huntindex.source.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A small direct-mapped cache from short byte runs to the strings they render as, so the values that repeat on every
 * record (computer, channel, provider, user names, GUIDs, SIDs, {@code -}) are decoded and allocated once per decoder.
 *
 * <p>Use {@link #slot} once per run, then {@link #get} and, on a miss, {@link #put} with that slot. Keys live in one
 * preallocated array, so a miss allocates nothing beyond the string itself. One cache per rendering: the same bytes
 * mean different strings as UTF-16 and as a GUID.
 */
final class StringCache {
  static final int MAX_BYTES = 64;
  /** Returned by {@link #slot} for runs too long to cache. */
  static final int NONE = -1;
  private static final int SLOTS = 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] keys = new byte[SLOTS * MAX_BYTES];
  private final int[] lengths = new int[SLOTS];
  private final String[] values = new String[SLOTS];

  /** The slot for {@code length} bytes at {@code off}, or {@link #NONE} when longer than {@link #MAX_BYTES}. */
  static int slot(byte[] b, int off, int length) {
    if (length > MAX_BYTES) {
      return NONE;
    }
    long h = length;
    int i = off;
    for (int end = off + length - 7; i < end; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
    }
    for (int end = off + length; i < end; i++) {
      h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
    }
    return (int) (h >>> 54) & (SLOTS - 1);
  }

  /** The cached string for these bytes, or null. */
  String get(int slot, byte[] b, int off, int length) {
    if (slot == NONE || lengths[slot] != length || values[slot] == null) {
      return null;
    }
    int k = slot * MAX_BYTES;
    return Arrays.equals(keys, k, k + length, b, off, off + length) ? values[slot] : null;
  }

  void put(int slot, byte[] b, int off, int length, String value) {
    if (slot == NONE) {
      return;
    }
    System.arraycopy(b, off, keys, slot * MAX_BYTES, length);
    lengths[slot] = length;
    values[slot] = value;
  }
}
