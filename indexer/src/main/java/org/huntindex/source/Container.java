package org.huntindex.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The archive and compression formats the walker opens, recognised by their magic bytes. */
enum Container {
  ZIP,
  TAR,
  GZIP,
  NONE;

  /** Bytes needed to recognise every container: a tar header's magic sits at offset 257. */
  static final int HEAD = 512;

  private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.US_ASCII);

  static Container of(byte[] head, int length) {
    if (length >= 4 && head[0] == 'P' && head[1] == 'K' && isZipSignature(head[2], head[3])) {
      return ZIP;
    }
    if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (length >= 262 && Arrays.equals(head, 257, 262, USTAR, 0, 5)) {
      return TAR;
    }
    return NONE;
  }

  // local file header, empty archive (end of central directory), spanned archive marker
  private static boolean isZipSignature(byte a, byte b) {
    return (a == 3 && b == 4) || (a == 5 && b == 6) || (a == 7 && b == 8);
  }
}
