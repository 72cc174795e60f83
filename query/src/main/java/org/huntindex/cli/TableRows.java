package org.huntindex.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** An aligned text table for people: cells on one line, long ones but the last cut with an ellipsis; printed on close. */
final class TableRows implements RowWriter {
  private static final int MAX_CELL = 100;

  private final List<String> columns;
  private final PrintStream out;
  private final List<String[]> rows = new ArrayList<>();

  TableRows(List<String> columns, PrintStream out) {
    this.columns = columns;
    this.out = out;
  }

  @Override
  public void row(List<Object> values) {
    String[] cells = new String[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      String s = RowWriter.text(values.get(i)).replaceAll("[\\r\\n\\t]+", " ");
      cells[i] = s.length() > MAX_CELL && i < cells.length - 1 ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }
    rows.add(cells);
  }

  @Override
  public void close() {
    int[] width = new int[columns.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = columns.get(i).length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    print(columns.toArray(String[]::new), width);
    for (String[] r : rows) {
      print(r, width);
    }
    out.flush();
  }

  private void print(String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(cells[i]);
      if (i < cells.length - 1) {
        line.append(" ".repeat(width[i] - cells[i].length() + 2));
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
