package org.huntindex.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a JSON document that spreads records over lines (a top-level array of objects, or objects one after another)
 * and goes on after a syntax error: the error is reported, and reading resumes at the next line that starts the way
 * the first record's line did (the same indentation, then an opening brace), so one damaged record does not lose the
 * rest of the file. A document whose records share one line ends at its first error.
 */
final class JsonDocument {
  /** Longest indentation compared when looking for the next record. */
  private static final int MAX_INDENT = 256;

  private final String location;
  private final RecordSink sink;
  private final JsonFlattener flattener = new JsonFlattener();
  private final boolean array;
  // the bytes that begin a record's line, indentation then '{'; null when the head shows none
  private final byte[] recordStart;

  /** A document whose first bytes are {@code head}. */
  JsonDocument(String location, byte[] head, RecordSink sink) {
    this.location = location;
    this.sink = sink;
    int start = FormatSniffer.contentStart(head, head.length);
    this.array = start < head.length && head[start] == '[';
    this.recordStart =
        recordStart(head, array ? FormatSniffer.skipWhitespace(head, start + 1, head.length) : start);
  }

  /** Reads the records of {@code in}, positioned at the start of the document. */
  void read(InputStream in) throws IOException {
    Remaining source = new Remaining(new byte[0], in);
    long lineOffset = 0;
    while (true) {
      try (JsonParser parser = JsonRecordReader.FACTORY.createParser(source)) {
        try {
          JsonToken token;
          while ((token = parser.nextToken()) != null) {
            JsonRecordReader.rootValue(location, parser, token, -1, lineOffset, flattener, sink);
          }
          return;
        } catch (JsonProcessingException e) {
          long line = lineOffset + parser.currentLocation().getLineNr();
          sink.error(new ReadError(location, "line " + line, JsonRecordReader.reason(e)));
          if (recordStart == null) {
            return;
          }
          ByteArrayOutputStream unread = new ByteArrayOutputStream();
          parser.releaseBuffered(unread);
          source = source.after(unread.toByteArray());
          long next = nextRecordLine(source, line);
          if (next < 0) {
            return;
          }
          // the records of an array are read as the elements of a new one that the old one's ']' closes
          byte[] prefix = array ? concat(new byte[] {'[', '\n'}, recordStart) : recordStart;
          source = source.after(prefix);
          lineOffset = next - (array ? 2 : 1);
        }
      }
    }
  }

  /**
   * Consumes {@code source} through the start of the next line, after the current line {@code line}, that begins with
   * {@link #recordStart}; returns that line's number, or -1 at the end of the input.
   */
  private long nextRecordLine(InputStream source, long line) throws IOException {
    int b;
    do {
      b = source.read();
    } while (b >= 0 && b != '\n');
    while (b >= 0) {
      line++;
      int matched = 0;
      while (matched < recordStart.length && (b = source.read()) == (recordStart[matched] & 0xFF)) {
        matched++;
      }
      if (matched == recordStart.length) {
        return line;
      }
      while (b >= 0 && b != '\n') {
        b = source.read();
      }
    }
    return -1;
  }

  /** The indentation of the line holding {@code head[at]}, then '{'; null when that byte is no '{' or not first. */
  private static byte[] recordStart(byte[] head, int at) {
    if (at >= head.length || head[at] != '{') {
      return null;
    }
    int lineStart = at;
    while (lineStart > 0 && head[lineStart - 1] != '\n' && at - lineStart < MAX_INDENT) {
      lineStart--;
    }
    for (int i = lineStart; i < at; i++) {
      if (head[i] != ' ' && head[i] != '\t') {
        // the first record shares its line with the '[': later ones are taken to start their lines
        return new byte[] {'{'};
      }
    }
    return Arrays.copyOfRange(head, lineStart, at + 1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Bytes not yet parsed: some in hand, then the rest of the input. */
  private static final class Remaining extends InputStream {
    private final byte[] pending;
    private int pos;
    private final InputStream base;

    Remaining(byte[] pending, InputStream base) {
      this.pending = pending;
      this.base = base;
    }

    /** {@code first}, then what this has not yet given. */
    Remaining after(byte[] first) {
      byte[] rest = Arrays.copyOfRange(pending, pos, pending.length);
      return new Remaining(concat(first, rest), base);
    }

    @Override
    public int read() throws IOException {
      return pos < pending.length ? pending[pos++] & 0xFF : base.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos < pending.length) {
        int n = Math.min(len, pending.length - pos);
        System.arraycopy(pending, pos, b, off, n);
        pos += n;
        return n;
      }
      return base.read(b, off, len);
    }
  }
}
