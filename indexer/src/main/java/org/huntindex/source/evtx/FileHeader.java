package org.huntindex.source.evtx;

import java.util.zip.CRC32;

/** The 4096-byte EVTX file header: signature, chunk count, flags and checksum. */
record FileHeader(boolean signatureOk, int chunkCount, int flags, boolean checksumOk) {
  static final int SIZE = 4096;
  static final int FLAG_DIRTY = 1;
  static final int FLAG_NO_CRC = 4;
  private static final byte[] SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

  static FileHeader parse(byte[] b) {
    boolean signatureOk = java.util.Arrays.equals(b, 0, 8, SIGNATURE, 0, 8);
    int flags = LittleEndian.i32(b, 120);
    CRC32 crc = new CRC32();
    crc.update(b, 0, 120);
    boolean checksumOk = (flags & FLAG_NO_CRC) != 0 || (int) crc.getValue() == LittleEndian.i32(b, 124);
    return new FileHeader(signatureOk, LittleEndian.u16(b, 42, SIZE), flags, checksumOk);
  }

  boolean noCrc() {
    return (flags & FLAG_NO_CRC) != 0;
  }
}
