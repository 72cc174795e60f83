package org.huntindex.source;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV with a header row (a Sentinel or Log Analytics export) into one {@link RawRecord} per row: format
 * {@code csv}, position = the line where the row starts, header names as field names, every value a string, empty cells
 * left out. A row whose {@code _raw} is a Windows event's XML (a Splunk export) is that event. Event Viewer's export
 * names five columns and writes six: the sixth is {@code Description}.
 *
 * <p>RFC 4180 quoting, quoted line breaks and a UTF-8 byte order mark are read; text after a closing quote is kept and
 * an unterminated quote at the end is closed. A row whose cell count differs from the header's is reported and skipped:
 * its cells cannot be matched to column names with confidence. Blank lines are skipped. A cell over 16 Mi chars is cut
 * and its column named in {@code _truncated}, and so is the first column left out of a row with over 100,000 non-empty
 * cells; a row over 64 Mi chars (an unterminated quote swallowing the file) ends the reading, as does any other syntax
 * error, since the parser cannot find the next row after one.
 */
public final class CsvRecordReader implements RecordReader {
  /** Event Viewer's "Save All Events As" CSV names five columns and writes a sixth, each event's description. */
  static final String EVENT_VIEWER_HEADER = "Level,Date and Time,Source,Event ID,Task Category";
  private static final List<String> EVENT_VIEWER = List.of(EVENT_VIEWER_HEADER.split(","));

  static final int MAX_CELL_CHARS = 16 << 20;
  static final int MAX_ROW_CHARS = 64 << 20;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setTrailingData(true).setLenientEof(true).get();

  @Override
  public void read(Evidence evidence, RecordSink sink) throws IOException {
    String location = evidence.location();
    try (InputStream in = withoutBom(evidence.open());
        RowBoundReader reader = new RowBoundReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> rows = parser.iterator();
      List<String> header = null;
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        reader.startRow();
        CSVRecord row;
        try {
          if (!rows.hasNext()) {
            return;
          }
          row = rows.next();
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof CSVException || e.getCause() instanceof RowTooLongException) {
            sink.error(new ReadError(location, "line " + line, e.getCause().getMessage() + ": rest not read"));
            return;
          }
          throw e.getCause();
        }
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue;
        }
        if (header == null) {
          header = names(row);
        } else if (row.size() != header.size()) {
          long last = parser.getCurrentLineNumber();
          String cells = row.size() + " cells, header has " + header.size();
          String reason = last <= line ? "row has " + cells + ": skipped"
              : "row spans lines " + line + "-" + last + " inside quotes and has " + cells + ": all "
                  + (last - line + 1) + " lines skipped (an unbalanced quote?)";
          sink.error(new ReadError(location, "line " + line, reason));
        } else {
          sink.accept(XmlRecordReader.inRaw(record(location, line, header, row), sink));
        }
      }
    }
  }

  private static RawRecord record(String location, long line, List<String> header, CSVRecord row) {
    RawRecord record = new RawRecord("csv", location, line);
    int kept = 0;
    for (int i = 0; i < header.size(); i++) {
      String value = row.get(i);
      if (!value.isEmpty() && ++kept > JsonFlattener.MAX_VALUES) {
        record.add(JsonFlattener.TRUNCATED, header.get(i));
        break;
      }
      if (value.length() > MAX_CELL_CHARS) {
        record.add(JsonFlattener.TRUNCATED, header.get(i));
        value = value.substring(0, MAX_CELL_CHARS);
      }
      if (!value.isEmpty()) {
        record.add(header.get(i), value);
      }
    }
    return record;
  }

  private static List<String> names(CSVRecord header) {
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      names.add(name.isBlank() ? "column " + (i + 1) : name);
    }
    if (names.equals(EVENT_VIEWER)) {
      names.add("Description");
    }
    return names;
  }

  private static InputStream withoutBom(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw);
    in.mark(3);
    byte[] head = in.readNBytes(3);
    if (FormatSniffer.skipBom(head, head.length) == 0) {
      in.reset();
    }
    return in;
  }

  /** Thrown when a row runs past {@link #MAX_ROW_CHARS}. */
  private static final class RowTooLongException extends IOException {
    RowTooLongException() {
      super("row longer than " + MAX_ROW_CHARS + " characters (unterminated quote?)");
    }
  }

  /** Counts the characters read for the current row, bounding what an unterminated quote can swallow. */
  private static final class RowBoundReader extends FilterReader {
    private long rowChars;

    RowBoundReader(Reader in) {
      super(in);
    }

    void startRow() {
      rowChars = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      count(c < 0 ? 0 : 1);
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws RowTooLongException {
      rowChars += n;
      if (rowChars > MAX_ROW_CHARS) {
        throw new RowTooLongException();
      }
    }
  }
}
