package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.huntindex.schema.Field;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private IngestReport index(Path idx, Path... inputs) throws IOException {
    var options = new IndexBuilder.Options(2, false, false, new PrintStream(log, true, StandardCharsets.UTF_8));
    return new IndexBuilder(idx, options).index(List.of(inputs));
  }

  private static String line(int i) {
    return "{\"EventID\":4688,\"Computer\":\"WS" + i + "\",\"TimeGenerated\":\"2024-05-01T10:00:0" + (i % 10)
        + "Z\",\"Process\":\"cmd.exe\",\"CommandLine\":\"cmd /c echo " + i + "\",\"Account\":\"C\\\\u" + i + "\"}";
  }

  @Test
  void threeBrokenLinesAmongAHundredIndexNinetySevenAndReportThree() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      lines.add(i == 10 || i == 50 || i == 99 ? "{\"EventID\":4688, broken" : line(i));
    }
    Path input = Files.write(tmp.resolve("rows.json"), lines);
    IngestReport report = index(tmp.resolve("idx"), input);
    assertEquals(97, report.events());
    assertEquals(3, report.errors());
    String err = log.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("rows.json line 10:"), err);
    assertTrue(err.contains("rows.json line 50:"), err);
    assertTrue(err.contains("rows.json line 99:"), err);
    IndexStats stats = IndexStats.of(tmp.resolve("idx"));
    assertEquals(97, stats.events());
    assertEquals(3, stats.errors());
    assertEquals(97L, stats.byChannelCode().get("security/4688"));
  }

  @Test
  void statsCountEachComputerWithItsFirstAndLastEventWhateverTheCaseOfItsName() throws IOException {
    String row = "{\"EventID\":4688,\"Computer\":\"%s\",\"TimeGenerated\":\"2024-05-01T10:00:0%dZ\","
        + "\"Process\":\"cmd.exe\",\"CommandLine\":\"cmd\"}";
    Path a = Files.write(tmp.resolve("hosts.json"), List.of(String.format(row, "WS1.corp", 5),
        String.format(row, "ws1.corp", 1), String.format(row, "WS1.corp", 9), String.format(row, "DC1", 3),
        "{\"EventID\":4688,\"TimeGenerated\":\"2024-05-01T10:00:07Z\",\"Process\":\"cmd.exe\"}"));
    Path idx = tmp.resolve("idx");
    index(idx, a);
    IndexStats stats = IndexStats.of(idx);
    assertEquals(5, stats.events());
    assertEquals(List.of("DC1", "WS1.corp"), List.copyOf(stats.byHost().keySet()));
    IndexStats.HostCounts ws1 = stats.byHost().get("WS1.corp");
    assertEquals(3, ws1.events());
    assertEquals(org.huntindex.normalize.Ticks.parse("2024-05-01T10:00:01Z"), ws1.firstEvent());
    assertEquals(org.huntindex.normalize.Ticks.parse("2024-05-01T10:00:09Z"), ws1.lastEvent());
    assertEquals(1, stats.byHost().get("DC1").events());
  }

  @Test
  void reindexingTheSameFileAddsNothingAndNewFilesAppend() throws IOException {
    Path a = Files.write(tmp.resolve("a.json"), List.of(line(1), line(2)));
    Path idx = tmp.resolve("idx");
    index(idx, a);
    IngestReport again = index(idx, a);
    assertEquals(0, again.events());
    assertEquals(1, again.filesAlreadyIndexed());
    assertEquals(2, IndexStats.of(idx).events());
    Path b = Files.write(tmp.resolve("b.json"), List.of(line(3)));
    index(idx, b);
    IndexStats stats = IndexStats.of(idx);
    assertEquals(3, stats.events());
    assertEquals(2, stats.files());
    IngestManifest manifest = IngestManifest.load(idx);
    assertEquals(List.of(a.toString(), b.toString()), manifest.files().stream().map(f -> f.path).toList());
    Path copy = Files.copy(a, tmp.resolve("copy-of-a.json"));
    assertEquals(2, index(idx, copy).events(), "a copy elsewhere is evidence of its own");
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("has the same content as " + a));
    assertEquals(64, manifest.files().get(0).sha256.length());
  }

  @Test
  void anIndexKeptInsideTheCaseFolderIsNeverReadAsEvidence() throws IOException {
    Path caseDir = Files.createDirectories(tmp.resolve("case"));
    Path a = Files.write(caseDir.resolve("a.json"), List.of(line(1), line(2)));
    Path idx = caseDir.resolve("idx");
    IngestReport first = index(idx, caseDir);
    assertEquals(List.of(2L, 1L, 0L), List.of(first.events(), first.filesIndexed(), first.errors()));
    IngestReport again = index(idx, caseDir, idx);
    String err = log.toString(StandardCharsets.UTF_8);
    assertEquals(List.of(0L, 0L, 1L, 0L),
        List.of(again.events(), again.filesIndexed(), again.filesAlreadyIndexed(), again.errors()), err);
    assertEquals(List.of(a.toString()), IngestManifest.load(idx).files().stream().map(f -> f.path).toList());
    assertEquals(2, IndexStats.of(idx).events());
  }

  @Test
  void newFilesAreHashedWhileIndexedAndAChangedFileIsIndexedAgain() throws Exception {
    Path a = Files.write(tmp.resolve("a.json"), List.of(line(1), line(2)));
    Path twin = Files.copy(a, tmp.resolve("twin.json"));
    Path idx = tmp.resolve("idx");
    assertEquals(4, index(idx, a, twin).events());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains(twin + " has the same content as " + a));
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(a)));
    assertEquals(List.of(digest, digest), IngestManifest.load(idx).files().stream().map(f -> f.sha256).toList());
    Files.write(a, List.of(line(1), line(2), line(3)));
    assertEquals(3, index(idx, a).events(), "the same path with other content is new evidence");
    assertEquals(3, IngestManifest.load(idx).files().size());
    assertEquals(0, index(idx, a, twin).events());
  }

  @Test
  void everyFileGetsTheDigestOfItsBytesHoweverItIsRead() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.write(dir.resolve("1-lines.json"), List.of(line(1), line(2)));
    // A syntax error stops the document's reader long before the end of the file; its digest is still the whole file's.
    Files.writeString(dir.resolve("2-document.json"), "[" + line(3) + ",\n" + line(4) + ",\n{\"EventID\": oops}\n"
        + " ".repeat(1 << 20) + "]\n");
    Files.writeString(dir.resolve("3-table.csv"), "EventID,Computer,TimeGenerated\n4688,WS5,2024-05-01T10:00:00Z\n");
    Files.writeString(dir.resolve("4-unknown.txt"), "not evidence\n");
    Files.copy(SharedData.realData().resolve("omerbenamram-evtx-samples/Security_short_selected.evtx"),
        dir.resolve("5-log.evtx"));
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("6-lines.json.gz")))) {
      gzip.write((line(6) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Path idx = tmp.resolve("idx");
    index(idx, dir);
    List<IngestManifest.FileEntry> files = IngestManifest.load(idx).files();
    assertEquals(6, files.size(), log.toString(StandardCharsets.UTF_8));
    for (IngestManifest.FileEntry f : files) {
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(Path.of(f.path))));
      assertEquals(digest, f.sha256, f.path);
    }
    assertTrue(files.get(1).errorCount > 0, "the document's syntax error was reported");
    assertTrue(files.get(4).events > 0, "the EVTX file was read");
  }

  @Test
  void errorsQuotingControlsOrALoneSurrogateArePrintableAndTheManifestIsWritten() throws IOException {
    // Jackson decodes ED A0 80 to the lone surrogate U+D800 and quotes it in its error; found by a fuzzer, it made the
    // strict UTF-8 write of the manifest throw at the end of the run
    byte[] lines = concat(line(1).getBytes(StandardCharsets.UTF_8), "\n{".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, ":1}\n".getBytes(StandardCharsets.US_ASCII),
        line(2).getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.US_ASCII));
    Path input = Files.write(tmp.resolve("odd\u001b[2J.json"), lines);
    Path idx = tmp.resolve("idx");
    IngestReport report = index(idx, input);
    assertEquals(2, report.events());
    assertEquals(1, report.errors());
    String err = log.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("odd␛[2J.json line 2: Unexpected character ('\uFFFD'"), err);
    assertFalse(err.chars().anyMatch(c -> c == 0x1B || Character.isSurrogate((char) c)), err);
    List<String> kept = IngestManifest.load(idx).files().get(0).errors;
    assertEquals(1, kept.size());
    assertTrue(kept.get(0).contains("odd␛[2J.json line 2: Unexpected character ('\uFFFD'"), kept.toString());
    assertTrue(Files.readString(idx.resolve(IngestManifest.FILE_NAME)).contains("('\uFFFD'"));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void theManifestCommitsWithTheEventsSoLosingTheCopyLosesNothing() throws IOException {
    Path a = Files.write(tmp.resolve("a.json"), List.of(line(1), line(2)));
    Path idx = tmp.resolve("idx");
    index(idx, a);
    Files.delete(idx.resolve(IngestManifest.FILE_NAME));
    assertEquals(1, index(idx, a).filesAlreadyIndexed());
    assertEquals(2, IndexStats.of(idx).events());
    assertEquals(1, IngestManifest.load(idx).files().size());
    assertTrue(Files.exists(idx.resolve(IngestManifest.FILE_NAME)), "the readable copy is written again");
  }

  @Test
  void sequenceFollowsEvidenceOrderAcrossFilesAndRuns() throws IOException {
    Path idx = tmp.resolve("idx");
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.write(dir.resolve("2.json"), List.of(line(3), line(4)));
    Files.write(dir.resolve("1.json"), List.of(line(1), "", line(2)));
    index(idx, dir);
    index(idx, Files.write(tmp.resolve("later.json"), List.of(line(5))));
    List<long[]> seqByComputer = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(idx))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (int i = 1; i <= 5; i++) {
        var hits = searcher.search(new TermQuery(new Term(Field.HOST_NAME.fieldName(), "WS" + i)), 1);
        assertEquals(1, hits.totalHits.value());
        int doc = hits.scoreDocs[0].doc;
        LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues dv = leaf.reader().getNumericDocValues(Field.EVENT_SEQUENCE.fieldName());
        assertTrue(dv.advanceExact(doc - leaf.docBase));
        seqByComputer.add(new long[] {i, dv.longValue()});
      }
    }
    for (int i = 1; i < seqByComputer.size(); i++) {
      assertTrue(seqByComputer.get(i - 1)[1] < seqByComputer.get(i)[1], "WS" + i + " before WS" + (i + 1));
    }
  }

  @Test
  void valuesOverTheTermLimitAreTruncatedAndFlaggedNotRejected() throws IOException {
    String huge = "A".repeat(40_000);
    Path input = Files.write(tmp.resolve("huge.json"), List.of(
        "{\"@timestamp\":\"2024-05-01T10:00:00Z\",\"host.name\":\"" + huge + "\",\"process.command_line\":\"" + huge
            + "\",\"SomeField\":\"" + huge + "\"}"));
    IngestReport report = index(tmp.resolve("idx"), input);
    assertEquals(1, report.events());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("idx")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(1, searcher.count(new TermQuery(new Term(Field.EVENT_FLAGS.fieldName(), "truncated:host.name"))));
      assertEquals(huge, StoredValues.document(reader.storedFields(), 0).get(Field.HOST_NAME.fieldName()));
    }
  }

  @Test
  void unreadableInputIsReportedAndTheRestIndexed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.write(dir.resolve("good.json"), List.of(line(1)));
    Files.write(dir.resolve("broken.json"), new byte[] {0, 1, 2, 3, (byte) 0xff});
    Files.write(dir.resolve("notes.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff});
    Files.writeString(dir.resolve("README"), "# case 42\n");
    IngestReport report = index(tmp.resolve("idx"), dir);
    assertEquals(1, report.events());
    String err = log.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("error: " + dir.resolve("broken.json") + ": unrecognized format"), err);
    assertEquals(1, report.errors(), "a file named as JSON but holding none is an error");
    assertEquals(2, report.notEvidence());
    assertTrue(err.contains("note: skipped 2 files holding no event log (no EVTX, JSON or CSV in content or name): "
        + "README, notes.bin\n"), err);
    assertTrue(!err.contains("error: " + dir.resolve("notes.bin")), err);
    IngestManifest manifest = IngestManifest.load(tmp.resolve("idx"));
    assertEquals(List.of(1L, 0L, 0L, 1L), manifest.files().stream().map(f -> f.notEvidence).toList(),
        "README, broken.json, good.json, notes.bin: the walk's order");
  }

  @Test
  void logAnalyticsCsvExportIsIndexedWithEmbeddedNewlines() throws IOException {
    Path csv = Files.writeString(tmp.resolve("export.csv"), "\uFEFFTimeGenerated [UTC],Computer,EventID,Account,Process,"
        + "CommandLine\r\n"
        + "\"5/1/2024, 10:00:00.000 AM\",WS1,4688,CONTOSO\\alice,cmd.exe,\"cmd /c \"\"echo a\nb\"\"\"\r\n"
        + "2024-05-01T10:00:01Z,WS2,4688,CONTOSO\\bob,cmd.exe,cmd /c ping 8.8.8.80\r\n");
    IngestReport report = index(tmp.resolve("idx"), csv);
    assertEquals(2, report.events());
    IndexStats stats = IndexStats.of(tmp.resolve("idx"));
    assertEquals(2L, stats.byChannelCode().get("security/4688"));
    assertEquals(2L, stats.byFormat().get("sentinel"));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("idx")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      long tenAm = org.huntindex.normalize.Ticks.parse("2024-05-01T10:00:00Z");
      assertEquals(1, searcher.count(org.apache.lucene.document.LongPoint.newExactQuery(Field.TIMESTAMP.fieldName(),
          tenAm)));
      assertEquals(1, searcher.count(new TermQuery(new Term(Field.HOST_NAME.fieldName(), "WS1"))));
    }
  }

  @Test
  void dedupeRecordsDropsEvtxRecordsAlreadyIndexedFromAnotherCopy() throws IOException {
    Path security = org.huntindex.testing.SharedData.realData().resolve("omerbenamram-evtx-samples/security.evtx");
    Path idx = tmp.resolve("idx");
    IngestReport once = index(idx, security);
    long first = once.events();
    assertTrue(first > 2000, "security.evtx has 2,261 live records");
    Path grown = Files.copy(security, tmp.resolve("collected-again.evtx"));
    var options = new IndexBuilder.Options(2, true, false, new PrintStream(log, true, StandardCharsets.UTF_8));
    IngestReport again = new IndexBuilder(idx, options).index(List.of(grown));
    assertEquals(0, again.events());
    assertEquals(0, again.recovered());
    assertEquals(first + once.recovered(), again.skipped(), "live and recovered copies alike");
    assertEquals(first, IndexStats.of(idx).events());
    IngestReport withoutDedupe = index(idx, Files.copy(security, tmp.resolve("third-copy.evtx")));
    assertEquals(first, withoutDedupe.events(), "without the flag a copy elsewhere is indexed again");
  }

  @Test
  void dedupeRecordsAlsoDropsTheSameRecordsExportedToAnotherFormat() throws Exception {
    Path security = org.huntindex.testing.SharedData.realData().resolve("omerbenamram-evtx-samples/security.evtx");
    org.huntindex.testing.Tools.XmlExport export = org.huntindex.testing.Tools.evtxexportXml(security);
    assertEquals(0, export.exit());
    Path xml = Files.writeString(tmp.resolve("security.xml"), export.xml());
    Path idx = tmp.resolve("idx");
    long live = index(idx, security).events();
    var options = new IndexBuilder.Options(2, true, false, new PrintStream(log, true, StandardCharsets.UTF_8));
    IngestReport exported = new IndexBuilder(idx, options).index(List.of(xml));
    assertEquals(0, exported.events(), "the XML holds the EVTX file's live records");
    assertEquals(live, exported.skipped());
    assertEquals(live, IndexStats.of(idx).events());
  }

  @Test
  void anIndexOfAnotherLayoutIsRefusedNotMisread() throws IOException {
    Path idx = tmp.resolve("idx");
    index(idx, Files.write(tmp.resolve("rows.json"), List.of(line(1))));
    IndexFormat.open(idx).close();
    try (IndexWriter w = new IndexWriter(FSDirectory.open(idx), new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("huntindex.format", "1").entrySet());
      w.addDocument(new org.apache.lucene.document.Document());
      w.commit();
    }
    IOException read = assertThrows(IOException.class, () -> IndexFormat.open(idx));
    assertTrue(read.getMessage().contains("index layout 1, but this build reads layout " + IndexFormat.CURRENT),
        read.getMessage());
    IOException append = assertThrows(IOException.class, () -> index(idx, tmp.resolve("rows.json")));
    assertTrue(append.getMessage().contains("index layout 1"), append.getMessage());
  }
}
