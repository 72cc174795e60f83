package org.huntindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.huntindex.index.IndexBuilder;
import org.huntindex.normalize.SourceNames;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt search} and {@code hunt fields} end to end: stdout carries data only, notes go to stderr. */
class SearchCommandTest {
  @TempDir static Path tmp;
  static String idx;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream stdout;
  private PrintStream stderr;

  @BeforeAll
  static void index() throws IOException {
    Path input = Files.write(tmp.resolve("logons.jsonl"), List.of(
        "{\"@timestamp\":\"2024-05-02T01:00:00Z\",\"event\":{\"code\":4625,\"category\":[\"authentication\"],"
            + "\"type\":[\"start\"]},\"host\":{\"name\":\"DC01\"},\"user\":{\"name\":\"=cmd|' /C calc'!A0\"},"
            + "\"TargetUserName\":\"Administrator\",\"LogonType\":3}",
        "{\"@timestamp\":\"2024-05-02T01:00:05Z\",\"event\":{\"code\":4625,\"category\":[\"authentication\"],"
            + "\"type\":[\"start\"]},\"host\":{\"name\":\"DC01\"},\"user\":{\"name\":\"admin\"}}",
        "{\"@timestamp\":\"2024-05-01T23:00:00Z\",\"event\":{\"code\":4624,\"category\":[\"authentication\"],"
            + "\"type\":[\"start\"]},\"host\":{\"name\":\"WS1\"},\"user\":{\"name\":\"bob\"}}"));
    Path dir = tmp.resolve("idx");
    new IndexBuilder(dir, IndexBuilder.Options.defaults(new PrintStream(OutputStream.nullOutputStream())))
        .index(List.of(input));
    idx = dir.toString();
  }

  @BeforeEach
  void capture() {
    stdout = System.out;
    stderr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    System.setErr(stderr);
  }

  private int run(String... args) {
    return HuntCli.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void countPrintsABareIntegerAndNothingElse() {
    assertEquals(0, run("search", "event.code:4625", "-i", idx, "--count"));
    assertEquals("2" + System.lineSeparator(), out());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("ms"));
  }

  @Test
  void noHitsIsEmptyNdjsonAndAnEmptyJsonArray() {
    assertEquals(0, run("search", "event.code:1", "-i", idx, "--format", "ndjson"));
    assertEquals("", out());
    assertEquals(0, run("search", "event.code:1", "-i", idx, "--format", "json"));
    assertEquals("[]", out().strip());
  }

  @Test
  void ndjsonIsOneObjectPerHitInTimeOrderWithItsEvidence() {
    assertEquals(0, run("search", "event.category:authentication", "-i", idx, "--format", "ndjson", "--fields",
        "host.name,user.name,TargetUserName"));
    String[] lines = out().split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[0].startsWith("{\"host.name\":\"WS1\",\"user.name\":\"bob\",\"evidence\":\""), lines[0]);
    assertTrue(lines[0].endsWith("logons.jsonl:3\"}"), lines[0]);
    assertTrue(lines[1].contains("\"TargetUserName\":\"Administrator\""), lines[1]);
  }

  @Test
  void descendingSortPutsTheNewestFirst() {
    assertEquals(0, run("search", "*:*", "-i", idx, "--format", "ndjson", "--fields", "user.name", "--sort",
        "-@timestamp", "--limit", "1"));
    assertTrue(out().startsWith("{\"user.name\":\"admin\""), out());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("3 hits, showing 1"), err.toString());
  }

  @Test
  void csvIsExcelSafe() {
    assertEquals(0, run("search", "user.name:*calc*", "-i", idx, "--format", "csv", "--fields",
        "user.name,event.code"));
    String[] lines = out().split("\r\n");
    assertEquals("user.name,event.code,evidence", lines[0]);
    assertTrue(lines[1].startsWith("'=cmd|' /C calc'!A0,4625,"), lines[1]);
  }

  @Test
  void tableShowsTheDefaultColumnsAndTheEvidence() {
    assertEquals(0, run("search", "host.name:dc01", "-i", idx));
    String[] lines = out().split("\n");
    assertTrue(lines[0].startsWith("@timestamp") && lines[0].endsWith("evidence"), lines[0]);
    assertEquals(3, lines.length);
  }

  @Test
  void aQueryMayStartWithLucenesMinusAndStillMisspeltOptionsAreNamed() {
    assertEquals(0, run("search", "-i", idx, "-host.name:dc01", "--count"));
    assertEquals("1" + System.lineSeparator(), out());
    assertEquals(0, run("search", "-host.name:dc01", "-i", idx, "--count-by", "host.name", "--format", "csv"));
    assertTrue(out().endsWith("host.name,count\r\nWS1,1\r\n"), out());
    assertEquals(2, run("search", "event.code:4625", "-i", idx, "--cuont"));
    assertTrue(err().contains("Unknown option: '--cuont'"), err());
    assertEquals(2, run("search", "-i", idx, "--limt", "5", "event.code:4625"));
    assertTrue(err().contains("--limt") && err().contains("--limit"), err());
    assertEquals(0, run("search", "*:*", "-i", idx, "--sort", "-@timestamp", "--fields", "user.name", "--limit", "1",
        "--format", "csv"));
    assertTrue(out().contains("user.name,evidence\r\nadmin,"), "an option's value keeps its minus: " + out());
  }

  @Test
  void countByPrintsATableOfValues() {
    assertEquals(0, run("search", "event.category:authentication", "-i", idx, "--count-by", "host.name",
        "--format", "csv"));
    assertEquals("host.name,count\r\nDC01,2\r\nWS1,1\r\n", out());
  }

  @Test
  void badQueryExitsTwoWithOneLineOnStderrAndNothingOnStdout() {
    assertEquals(2, run("search", "hots.name:dc01", "-i", idx));
    assertEquals("", out());
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, e.strip().lines().count(), e);
    assertTrue(e.contains("did you mean 'host.name'?") && e.contains("position 0"), e);
  }

  @Test
  void fieldsListsSchemaFieldsWithPresenceWindowsNamesAndRawFields() {
    assertEquals(0, run("fields", "-i", idx, "--format", "csv"));
    assertTrue(out().contains("\r\nhost.name,keyword,yes,yes,"), out());
    assertTrue(out().contains("\r\ndestination.ip,ip,no,yes,"), out());
    assertTrue(out().contains("\r\nLogonType,raw,yes,slower,"), out());
    assertTrue(out().contains("\r\nTargetUserName,windows,'-,slower,\"as user.name of Security 4624/4625, and the raw field "
        + "of other events\","), out());
    assertFalse(out().contains("\r\nTargetUserName,raw,"), out());
  }

  @Test
  void everyExampleFieldsGivesIsAQuerySearchTakes() throws IOException {
    assertEquals(0, run("fields", "-i", idx, "--format", "csv"));
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out())).getRecords();
    assertTrue(rows.size() > Field.values().length + SourceNames.names().size(), "every kind of row: " + rows.size());
    assertTrue(rows.stream().anyMatch(r -> r.get("example").equals("EventID:4625")), out());
    for (CSVRecord row : rows) {
      // CSV quotes a leading @ as a spreadsheet would need it
      String example = row.get("example").replaceFirst("^'(?=[=+\\-@])", "");
      CliRun search = CliRun.of("search", "-i", idx, example, "--count");
      assertEquals(0, search.exit(), example + ": " + search.err());
    }
  }
}
