package org.huntindex.hunts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HUNTS.md A.5 vectors K01–K37 through the real ingest path and the real hunt A. */
class SentinelVectorsTest {
  private static final Hunt HUNT = new SentinelExternalIpInCommandLine();

  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  static Stream<Arguments> vectors() throws IOException {
    List<Object> all = (List<Object>) Json.read(SharedData.require().resolve("spec/vectors/hunt_a_vectors.json"));
    return all.stream().map(v -> (Map<String, Object>) v).map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void vector(String id, Map<String, Object> vector) throws IOException {
    List<Map<String, Object>> rows;
    try (TestIndex index = TestIndex.ofEvents(dir, (List<Object>) vector.get("events"))) {
      rows = index.run(HUNT);
    }
    List<Map<String, Object>> expected = (List<Map<String, Object>>) vector.get("expected");
    assertEquals(expected.size(), rows.size(), id + ": rows " + rows);
    for (int i = 1; i < rows.size(); i++) {
      assertTrue((Long) rows.get(i - 1).get("Host_count") >= (Long) rows.get(i).get("Host_count"),
          id + ": sorted by Host_count desc");
    }
    if (!matchAll(expected, rows, 0, new boolean[rows.size()])) {
      fail(id + ": expected " + expected + " but got " + rows);
    }
  }

  /** Rows with equal Host_count form a multiset: find a distinct actual row for every expected one. */
  private static boolean matchAll(List<Map<String, Object>> expected, List<Map<String, Object>> rows, int i,
      boolean[] used) {
    if (i == expected.size()) {
      return true;
    }
    for (int j = 0; j < rows.size(); j++) {
      if (!used[j] && matches(expected.get(i), rows.get(j))) {
        used[j] = true;
        if (matchAll(expected, rows, i + 1, used)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> expected, Map<String, Object> row) {
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      Object want = e.getValue();
      Object got = row.get(e.getKey());
      boolean ok = switch (e.getKey()) {
        case "FirstSeen", "LastSeen" -> Instant.parse((String) want).equals(Instant.parse((String) got));
        case "Hosts", "Accounts" -> want instanceof Map<?, ?> capped
            ? new HashSet<>((List<Object>) capped.get("capped_subset_of")).containsAll((List<Object>) got)
                && ((List<Object>) got).size() == new HashSet<>((List<Object>) got).size()
            : new HashSet<>((List<Object>) want).equals(new HashSet<>((List<Object>) got))
                && ((List<Object>) got).size() == ((List<Object>) want).size();
        default -> want.equals(got);
      };
      if (!ok) {
        return false;
      }
    }
    return row.keySet().containsAll(new ArrayList<>(List.of("Host_count", "IP", "Process", "CommandLine",
        "FirstSeen", "LastSeen", "Hosts", "Accounts")));
  }
}
