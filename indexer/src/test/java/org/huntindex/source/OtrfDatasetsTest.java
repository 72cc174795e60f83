package org.huntindex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every OTRF Security-Datasets archive in the shared real data reads to exactly the event count of its manifest. */
class OtrfDatasetsTest {
  private static final String SOURCE = "otrf-security-datasets";
  private static final String TRUNCATED = "datasets/atomic/windows/defense_evasion/host/empire_wdigest_downgrade.tar.gz";

  private static Path root;
  private static Map<String, Long> expectedEvents;

  @BeforeAll
  static void locateData() throws IOException {
    Path real = RealData.locate();
    assumeTrue(real != null, "shared/data/real not found above " + Path.of("").toAbsolutePath() + ": skipped");
    root = real.resolve(SOURCE);
    expectedEvents = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(real.resolve("MANIFEST.tsv"));
    List<String> columns = List.of(lines.get(0).split("\t"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      if (cells[0].equals(SOURCE)) {
        expectedEvents.put(cells[columns.indexOf("file")], Long.parseLong(cells[columns.indexOf("events")]));
      }
    }
  }

  @Test
  void everyArchiveYieldsItsManifestEventCount() {
    assertEquals(14, expectedEvents.size(), "OTRF archives in MANIFEST.tsv");
    List<String> mismatches = new ArrayList<>();
    expectedEvents.forEach((file, expected) -> {
      CollectingSink sink = read(root.resolve(file));
      List<ReadError> expectedErrors = sink.errors.stream().filter(e -> file.equals(TRUNCATED)).toList();
      if (sink.records.size() != expected || sink.errors.size() != expectedErrors.size()) {
        mismatches.add(file + ": " + sink.records.size() + " records (expected " + expected + "), errors " + sink.errors);
      }
    });
    assertEquals(List.of(), mismatches);
  }

  @Test
  void damagedGzipKeepsEveryDecodedRecordAndReportsTheDamageOnce() {
    CollectingSink sink = read(root.resolve(TRUNCATED));
    assertEquals(2710, sink.records.size());
    assertEquals(1, sink.errors.size(), sink.errors.toString());
    ReadError error = sink.errors.get(0);
    // the tar and its gzip member are whole; one stray byte follows the member, where gzip(1) expects another member
    assertTrue(error.location().endsWith("empire_wdigest_downgrade.tar.gz"), error.toString());
    assertEquals("after entry 1", error.position());
    assertTrue(error.reason().contains("after a valid .gz stream"), error.toString());
    assertEquals(2710, sink.records.get(2709).position());
  }

  @Test
  void nestedJsonIsFlattenedToDottedNames() {
    CollectingSink sink = read(root.resolve(TRUNCATED));
    RawRecord first = sink.records.get(0);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      names.add(first.name(i));
    }
    assertTrue(names.stream().anyMatch(n -> n.startsWith("event_data.") || n.startsWith("winlog.")), names.toString());
  }

  @Test
  void walkingTheWholeFolderReadsEveryArchiveAndReportsOnlyTheTruncationAndTheNonEvidence() {
    CollectingSink sink = new CollectingSink();
    EvidenceReaders readers = EvidenceReaders.standard();
    new EvidenceWalker().walk(List.of(root), evidence -> readers.read(evidence, sink), sink::error);
    long expected = expectedEvents.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(expected, sink.records.size());
    // LICENSE and README.md are not evidence: reported as unrecognized; the wdigest archive as truncated
    assertEquals(3, sink.errors.size(), sink.errors.toString());
  }

  static CollectingSink read(Path file) {
    CollectingSink sink = new CollectingSink();
    EvidenceReaders readers = EvidenceReaders.standard();
    new EvidenceWalker().walk(List.of(file), evidence -> readers.read(evidence, sink), sink::error);
    return sink;
  }
}
