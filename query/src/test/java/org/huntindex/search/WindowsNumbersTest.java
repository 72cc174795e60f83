package org.huntindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows number fields normalization moves (ports, process ids) are searched and shown by their Windows names. */
class WindowsNumbersTest {
  @TempDir static Path tmp;
  static SearchIndex idx;

  @BeforeAll
  static void index() throws IOException {
    idx = SearchIndex.open(SearchFixture.index(tmp, List.of(
        sysmon3("n1", "445", "4242"), sysmon3("n2", "3389", "77"),
        "{\"EventID\":5156,\"Channel\":\"Security\",\"Hostname\":\"WS1\",\"EventTime\":\"2024-05-01 10:00:00\","
            + "\"SourcePort\":\"50000\",\"DestPort\":\"445\",\"RecordNumber\":3}",
        "{\"EventID\":4688,\"Channel\":\"Security\",\"Hostname\":\"WS1\",\"EventTime\":\"2024-05-01 10:00:01\","
            + "\"NewProcessId\":\"0x1ecc\",\"ProcessId\":\"0x4d\",\"RecordNumber\":4}")));
  }

  private static String sysmon3(String id, String port, String pid) {
    return "{\"EventID\":3,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Hostname\":\"WS1\","
        + "\"UtcTime\":\"2024-05-01 10:00:00.000\",\"RecordNumber\":" + id.substring(1) + ",\"DestinationPort\":\""
        + port + "\",\"ProcessId\":\"" + pid + "\",\"SourcePort\":\"50" + id.substring(1) + "\"}";
  }

  @AfterAll
  static void close() throws IOException {
    idx.close();
  }

  private static Set<Long> records(String query) throws IOException {
    Set<Long> ids = new java.util.TreeSet<>();
    for (Hit h : idx.search(idx.parse(query), SearchSort.parse(Field.TIMESTAMP.fieldName()), 0).hits()) {
      ids.add((Long) h.get(Field.WINLOG_RECORD_ID.fieldName()).getFirst());
    }
    return ids;
  }

  @Test
  void portsAndProcessIdsAreFoundByTheirWindowsNames() throws IOException {
    assertEquals(Set.of(1L), records("DestinationPort:445"));
    assertEquals(Set.of(1L, 2L), records("DestinationPort:[1 TO 4000]"));
    assertEquals(Set.of(3L), records("DestPort:445"));
    assertEquals(Set.of(1L, 3L), records("destination.port:445"));
    assertEquals(Set.of(3L), records("SourcePort:50000"));
    assertEquals(Set.of(4L), records("NewProcessId:0x1ecc"));
    assertEquals(Set.of(4L), records("NewProcessId:0x1ECC"));
    assertEquals(Set.of(4L), records("process.pid:7884"));
    assertEquals(Set.of(4L), records("NewProcessId:[0x1000 TO 0x2000]"));
    // 77 is a Sysmon process's own id and a 4688's creator's: ProcessId finds both
    assertEquals(Set.of(2L, 4L), records("ProcessId:0x4d"));
    assertEquals(Set.of(2L, 4L), records("ProcessId:77"));
    assertEquals(Set.of(4L), records("process.parent.pid:77"));
    assertEquals(List.of(445L), first("DestinationPort:445").get("DestinationPort"));
  }

  @Test
  void processIdsWindowsWritesInHexAreShownSoByTheirWindowsNames() throws IOException {
    Hit created = first("event.code:4688");
    assertEquals(List.of("0x1ecc"), created.get("NewProcessId"));
    assertEquals(List.of("0x4d"), created.get("ProcessId"));
    assertEquals(List.of(7884L), created.get("process.pid"));
    // Sysmon writes its ids in decimal
    assertEquals(List.of(77L), first("event.code:3 AND ProcessId:77").get("ProcessId"));
  }

  private static Hit first(String query) throws IOException {
    return idx.search(idx.parse(query), SearchSort.parse(Field.TIMESTAMP.fieldName()), 0).hits().getFirst();
  }
}
