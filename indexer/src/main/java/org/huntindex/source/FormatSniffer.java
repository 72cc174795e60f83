package org.huntindex.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises an evidence format from the first bytes of its content, never from its name.
 *
 * <p>EVTX by its file magic; JSON by its first character after an optional UTF-8 byte order mark and whitespace
 * ({@code {} or {@code [}); Windows events as XML by an {@code Events} or {@code Event} element among the first bytes
 * of an XML text (a scheduled task's or any other XML is not evidence); CSV by a header row: one line of printable text
 * with at least two comma-separated names, followed by a row of as many cells when there is one (one more under Event
 * Viewer's header, which leaves the description unnamed).
 */
public final class FormatSniffer {
  /** How many leading bytes {@link #sniff} wants to see; fewer is fine for short evidence. */
  public static final int HEAD = 1 << 16;

  private static final byte[] EVTX_MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_VIEWER = CsvRecordReader.EVENT_VIEWER_HEADER.getBytes(StandardCharsets.US_ASCII);
  private static final int DESCRIBED = 16;

  private FormatSniffer() {}

  public static Format sniff(byte[] head, int length) {
    if (length >= EVTX_MAGIC.length && Arrays.equals(head, 0, EVTX_MAGIC.length, EVTX_MAGIC, 0, EVTX_MAGIC.length)) {
      return Format.EVTX;
    }
    int i = contentStart(head, length);
    if (i < length && (head[i] == '{' || head[i] == '[')) {
      return Format.JSON;
    }
    if (i < length && head[i] == '<') {
      return holdsEventElement(head, i, length) ? Format.XML : Format.UNKNOWN;
    }
    return isCsvHeader(head, skipBom(head, length), length) ? Format.CSV : Format.UNKNOWN;
  }

  /** Whether an {@code <Events} or {@code <Event} tag (not {@code <EventTrigger}) opens in {@code [from, length)}. */
  private static boolean holdsEventElement(byte[] head, int from, int length) {
    String text = new String(head, from, length - from, StandardCharsets.ISO_8859_1);
    for (int at = text.indexOf("<Event"); at >= 0; at = text.indexOf("<Event", at + 1)) {
      int next = at + "<Event".length();
      char c = next < text.length() ? text.charAt(next) : 0;
      if (c == 's' || c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Whether the bytes start with a UTF-16 byte order mark (either byte order; not UTF-32's). */
  public static boolean isUtf16(byte[] head, int length) {
    if (length < 2) {
      return false;
    }
    int b0 = head[0] & 0xff;
    int b1 = head[1] & 0xff;
    boolean utf32 = length >= 4 && head[2] == 0 && head[3] == 0;
    return (b0 == 0xff && b1 == 0xfe && !utf32) || (b0 == 0xfe && b1 == 0xff);
  }

  /** The first bytes, in hex and as ASCII, for an "unrecognized format" error. */
  public static String describe(byte[] head, int length) {
    if (length == 0) {
      return "empty";
    }
    int n = Math.min(length, DESCRIBED);
    StringBuilder hex = new StringBuilder();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      hex.append(String.format("%02x ", b));
      text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return "first bytes " + hex.toString().trim() + " \"" + text + "\"";
  }

  /** The offset after a UTF-8 byte order mark, or 0. */
  static int skipBom(byte[] head, int length) {
    return length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
  }

  /** The offset of the first byte after a byte order mark and JSON whitespace, or {@code length}. */
  static int contentStart(byte[] head, int length) {
    return skipWhitespace(head, skipBom(head, length), length);
  }

  /** The offset of the first byte in {@code [from, to)} that is not JSON whitespace, or {@code to}. */
  static int skipWhitespace(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
      i++;
    }
    return i;
  }

  /**
   * A header row (printable text, UTF-8 allowed, splitting into at least two non-empty cells) and, unless the header is
   * all there is or the next row runs past what was read, a next row of as many cells: a text file whose first line
   * holds a comma (a README's title) is no CSV.
   */
  private static boolean isCsvHeader(byte[] head, int start, int length) {
    Row header = Row.read(head, start, length, false);
    if (header == null || header.open || header.cells < 2 || !header.everyCellHasText) {
      return false;
    }
    int next = header.end;
    if (next < length && head[next] == '\r') {
      next++;
    }
    if (next < length && head[next] == '\n') {
      next++;
    }
    if (next >= length) {
      return true;
    }
    Row row = Row.read(head, next, length, true);
    return row != null && (row.open || row.cells == header.cells
        || row.cells == header.cells + 1 && length - start >= EVENT_VIEWER.length
        && Arrays.equals(head, start, start + EVENT_VIEWER.length, EVENT_VIEWER, 0, EVENT_VIEWER.length));
  }

  /**
   * One CSV row read from {@code [start, length)}: its cell count, whether every cell holds text, where it ends, and
   * whether it is open: it runs past the bytes read, or ends inside quotes.
   */
  private record Row(int cells, boolean everyCellHasText, int end, boolean open) {

    /** Null when a control character (a tab aside, or a line break inside quotes where allowed) shows it is no text. */
    static Row read(byte[] head, int start, int length, boolean quotedLineBreaks) {
      int cells = 1;
      boolean quoted = false;
      boolean cellHasText = false;
      boolean everyCellHasText = true;
      int i = start;
      for (; i < length; i++) {
        byte b = head[i];
        if (b == '"') {
          quoted = !quoted;
          cellHasText = true;
        } else if (!quoted && (b == '\n' || b == '\r')) {
          break;
        } else if (!quoted && b == ',') {
          everyCellHasText &= cellHasText;
          cellHasText = false;
          cells++;
        } else if ((b & 0xff) < 0x20 && b != '\t' && !(quotedLineBreaks && (b == '\n' || b == '\r'))) {
          return null;
        } else if (b != ' ') {
          cellHasText = true;
        }
      }
      boolean open = i == length && (quoted || length == HEAD);
      return new Row(cells, everyCellHasText && cellHasText, i, open);
    }
  }
}
