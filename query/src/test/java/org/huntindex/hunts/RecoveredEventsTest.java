package org.huntindex.hunts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huntindex.plan.Limit;
import org.huntindex.render.Column;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hunt over the HUNTS.md vectors' events recovered from slack space: by default none of them is read; with
 * recovered events included, the rows are those of the same events live, and each evidence location says
 * {@code (recovered)}.
 */
class RecoveredEventsTest {
  private static final String MARK = " (recovered)";

  @TempDir
  Path dir;

  static Stream<Arguments> vectors() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Object v : vectorsOf("hunt_a_vectors.json")) {
      out.add(arguments(new SentinelExternalIpInCommandLine(), v));
      out.add(arguments(new ExternalIpInCommandLine(), v));
    }
    for (Object v : vectorsOf("hunt_b_vectors.json")) {
      out.add(arguments(new ElasticCommandPromptNetworkConnection(), v));
    }
    return out.stream();
  }

  private static Arguments arguments(Hunt hunt, Object vector) {
    return Arguments.of(hunt.id() + " " + ((Map<?, ?>) vector).get("id"), hunt, vector);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> vectorsOf(String name) throws IOException {
    return (List<Object>) Json.read(SharedData.require().resolve("spec/vectors/" + name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void recoveredEventsAreHuntedOnlyWhenAskedAndMarked(String id, Hunt hunt, Map<String, Object> vector)
      throws IOException {
    List<Object> events = (List<Object>) vector.get("events");
    List<Map<String, Object>> live;
    try (TestIndex index = TestIndex.ofEvents(Files.createDirectories(dir.resolve("live")), events)) {
      live = index.run(hunt, Map.of(), Limit.NONE);
    }
    try (TestIndex index = TestIndex.ofRecoveredEvents(Files.createDirectories(dir.resolve("recovered")), events)) {
      assertEquals(List.of(), index.run(hunt), id + ": recovered events are left out by default");
      List<Map<String, Object>> rows = index.runWithRecovered(hunt, Limit.NONE);
      assertEquals(table(hunt, live, false), table(hunt, rows, true), id);
    }
  }

  /** The rows as their columns show them; each evidence location checked for the mark, then shown as file:position. */
  private static List<Map<String, Object>> table(Hunt hunt, List<Map<String, Object>> rows, boolean recovered) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> cells = new LinkedHashMap<>();
      for (Column c : hunt.columns()) {
        Object v = c.value().apply(row);
        cells.put(c.header(), c.locations() ? unmarked(v, recovered) : v);
      }
      out.add(cells);
    }
    return out;
  }

  private static Object unmarked(Object cell, boolean recovered) {
    if (cell instanceof List<?> list) {
      return list.stream().map(v -> unmarked(v, recovered)).toList();
    }
    String s = String.valueOf(cell);
    assertEquals(recovered, s.endsWith(MARK), s);
    String where = recovered ? s.substring(0, s.length() - MARK.length()) : s;
    return where.substring(where.lastIndexOf('/') + 1);
  }
}
