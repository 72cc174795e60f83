package org.huntindex.source.evtx;

/** Bounds-checked little-endian reads from a byte array that stops at {@code limit}. */
final class LittleEndian {
  private LittleEndian() {}

  static void check(int offset, int length, int limit) {
    if (offset < 0 || length < 0 || offset > limit - length) {
      throw new EvtxFormatException("read of " + length + " bytes at 0x" + Integer.toHexString(offset) + " past 0x"
          + Integer.toHexString(limit));
    }
  }

  static int u8(byte[] b, int offset, int limit) {
    check(offset, 1, limit);
    return b[offset] & 0xff;
  }

  static int u16(byte[] b, int offset, int limit) {
    check(offset, 2, limit);
    return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
  }

  static int i32(byte[] b, int offset, int limit) {
    check(offset, 4, limit);
    return i32(b, offset);
  }

  /** An unsigned 32-bit value as a non-negative long. */
  static long u32(byte[] b, int offset, int limit) {
    return i32(b, offset, limit) & 0xffffffffL;
  }

  static long i64(byte[] b, int offset, int limit) {
    check(offset, 8, limit);
    return i64(b, offset);
  }

  static int i32(byte[] b, int o) {
    return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
  }

  static long i64(byte[] b, int o) {
    return (i32(b, o) & 0xffffffffL) | (long) i32(b, o + 4) << 32;
  }

  /** A chunk offset field: an unsigned 32-bit value clamped so that anything beyond a chunk reads as -1. */
  static int offset(byte[] b, int offset, int limit) {
    long v = u32(b, offset, limit);
    return v > Integer.MAX_VALUE ? -1 : (int) v;
  }
}
