package org.huntindex.source.evtx;

/**
 * A small direct-mapped cache from short UTF-16 byte runs to their decoded strings, so the values that repeat on every
 * record (computer, channel, provider, user names, {@code -}) are decoded and allocated once per decoder.
 */
final class StringCache {
  private static final int SLOTS = 1024;
  private static final int MAX_BYTES = 64;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];

  String get(byte[] b, int off, int length) {
    if (length > MAX_BYTES) {
      return null;
    }
    int slot = slot(b, off, length);
    byte[] key = keys[slot];
    if (key != null && java.util.Arrays.equals(key, 0, key.length, b, off, off + length)) {
      return values[slot];
    }
    return null;
  }

  void put(byte[] b, int off, int length, String value) {
    if (length > MAX_BYTES) {
      return;
    }
    int slot = slot(b, off, length);
    keys[slot] = java.util.Arrays.copyOfRange(b, off, off + length);
    values[slot] = value;
  }

  private static int slot(byte[] b, int off, int length) {
    int h = length;
    for (int i = off, end = off + length; i < end; i++) {
      h = 31 * h + b[i];
    }
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
