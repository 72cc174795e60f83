package org.huntindex.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * RFC 4180 CSV with a header row, safe to open in Excel: a data cell that would start a formula ({@code = + - @}, tab,
 * carriage return) is prefixed with {@code '}; the header holds our own column names and is left as it is.
 */
final class CsvRows implements RowWriter {
  private final PrintStream out;

  CsvRows(List<String> columns, PrintStream out) {
    this.out = out;
    StringBuilder header = new StringBuilder();
    for (String c : columns) {
      header.append(header.isEmpty() ? "" : ",").append(quote(c));
    }
    out.print(header.append("\r\n"));
  }

  @Override
  public void row(List<Object> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      Object v = values.get(i);
      line.append(v instanceof Number ? v.toString() : cell(RowWriter.text(v)));
    }
    out.print(line.append("\r\n"));
  }

  static String cell(String s) {
    return quote(!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s);
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() {
    out.flush();
  }
}
