package org.huntindex.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into batches of whole lines, so that batches can be parsed independently, on any thread.
 *
 * <p>Each {@link Batch} owns its bytes and knows the number of its first line. A line longer than the line limit is
 * not buffered: it is replaced by an empty line and its number listed in {@link Batch#oversizedLines()}, so that line
 * numbers stay exact. When the stream fails (a truncated archive), every complete line read before the failure is
 * still returned in a batch; the failure is thrown by the following call, and the incomplete last line is dropped.
 */
public final class LineBatcher {
  /** Default batch size: large enough to amortise handing a batch to another thread. */
  public static final int DEFAULT_BATCH_BYTES = 1 << 20;

  private final InputStream in;
  private final int batchBytes;
  private final int maxLineBytes;
  private byte[] buffer;
  private int filled;
  private long nextLine = 1;
  private boolean eof;
  private IOException failure;

  /**
   * Lines of one batch.
   *
   * @param bytes the lines, each ending with {@code \n} except perhaps the last line of the stream
   * @param length how many of {@code bytes} are used
   * @param firstLine the 1-based line number of the first line
   * @param oversizedLines numbers of the lines dropped for their length (empty lines in {@code bytes}), ascending
   */
  public record Batch(byte[] bytes, int length, long firstLine, long[] oversizedLines) {}

  public LineBatcher(InputStream in) {
    this(in, DEFAULT_BATCH_BYTES, JsonRecordReader.MAX_LINE_BYTES);
  }

  public LineBatcher(InputStream in, int batchBytes, int maxLineBytes) {
    if (batchBytes < 1 || maxLineBytes < 1) {
      throw new IllegalArgumentException("batchBytes and maxLineBytes must be positive, got " + batchBytes + ", "
          + maxLineBytes);
    }
    this.in = in;
    this.batchBytes = batchBytes;
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[batchBytes];
  }

  /** The next batch of complete lines, or null at the end of the stream. */
  public Batch next() throws IOException {
    long[] oversized = new long[0];
    while (true) {
      fill();
      int end = lastNewline() + 1;
      if (end == 0 && (eof || failure != null)) {
        end = failure == null ? filled : 0;
      }
      if (end > 0) {
        return cut(end, oversized);
      }
      if (failure != null) {
        IOException e = failure;
        failure = null;
        filled = 0;
        eof = true;
        throw e;
      }
      if (eof) {
        return null;
      }
      if (buffer.length < maxLineBytes) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLineBytes));
      } else {
        oversized = Arrays.copyOf(oversized, oversized.length + 1);
        oversized[oversized.length - 1] = nextLine;
        skipLine();
      }
    }
  }

  /** Reads until the buffer is full, the stream ends or fails. */
  private void fill() {
    while (filled < buffer.length && !eof && failure == null) {
      try {
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
          eof = true;
        } else {
          filled += n;
        }
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  private int lastNewline() {
    for (int i = filled - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Replaces an oversized line by an empty one: discards it up to its newline, keeping what follows. */
  private void skipLine() {
    buffer[0] = '\n';
    filled = 1;
    while (!eof && failure == null) {
      fill();
      for (int i = 1; i < filled; i++) {
        if (buffer[i] == '\n') {
          System.arraycopy(buffer, i + 1, buffer, 1, filled - i - 1);
          filled -= i;
          return;
        }
      }
      filled = 1;
    }
  }

  private Batch cut(int end, long[] oversized) {
    byte[] lines = buffer;
    Batch batch = new Batch(lines, end, nextLine, oversized);
    nextLine += countNewlines(lines, end);
    buffer = new byte[Math.max(batchBytes, filled - end)];
    System.arraycopy(lines, end, buffer, 0, filled - end);
    filled -= end;
    return batch;
  }

  private static long countNewlines(byte[] bytes, int length) {
    long n = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        n++;
      }
    }
    return n;
  }
}
