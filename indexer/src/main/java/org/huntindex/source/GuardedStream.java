package org.huntindex.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressed stream inside an archive: counts its bytes against the entry and archive limits, remembers the first
 * failure of the stream under it (truncation, corruption), and never closes it.
 */
final class GuardedStream extends FilterInputStream {
  private final Budget budget;
  private long limit;
  private boolean leaf = true;
  private long count;
  private IOException failure;
  private LimitExceededException exceeded;

  GuardedStream(InputStream in, Budget budget, long limit) {
    super(in);
    this.budget = budget;
    this.limit = limit;
  }

  /** Marks this stream as a nested archive: its bytes are not evidence, only its entries' are. */
  void container(long archiveLimit) {
    leaf = false;
    limit = archiveLimit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long allowance = leaf ? Math.min(limit - count, budget.remaining()) : limit - count;
    if (allowance <= 0) {
      if (exceeded == null && guardedRead(new byte[1], 0, 1) > 0) {
        exceeded = exceeded();
      }
      if (exceeded != null) {
        throw exceeded;
      }
      return -1;
    }
    int n = guardedRead(buf, off, (int) Math.min(len, allowance));
    if (n > 0) {
      count += n;
      if (leaf) {
        budget.addDecompressed(n);
      }
    }
    return n;
  }

  /** Reads up to the limits, so that everything under them reaches the reader before the limit is reported. */
  private int guardedRead(byte[] buf, int off, int len) throws IOException {
    try {
      return super.read(buf, off, len);
    } catch (IOException | RuntimeException e) {
      failure = failure == null ? asIOException(e) : failure;
      throw e;
    }
  }

  private LimitExceededException exceeded() {
    if (leaf && budget.remaining() <= 0) {
      return budget.exceeded();
    }
    return new LimitExceededException(
        (leaf ? "entry" : "nested archive") + " larger than " + limit + " bytes: rest not read");
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public void close() {}

  /** Decompressed bytes delivered so far. */
  long count() {
    return count;
  }

  /** The first failure of the underlying stream, or null. */
  IOException failure() {
    return failure;
  }

  private static IOException asIOException(Exception e) {
    return e instanceof IOException io ? io : new IOException(e.toString(), e);
  }
}
