package org.huntindex.index;

/** Writes the unsigned variable-length integers of the stored blobs: seven bits a byte, low bits first. */
final class VarInts {
  private VarInts() {}

  /** Writes {@code v} (at most ten bytes) at {@code pos}; returns the position after it. */
  static int write(byte[] out, int pos, long v) {
    while ((v & ~0x7FL) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
    return pos;
  }
}
