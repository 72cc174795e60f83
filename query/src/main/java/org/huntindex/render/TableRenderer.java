package org.huntindex.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.huntindex.source.Printable;

/**
 * A plain-text table no wider than the terminal: the widest columns are narrowed first and their long values cut with
 * an ellipsis (json and csv keep them whole); control characters are shown as visible symbols ({@link Printable}).
 */
final class TableRenderer implements Renderer {
  private static final int MIN_WIDTH = 8;
  private static final String GAP = "  ";

  private final int width;

  TableRenderer(int width) {
    this.width = width;
  }

  @Override
  public void render(List<Map<String, Object>> results, List<Column> columns, OutputStream out) throws IOException {
    if (results.isEmpty()) {
      return;
    }
    int n = columns.size();
    String[][] cells = new String[results.size() + 1][n];
    for (int c = 0; c < n; c++) {
      cells[0][c] = Printable.of(columns.get(c).header());
      for (int r = 0; r < results.size(); r++) {
        cells[r + 1][c] = Printable.of(Cells.text(columns.get(c).tableValue(results.get(r))));
      }
    }
    boolean[] first = new boolean[n];
    for (int c = 0; c < n; c++) {
      first[c] = columns.get(c).narrowFirst();
    }
    int[] widths = fit(natural(cells, n), first);
    PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < n; c++) {
        String cell = cut(row[c], widths[c]);
        line.append(cell);
        if (c < n - 1) {
          line.append(" ".repeat(widths[c] - length(cell))).append(GAP);
        }
      }
      p.println(line.toString().stripTrailing());
    }
    p.flush();
  }

  private static int[] natural(String[][] cells, int n) {
    int[] widths = new int[n];
    for (String[] row : cells) {
      for (int c = 0; c < n; c++) {
        widths[c] = Math.max(widths[c], length(row[c]));
      }
    }
    return widths;
  }

  /**
   * Narrows the widest column, one character at a time, until the table fits: first among the columns marked to
   * narrow first, then among all, never below {@link #MIN_WIDTH}.
   */
  private int[] fit(int[] widths, boolean[] first) {
    int total = GAP.length() * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    for (boolean onlyFirst : new boolean[] {true, false}) {
      while (total > width) {
        int widest = -1;
        for (int c = 0; c < widths.length; c++) {
          if ((first[c] || !onlyFirst) && widths[c] > MIN_WIDTH && (widest < 0 || widths[c] > widths[widest])) {
            widest = c;
          }
        }
        if (widest < 0) {
          break;
        }
        widths[widest]--;
        total--;
      }
    }
    return widths;
  }

  static String cut(String s, int width) {
    if (length(s) <= width) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
