package org.huntindex.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * RFC 4180 CSV with a header row, safe to open in Excel: a cell that would start a formula ({@code = + - @}, tab,
 * carriage return) is prefixed with {@code '}.
 */
final class CsvRows implements RowWriter {
  private final PrintStream out;

  CsvRows(List<String> columns, PrintStream out) {
    this.out = out;
    row(List.copyOf(columns));
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
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
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
