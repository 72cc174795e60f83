package org.huntindex.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Reads JSON evidence into one {@link RawRecord} per object (format {@code json}, position = the line where the object
 * starts), fields flattened as {@link JsonFlattener} does.
 *
 * <p>Two layouts. <b>JSON lines</b> (one or more objects per line, the usual export): the stream is cut into batches of
 * lines by a {@link LineBatcher} and each line parsed alone, so a malformed line is reported as {@code line N} and
 * reading goes on with the next, and batches can be parsed on other threads ({@link #JsonRecordReader(Executor)}).
 * <b>Documents</b> (a top-level array, or objects spread over several lines) are read by a {@link JsonDocument}, which
 * goes on after a syntax error at the next record. The layout is chosen from the first lines: a document starts with
 * {@code [}, or holds an incomplete object on its first line that the second line does not follow as a whole value.
 *
 * <p>Bounds: a line over {@link #MAX_LINE_BYTES} is skipped and reported; nesting deeper than 64, arrays over 10,000
 * elements, strings over 16 Mi chars and records over 100,000 values or 64 Mi chars of text are cut, the record kept,
 * and the name of the field where the cut is added as {@code _truncated}.
 * Parsing is lenient where real exports are sloppy: raw control characters in strings, backslash before any character,
 * NaN and Infinity.
 */
public final class JsonRecordReader implements RecordReader {
  /** Longest line read, in bytes. */
  public static final int MAX_LINE_BYTES = 64 << 20;

  private static final int MAX_REASON = 200;
  private static final Pattern JACKSON_SOURCE =
      Pattern.compile(" ?\\((?:start marker )?at \\[Source: [^\\]]*\\]\\)| ?at \\[Source: [^\\]]*\\]");

  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(1000)
          .maxStringLength(MAX_LINE_BYTES)
          .maxNumberLength(1000)
          .build())
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private final Executor parsers;

  /** Parses on the calling thread. */
  public JsonRecordReader() {
    this(Runnable::run);
  }

  /**
   * Parses JSON lines in batches on {@code parsers}; {@link #read} then returns once every batch is handed over, not
   * parsed, and records reach the sink out of order (their positions say the order). Give it a bounded queue that runs
   * overflow on the caller (back-pressure), and wait for it before closing the sink.
   */
  public JsonRecordReader(Executor parsers) {
    this.parsers = Objects.requireNonNull(parsers, "parsers");
  }

  @Override
  public void read(Evidence evidence, RecordSink sink) throws IOException {
    String location = evidence.location();
    try (InputStream in = new BufferedInputStream(evidence.open(), FormatSniffer.HEAD)) {
      in.mark(FormatSniffer.HEAD);
      byte[] head = in.readNBytes(FormatSniffer.HEAD);
      in.reset();
      if (isDocument(head)) {
        new JsonDocument(location, head, sink).read(in);
        return;
      }
      LineBatcher batcher = new LineBatcher(in);
      LineBatcher.Batch batch;
      while ((batch = batcher.next()) != null) {
        LineBatcher.Batch lines = batch;
        parsers.execute(() -> parseBatch(location, lines, sink));
      }
    }
  }

  /** Parses a batch of JSON lines; thread-safe. Malformed and oversized lines are reported, the others read. */
  public static void parseBatch(String location, LineBatcher.Batch batch, RecordSink sink) {
    JsonFlattener flattener = new JsonFlattener();
    byte[] bytes = batch.bytes();
    long line = batch.firstLine();
    int start = 0;
    for (long oversized : batch.oversizedLines()) {
      sink.error(new ReadError(location, "line " + oversized, "line longer than " + MAX_LINE_BYTES + " bytes: skipped"));
    }
    int length = batch.length();
    while (start < length) {
      int end = Newlines.next(bytes, start, length);
      parseLine(location, bytes, start, end, line, flattener, sink);
      start = end + 1;
      line++;
    }
  }

  private static void parseLine(
      String location, byte[] bytes, int start, int end, long line, JsonFlattener flattener, RecordSink sink) {
    start = FormatSniffer.skipWhitespace(bytes, start, end);
    if (start == end) {
      return;
    }
    try (JsonParser parser = FACTORY.createParser(bytes, start, end - start)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        rootValue(location, parser, token, line, 0, flattener, sink);
      }
    } catch (IOException e) {
      sink.error(new ReadError(location, "line " + line, reason(e)));
    }
  }

  /**
   * One top-level value: an object is a record, an array holds records. {@code line} -1 means the parser's line plus
   * {@code lineOffset}, the lines before the parser's first.
   */
  static void rootValue(String location, JsonParser parser, JsonToken token, long line, long lineOffset,
      JsonFlattener flattener, RecordSink sink) throws IOException {
    if (token == JsonToken.START_OBJECT) {
      flattener.root(parser, location, () -> lineOf(parser, line, lineOffset), sink);
    } else if (token == JsonToken.START_ARRAY) {
      JsonToken element;
      while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
        long at = lineOf(parser, line, lineOffset);
        if (element == JsonToken.START_OBJECT) {
          sink.accept(flattener.object(parser, new RawRecord("json", location, at)));
        } else {
          sink.error(new ReadError(location, "line " + at, "array element is not an object: skipped"));
          parser.skipChildren();
        }
      }
    } else {
      sink.error(new ReadError(location, "line " + lineOf(parser, line, lineOffset),
          "top-level value is not an object: skipped"));
    }
  }

  private static long lineOf(JsonParser parser, long line, long lineOffset) {
    return line >= 0 ? line : lineOffset + parser.currentTokenLocation().getLineNr();
  }

  /**
   * A document is an array, or an object that does not end on its first line, unless the next line is a whole value on
   * its own: then the first line was cut short, and the file is JSON lines with one damaged line.
   */
  private static boolean isDocument(byte[] head) {
    int start = FormatSniffer.contentStart(head, head.length);
    if (start < head.length && head[start] == '[') {
      return true;
    }
    int end = lineEnd(head, start);
    if (end == head.length || shape(head, start, end) != Shape.CUT) {
      return false;
    }
    int next = FormatSniffer.skipWhitespace(head, end, head.length);
    return shape(head, next, lineEnd(head, next)) != Shape.WHOLE;
  }

  private enum Shape { WHOLE, CUT, BROKEN }

  /** Whether {@code head[from, to)} holds whole values, values cut short by its end, or a syntax error. */
  private static Shape shape(byte[] head, int from, int to) {
    try (JsonParser parser = FACTORY.createParser(head, from, to - from)) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
      return Shape.WHOLE;
    } catch (JsonEOFException e) {
      return Shape.CUT;
    } catch (IOException e) {
      return Shape.BROKEN;
    }
  }

  private static int lineEnd(byte[] head, int from) {
    int end = from;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    return end;
  }

  static String reason(IOException e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    if (message != null) {
      // Jackson's pointer into its own source (one line, redacted) says nothing the file and column do not
      message = JACKSON_SOURCE.matcher(message).replaceAll("");
    }
    if (e instanceof JsonProcessingException json && json.getLocation() != null) {
      message += " (column " + json.getLocation().getColumnNr() + ")";
    }
    message = message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "..." : message;
  }
}
