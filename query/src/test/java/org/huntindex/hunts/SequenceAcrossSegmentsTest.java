package org.huntindex.hunts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huntindex.plan.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key whose events sit in different segments joins on its bytes, not on segment-local ordinals. */
class SequenceAcrossSegmentsTest {
  @TempDir
  Path dir;

  private static Map<String, Object> event(String id, long ms, String category, String entity, String ip) {
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("@timestamp", ms);
    e.put("event", Map.of("id", id, "category", List.of(category), "type", List.of("start")));
    e.put("host", Map.of("os", Map.of("type", "windows")));
    e.put("process", Map.of("name", "cmd.exe", "entity_id", entity));
    if (ip != null) {
      e.put("destination", Map.of("ip", ip));
    }
    return e;
  }

  @Test
  void startsAndConnectionsIndexedInSeparateRunsStillJoin() throws IOException {
    Path first = dir.resolve("a.json");
    Path second = dir.resolve("b.json");
    Json.writeLines(first, List.of(event("s1", 1000, "process", "{A}", null), event("s2", 1500, "process", "{B}", null)));
    Json.writeLines(second, List.of(event("n2", 1600, "network", "{B}", "8.8.4.4"),
        event("n1", 2000, "network", "{A}", "8.8.8.8"), event("x", 2500, "network", "{a}", "8.8.8.8")));
    TestIndex.of(dir, List.of(first)).close();
    try (TestIndex index = TestIndex.of(dir, List.of(second))) {
      assertEquals(2, index.segments());
      var result = index.run(new ElasticCommandPromptNetworkConnection(), Map.of(), Limit.NONE);
      assertEquals(List.of(List.of("s2", "n2"), List.of("s1", "n1")), ElasticVectorsTest.ids(result));
    }
  }
}
