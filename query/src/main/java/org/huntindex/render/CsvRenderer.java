package org.huntindex.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV with a header row, safe to open in a spreadsheet: a text cell starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with {@code '} so it is never read as a formula. Headers are column names the analyst
 * chose, such as {@code @timestamp}, and are printed as they are.
 */
final class CsvRenderer implements Renderer {
  @Override
  public void render(List<Map<String, Object>> results, List<Column> columns, OutputStream out) throws IOException {
    if (results.isEmpty()) {
      return;
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
    List<String> header = new ArrayList<>();
    columns.forEach(c -> header.add(c.header()));
    csv.printRecord(header);
    for (Map<String, Object> r : results) {
      List<Object> cells = new ArrayList<>(columns.size());
      for (Column c : columns) {
        Object v = c.value().apply(r);
        cells.add(v instanceof Long ? v : neutralise(Cells.text(v)));
      }
      csv.printRecord(cells);
    }
    csv.flush();
  }

  /** OWASP's CSV injection defence: formula-starting cells become text. */
  static String neutralise(String cell) {
    if (!cell.isEmpty()) {
      char c = cell.charAt(0);
      if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
        return "'" + cell;
      }
    }
    return cell;
  }
}
