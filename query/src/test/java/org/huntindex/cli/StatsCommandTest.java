package org.huntindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huntindex.hunts.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt stats}: what was indexed, and every problem indexing met, with its file and position. */
class StatsCommandTest {
  private static final String GOOD = "{\"EventID\":4688,\"Channel\":\"Security\",\"Computer\":\"WS1\","
      + "\"TimeGenerated\":\"2024-05-01T10:00:00Z\"}";

  @TempDir Path dir;

  @Test
  void theErrorsIndexingMetAreListedWithTheirFileAndPosition() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), GOOD + "\n{\"EventID\":46\n" + GOOD + "\n");
    String idx = dir.resolve("idx").toString();
    CliRun index = CliRun.of("index", "-i", idx, "--no-progress", broken.toString());
    assertTrue(index.err().contains("broken.json"), index.err());

    CliRun table = CliRun.of("stats", "-i", idx);
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("errors     1\n"), table.out());
    String errors = table.out().substring(table.out().indexOf("errors (file and position)\n"));
    List<String> lines = errors.lines().skip(1).toList();
    assertEquals(1, lines.size(), errors);
    assertTrue(lines.getFirst().startsWith(broken + " line 2: "), lines.getFirst());

    Map<?, ?> json = stats(idx);
    assertEquals(1L, json.get("errors"));
    assertEquals(List.of(lines.getFirst()), json.get("error_messages"));
  }

  @Test
  void anIndexWithoutErrorsListsNone() throws IOException {
    Path good = Files.writeString(dir.resolve("good.json"), GOOD + "\n");
    String idx = dir.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", "-i", idx, "--no-progress", good.toString()).exit());
    CliRun table = CliRun.of("stats", "-i", idx);
    assertTrue(table.out().contains("errors     0\n"), table.out());
    assertFalse(table.out().contains("errors ("), table.out());
    assertEquals(List.of(), stats(idx).get("error_messages"));
  }

  @Test
  void theTimeSpanOfTheEventsIsGivenOverallAndPerFile() throws IOException {
    Path a = Files.writeString(dir.resolve("a.json"), GOOD + "\n" + GOOD.replace("2024-05-01T10:00:00Z",
        "2024-05-03T12:00:00Z") + "\n");
    Path b = Files.writeString(dir.resolve("b.json"), GOOD.replace("2024-05-01T10:00:00Z", "2024-04-30T08:00:00Z")
        + "\n");
    String idx = dir.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", "-i", idx, "--no-progress", a.toString(), b.toString()).exit());

    String table = CliRun.of("stats", "-i", idx).out();
    assertTrue(table.contains("first      2024-04-30T08:00:00.0000000Z\nlast       2024-05-03T12:00:00.0000000Z\n"),
        table);
    Map<?, ?> json = stats(idx);
    assertEquals("2024-04-30T08:00:00.0000000Z", json.get("first_event"));
    assertEquals("2024-05-03T12:00:00.0000000Z", json.get("last_event"));
    Map<?, ?> fileA = (Map<?, ?>) ((Map<?, ?>) json.get("by_file")).get(a.toString());
    assertEquals(List.of(2L, "2024-05-01T10:00:00.0000000Z", "2024-05-03T12:00:00.0000000Z"),
        List.of(fileA.get("events"), fileA.get("first_event"), fileA.get("last_event")));
    Map<?, ?> fileB = (Map<?, ?>) ((Map<?, ?>) json.get("by_file")).get(b.toString());
    assertEquals(fileB.get("first_event"), fileB.get("last_event"));
  }

  @Test
  void eachComputerIsListedWithItsEventsAndTheirTimeSpan() throws IOException {
    Path a = Files.writeString(dir.resolve("a.json"), GOOD + "\n" + GOOD.replace("2024-05-01T10:00:00Z",
        "2024-05-03T12:00:00Z") + "\n" + GOOD.replace("WS1", "DC1") + "\n");
    String idx = dir.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", "-i", idx, "--no-progress", a.toString()).exit());

    List<List<String>> table = CliRun.of("stats", "-i", idx).out().lines().dropWhile(l -> !l.startsWith("host "))
        .limit(3).map(l -> List.of(l.strip().split(" {2,}"))).toList();
    assertEquals(List.of(List.of("host", "events", "first", "last"),
        List.of("WS1", "2", "2024-05-01T10:00:00.0000000Z", "2024-05-03T12:00:00.0000000Z"),
        List.of("DC1", "1", "2024-05-01T10:00:00.0000000Z", "2024-05-01T10:00:00.0000000Z")), table);
    Map<?, ?> ws1 = (Map<?, ?>) ((Map<?, ?>) stats(idx).get("by_host")).get("WS1");
    assertEquals(List.of(2L, "2024-05-01T10:00:00.0000000Z", "2024-05-03T12:00:00.0000000Z"),
        List.of(ws1.get("events"), ws1.get("first_event"), ws1.get("last_event")));
  }

  private static Map<?, ?> stats(String idx) throws IOException {
    return (Map<?, ?>) Json.parse(CliRun.of("stats", "-i", idx, "--format", "json").out());
  }
}
