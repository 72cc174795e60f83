package org.huntindex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huntindex.testing.SharedData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every OTRF Security-Datasets archive in the shared real data reads to exactly the event count of its manifest. */
class OtrfDatasetsTest {
  private static final String SOURCE = "otrf-security-datasets";
  private static final String DAMAGED = "datasets/atomic/windows/defense_evasion/host/empire_wdigest_downgrade.tar.gz";

  private static Path root;
  private static final Map<String, Long> expectedEvents = new TreeMap<>();
  private static final Map<String, LongAdder> recordsByFile = new ConcurrentHashMap<>();
  private static final List<ReadError> errors = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void walkTheWholeFolderOnce() throws IOException {
    Path real = SharedData.realData();
    root = real.resolve(SOURCE);
    List<String> lines = Files.readAllLines(real.resolve("MANIFEST.tsv"));
    List<String> columns = List.of(lines.get(0).split("\t"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      if (cells[0].equals(SOURCE)) {
        expectedEvents.put(cells[columns.indexOf("file")], Long.parseLong(cells[columns.indexOf("events")]));
      }
    }
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(RawRecord record) {
        recordsByFile.computeIfAbsent(fileOf(record.location()), k -> new LongAdder()).increment();
      }

      @Override
      public void error(ReadError error) {
        errors.add(error);
      }
    };
    EvidenceReaders readers = EvidenceReaders.standard();
    new EvidenceWalker().walk(List.of(root), evidence -> readers.read(evidence, sink), sink::error);
  }

  private static String fileOf(String location) {
    int bang = location.indexOf("!/");
    return root.relativize(Path.of(bang < 0 ? location : location.substring(0, bang))).toString();
  }

  @Test
  void everyArchiveYieldsItsManifestEventCount() {
    assertEquals(14, expectedEvents.size(), "OTRF archives in MANIFEST.tsv");
    Map<String, Long> actual = new TreeMap<>();
    recordsByFile.forEach((file, count) -> actual.put(file, count.sum()));
    assertEquals(expectedEvents, actual);
  }

  @Test
  void onlyTheDamagedGzipAndTheNonEvidenceFilesAreReported() {
    List<String> reported = errors.stream().map(e -> fileOf(e.location())).sorted().toList();
    assertEquals(List.of("LICENSE", "datasets/atomic/windows/defense_evasion/host/empire_wdigest_downgrade.tar.gz",
        "datasets/compound/GoldenSAMLADFSMailAccess/README.md"), reported, errors.toString());
    assertTrue(errors.stream().filter(e -> !e.location().endsWith(".tar.gz"))
        .allMatch(e -> e.reason().startsWith("unrecognized format")), errors.toString());
  }

  @Test
  void damagedGzipKeepsEveryDecodedRecordAndReportsTheDamageOnce() {
    assertEquals(2710, recordsByFile.get(DAMAGED).sum());
    ReadError error = errors.stream().filter(e -> e.location().endsWith(".tar.gz")).findFirst().orElseThrow();
    // the tar and its gzip member are whole; one stray byte follows the member, where gzip(1) expects another member
    assertEquals("after entry 1", error.position());
    assertTrue(error.reason().contains("after a valid .gz stream"), error.toString());
  }

  @Test
  void nestedWinlogbeatJsonIsFlattenedToDottedNames() {
    CollectingSink sink = new CollectingSink();
    EvidenceReaders readers = EvidenceReaders.standard();
    new EvidenceWalker().walk(List.of(root.resolve(DAMAGED)), evidence -> readers.read(evidence, sink), sink::error);
    RawRecord first = sink.records.get(0);
    assertEquals(1L, first.position());
    assertTrue(JsonRecordReaderTest.names(first).stream().anyMatch(n -> n.startsWith("event_data.")),
        JsonRecordReaderTest.names(first).toString());
  }
}
