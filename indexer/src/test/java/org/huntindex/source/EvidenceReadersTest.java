package org.huntindex.source;

import static org.huntindex.source.Fixtures.evidence;
import static org.huntindex.source.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  /** What Windows PowerShell's {@code ConvertTo-Json | Out-File} and {@code >} write: UTF-16 with a byte order mark. */
  @Test
  void utf16WithAByteOrderMarkIsReadAsTheTextItHolds() throws IOException {
    String json = "[\r\n    {\r\n        \"Computer\":  \"WS-é1\",\r\n        \"CommandLine\":  \"cmd /c echo жук\"\r\n    },"
        + "\r\n    {\r\n        \"Computer\":  \"WS2\"\r\n    }\r\n]\r\n";
    String csv = "Computer,CommandLine\r\nWS3,\"ping 8.8.8.8\"\r\n";
    EvidenceReaders readers = EvidenceReaders.standard();
    readers.read(evidence("ps-out.json", utf16(json, StandardCharsets.UTF_16LE, 0xff, 0xfe)), sink);
    readers.read(evidence("be.csv", utf16(csv, StandardCharsets.UTF_16BE, 0xfe, 0xff)), sink);
    assertEquals(List.of(), sink.errors);
    assertEquals(List.of("json", "json", "csv"), sink.records.stream().map(RawRecord::format).toList());
    assertEquals(List.of("WS-é1", "WS2", "WS3"), sink.records.stream().map(r -> r.get("Computer")).toList());
    assertEquals("cmd /c echo жук", sink.records.get(0).get("CommandLine"));
    assertEquals(List.of(2L, 2L), List.of(sink.records.get(0).position(), sink.records.get(2).position()),
        "positions are the lines of the text");

    CollectingSink odd = new CollectingSink();
    byte[] cut = utf16("{\"a\":\"b\"}\n{\"c\":1}", StandardCharsets.UTF_16LE, 0xff, 0xfe);
    readers.read(evidence("cut.json", java.util.Arrays.copyOf(cut, cut.length - 1)), odd);
    assertEquals(List.of("b"), odd.records.stream().map(r -> r.get("a")).toList(), "a cut last byte spoils the last "
        + "record only");
    assertEquals(List.of("line 2"), odd.errors.stream().map(ReadError::position).toList(), odd.errors.toString());
  }

  private static byte[] utf16(String text, java.nio.charset.Charset order, int bom0, int bom1) {
    byte[] body = text.getBytes(order);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) bom0;
    out[1] = (byte) bom1;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
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
