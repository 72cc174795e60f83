package org.huntindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows Defender names its data with spaces ({@code Threat Name}): a search names such a field with {@code \ }. */
class SpacedFieldNamesTest {
  @TempDir static Path tmp;
  static SearchIndex idx;

  @BeforeAll
  static void index() throws IOException {
    idx = SearchIndex.open(SearchFixture.index(tmp, List.of(event("d1", "HackTool:Win64/Mikatz!dha", "High"),
        event("d2", "Trojan:Win32/Wacatac.B!ml", "Severe"))));
  }

  private static String event(String id, String threat, String severity) {
    return "{\"@timestamp\":\"2024-05-01T08:15:00Z\",\"event\":{\"id\":\"" + id + "\",\"code\":1116},"
        + "\"host\":{\"name\":\"WS0042\"},\"Threat Name\":\"" + threat + "\",\"Severity Name\":\"" + severity + "\"}";
  }

  @AfterAll
  static void close() throws IOException {
    idx.close();
  }

  @Test
  void aBackslashBeforeTheSpaceKeepsTheNameWhole() throws IOException {
    assertEquals(Set.of("d1"), SearchFixture.ids(idx, "Threat\\ Name:*mikatz*"));
    assertEquals(Set.of("d2"), SearchFixture.ids(idx, "Severity\\ Name:severe"));
    assertEquals(Set.of("d1", "d2"), SearchFixture.ids(idx, "Threat\\ Name:*"));
  }
}
