package org.huntindex.source;

import static org.huntindex.source.Fixtures.gzip;
import static org.huntindex.source.Fixtures.tar;
import static org.huntindex.source.Fixtures.utf8;
import static org.huntindex.source.Fixtures.write;
import static org.huntindex.source.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceWalkerTest {
  @TempDir Path dir;

  private final List<String> visited = new ArrayList<>();
  private final List<String> contents = new ArrayList<>();
  private final List<ReadError> errors = new ArrayList<>();

  private void walk(EvidenceWalker walker, Path... roots) {
    walker.walk(List.of(roots), evidence -> {
      visited.add(evidence.location().replace(dir + "/", ""));
      var content = new java.io.ByteArrayOutputStream();
      try (var in = evidence.open()) {
        byte[] buf = new byte[100];
        for (int n; (n = in.read(buf)) > 0; ) {
          content.write(buf, 0, n);
        }
      } finally {
        contents.add(content.toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    }, errors::add);
  }

  private void walk(Path... roots) {
    walk(new EvidenceWalker(), roots);
  }

  private static Map<String, byte[]> entries(String... namesAndTexts) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      entries.put(namesAndTexts[i], utf8(namesAndTexts[i + 1]));
    }
    return entries;
  }

  @Test
  void directoriesAreWalkedRecursivelyInSortedOrder() throws IOException {
    write(dir.resolve("b/2.json"), utf8("{}"));
    write(dir.resolve("b/1.json"), utf8("{}"));
    write(dir.resolve("a.json"), utf8("{}"));
    write(dir.resolve("c/d/e.csv"), utf8("x,y"));
    walk(dir.resolve("c"), dir);
    assertEquals(List.of("a.json", "b/1.json", "b/2.json", "c/d/e.csv"), visited);
    // roots are sorted: dir comes first and walks c; c as a root is not read twice
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).reason().contains("already walked"), errors.toString());
  }

  @Test
  void plainFilesKeepTheirPathForRandomAccess() throws IOException {
    Path file = write(dir.resolve("x.evtx"), utf8("ElfFile\0"));
    new EvidenceWalker().walk(List.of(file), evidence -> assertEquals(file, evidence.file()), errors::add);
    assertEquals(List.of(), errors);
  }

  @Test
  void zipEntriesAreVisitedInArchiveOrderAsPathBangEntry() throws IOException {
    write(dir.resolve("c.zip"), zip(entries("z.json", "{\"z\":1}", "dir/a.json", "{\"a\":1}")));
    walk(dir);
    assertEquals(List.of("c.zip!/z.json", "c.zip!/dir/a.json"), visited);
    assertEquals(List.of("{\"z\":1}", "{\"a\":1}"), contents);
  }

  @Test
  void archivesAreRecognisedByMagicNotName() throws IOException {
    write(dir.resolve("evidence.bin"), gzip(tar(entries("a.json", "{}"))));
    write(dir.resolve("WindowsEvents.Zip"), zip(entries("b.json", "{}")));
    walk(dir);
    assertEquals(List.of("WindowsEvents.Zip!/b.json", "evidence.bin!/a.json"), visited);
  }

  @Test
  void tarGzAndGzAreStreamed() throws IOException {
    write(dir.resolve("a.tar.gz"), gzip(tar(entries("one.json", "1", "two.json", "2"))));
    write(dir.resolve("b.json.gz"), gzip(utf8("3")));
    write(dir.resolve("c.tar"), tar(entries("four.json", "4")));
    walk(dir);
    assertEquals(List.of("a.tar.gz!/one.json", "a.tar.gz!/two.json", "b.json.gz", "c.tar!/four.json"), visited);
    assertEquals(List.of("1", "2", "3", "4"), contents);
  }

  @Test
  void nestedArchivesAreWalkedToTheDepthLimit() throws IOException {
    byte[] inner = gzip(tar(entries("deep.json", "{}")));
    write(dir.resolve("outer.zip"), zip(Map.of("inner.tar.gz", inner)));
    walk(dir);
    assertEquals(List.of("outer.zip!/inner.tar.gz!/deep.json"), visited);

    visited.clear();
    walk(new EvidenceWalker(new EvidenceWalker.Limits(1 << 20, 1 << 30, 500, 2)), dir);
    assertEquals(List.of(), visited);
    assertEquals(1, errors.size());
    assertEquals("outer.zip!/inner.tar.gz", errors.get(0).location().replace(dir + "/", ""));
    assertTrue(errors.get(0).reason().contains("nested more than 2"), errors.get(0).reason());
  }

  @Test
  void entryNamesEscapingTheArchiveAreRefused() throws IOException {
    write(dir.resolve("evil.tar"), tar(entries("../up.json", "x", "/etc/abs.json", "x", "a/../../b.json", "x",
        "C:\\win.json", "x", "ok..name.json", "ok")));
    walk(dir);
    assertEquals(List.of("evil.tar!/ok..name.json"), visited);
    assertEquals(4, errors.size());
    assertTrue(errors.stream().allMatch(e -> e.reason().startsWith("unsafe entry name")), errors.toString());
  }

  @Test
  void entryOverTheSizeLimitIsCutAndTheNextEntryRead() throws IOException {
    write(dir.resolve("big.zip"), zip(entries("big.json", "x".repeat(5000), "small.json", "ok")));
    List<String> seen = new ArrayList<>();
    new EvidenceWalker(new EvidenceWalker.Limits(1000, 1 << 20, 500, 4)).walk(List.of(dir), evidence -> {
      seen.add(evidence.location());
      evidence.open().readAllBytes();
    }, errors::add);
    assertEquals(2, seen.size());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).location().endsWith("big.zip!/big.json"));
    assertTrue(errors.get(0).reason().startsWith("entry larger than 1000 bytes"), errors.get(0).reason());
  }

  @Test
  void archiveOverItsTotalLimitIsAbandoned() throws IOException {
    write(dir.resolve("many.tar"), tar(entries("1", "x".repeat(600), "2", "x".repeat(600), "3", "x")));
    walk(new EvidenceWalker(new EvidenceWalker.Limits(1000, 1000, 500, 4)), dir);
    assertEquals(List.of("many.tar!/1", "many.tar!/2"), visited);
    assertEquals("x".repeat(400), contents.get(1));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).location().endsWith("many.tar!/2"), errors.toString());
    assertTrue(errors.get(0).reason().startsWith("archive decompresses to more than 1000"), errors.toString());
  }

  @Test
  void zipBombIsStoppedByTheRatioGuard() throws IOException {
    byte[] zeros = new byte[80 << 20];
    write(dir.resolve("bomb.zip"), zip(Map.of("zeros.json", zeros)));
    walk(dir);
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).reason().contains("expands more than 500"), errors.toString());
  }

  @Test
  void truncatedGzipKeepsWhatWasDecodedAndReportsWhere() throws IOException {
    byte[] whole = gzip(utf8(Fixtures.jsonLines(20_000)));
    write(dir.resolve("cut.json.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));
    CollectingSink sink = new CollectingSink();
    EvidenceReaders readers = EvidenceReaders.standard();
    new EvidenceWalker().walk(List.of(dir), evidence -> readers.read(evidence, sink), sink::error);
    assertTrue(sink.records.size() > 1000, "records kept: " + sink.records.size());
    assertEquals(1, sink.errors.size(), sink.errors.toString());
    assertTrue(sink.errors.get(0).location().endsWith("cut.json.gz"));
    assertTrue(sink.errors.get(0).position().startsWith("byte "), sink.errors.toString());
  }

  @Test
  void truncatedZipKeepsTheEntriesBefore() throws IOException {
    byte[] whole = zip(entries("a.json", "{\"a\":1}\n", "b.json", Fixtures.jsonLines(5000)));
    write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length - 3000));
    CollectingSink sink = new CollectingSink();
    EvidenceReaders readers = EvidenceReaders.standard();
    new EvidenceWalker().walk(List.of(dir), evidence -> readers.read(evidence, sink), sink::error);
    assertEquals(1L, sink.records.get(0).get("a"));
    assertEquals(1, sink.errors.size(), sink.errors.toString());
    assertTrue(sink.errors.get(0).location().contains("cut.zip"), sink.errors.toString());
  }

  @Test
  void symlinkLoopsEndAndDanglingLinksAreReported() throws IOException {
    write(dir.resolve("a/x.json"), utf8("{}"));
    Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
    Files.createSymbolicLink(dir.resolve("a/dangling.json"), dir.resolve("nowhere.json"));
    walk(dir);
    assertEquals(List.of("a/x.json"), visited);
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).location().endsWith("a/dangling.json"));
    assertTrue(errors.get(1).reason().contains("already walked"));
  }

  @Test
  void anArchiveEntryCanBeOpenedOnlyOnce() throws IOException {
    write(dir.resolve("a.zip"), zip(entries("a.json", "{}")));
    new EvidenceWalker().walk(List.of(dir), evidence -> {
      assertNull(evidence.file());
      assertNotNull(evidence.open());
      assertThrows(IOException.class, evidence::open);
    }, errors::add);
    assertEquals(List.of(), errors);
  }

  @Test
  void visitorFailureIsReportedAtTheEntryAndTheWalkGoesOn() throws IOException {
    write(dir.resolve("a.zip"), zip(entries("1.json", "{}", "2.json", "{}")));
    new EvidenceWalker().walk(List.of(dir), evidence -> {
      visited.add(evidence.location());
      throw new IOException("boom");
    }, errors::add);
    assertEquals(2, visited.size());
    assertEquals(2, errors.size());
    assertEquals("boom", errors.get(0).reason());
  }
}
