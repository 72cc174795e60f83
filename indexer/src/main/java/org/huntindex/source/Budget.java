package org.huntindex.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** How many bytes one file on disk has read and decompressed so far, checked against the walker's limits. */
final class Budget {
  /** Decompressed bytes before the ratio guard starts judging: small archives may compress very well. */
  static final long RATIO_GRACE = 64L << 20;

  private final EvidenceWalker.Limits limits;
  private long raw;
  private long decompressed;
  private boolean exhausted;

  Budget(EvidenceWalker.Limits limits) {
    this.limits = limits;
  }

  /** Counts the compressed bytes read from disk, the denominator of the ratio guard. */
  InputStream countRaw(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        raw += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        raw += Math.max(n, 0);
        return n;
      }
    };
  }

  /** Decompressed bytes still allowed. */
  long remaining() {
    return limits.maxArchiveBytes() - decompressed;
  }

  /** Marks the archive as over its total limit, and says so. */
  LimitExceededException exceeded() {
    exhausted = true;
    return new LimitExceededException(
        "archive decompresses to more than " + limits.maxArchiveBytes() + " bytes: rest not read");
  }

  void addDecompressed(long n) throws LimitExceededException {
    decompressed += n;
    if (decompressed > RATIO_GRACE && decompressed > raw * limits.maxRatio()) {
      exhausted = true;
      throw new LimitExceededException(
          "archive expands more than " + limits.maxRatio() + " times (zip bomb?): rest not read");
    }
  }

  boolean exhausted() {
    return exhausted;
  }
}
