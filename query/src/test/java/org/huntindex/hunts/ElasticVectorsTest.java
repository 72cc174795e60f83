package org.huntindex.hunts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huntindex.plan.Limit;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HUNTS.md B.6 vectors E01–E40 through the real ingest path and the real hunt B (API mode, size 100). */
class ElasticVectorsTest {
  private static final Hunt HUNT = new ElasticCommandPromptNetworkConnection();

  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  static Stream<Arguments> vectors() throws IOException {
    List<Object> all = (List<Object>) Json.read(SharedData.require().resolve("spec/vectors/hunt_b_vectors.json"));
    return all.stream().map(v -> (Map<String, Object>) v).map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void vector(String id, Map<String, Object> vector) throws IOException {
    try (TestIndex index = TestIndex.ofEvents(dir, (List<Object>) vector.get("events"))) {
      int size = ((Number) vector.getOrDefault("size", 100L)).intValue();
      assertEquals(vector.get("expected"), ids(index.run(HUNT, Map.of(), Limit.tail(size))), id);
      if (vector.containsKey("expected_size10")) {
        assertEquals(vector.get("expected_size10"), ids(index.run(HUNT, Map.of(), Limit.tail(10))), id + " size 10");
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<List<Object>> ids(List<Map<String, Object>> sequences) {
    return sequences.stream()
        .map(s -> ((List<Map<String, Object>>) s.get("events")).stream().map(e -> e.get("event.id")).toList())
        .toList();
  }
}
