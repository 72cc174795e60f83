package org.huntindex.source;

import static org.huntindex.source.Fixtures.evidence;
import static org.huntindex.source.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceReadersTest {
  private final CollectingSink sink = new CollectingSink();

  @Test
  void jsonAndCsvAreReadWhateverTheirNames() throws IOException {
    EvidenceReaders readers = EvidenceReaders.standard();
    readers.read(evidence("export.txt", utf8("Computer,Account\nH1,alice\n")), sink);
    readers.read(evidence("events.log", utf8("{\"a\":1}\n")), sink);
    assertEquals(List.of("csv", "json"), sink.records.stream().map(RawRecord::format).toList());
    assertEquals(List.of(), sink.errors);
  }

  @Test
  void evtxIsReportedUntilAReaderIsPluggedIn() throws IOException {
    byte[] evtx = utf8("ElfFile\0rest");
    EvidenceReaders.standard().read(evidence("a.evtx", evtx), sink);
    assertEquals(List.of(new ReadError("a.evtx", "", "EVTX reader not available")), sink.errors);

    EvidenceReaders withEvtx = EvidenceReaders.standard().with(Format.EVTX, (evidence, out) -> {
      byte[] bytes = evidence.open().readAllBytes();
      out.accept(new RawRecord("evtx", evidence.location(), bytes.length));
    });
    withEvtx.read(evidence("a.evtx", evtx), sink);
    assertEquals(evtx.length, sink.records.get(0).position());
  }

  @Test
  void unknownContentIsReportedWithItsFirstBytesAndEmptyContentSkipped() throws IOException {
    EvidenceReaders readers = EvidenceReaders.standard();
    readers.read(evidence("README.md", utf8("# Title\n")), sink);
    readers.read(evidence("empty.json", new byte[0]), sink);
    assertEquals(1, sink.errors.size());
    assertTrue(sink.errors.get(0).reason().startsWith("unrecognized format: first bytes 23 20 54"), sink.errors.toString());
    assertEquals(List.of(), sink.records);
  }

  @Test
  void unknownCannotBeGivenAReader() {
    assertThrows(IllegalArgumentException.class,
        () -> EvidenceReaders.standard().with(Format.UNKNOWN, (evidence, out) -> {}));
  }
}
