package org.huntindex.source.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.huntindex.source.Evidence;
import org.huntindex.source.RawRecord;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An EVTX archive entry is read whole from memory, or past the bound from a temporary copy that is then deleted. */
class EvtxEvidenceReaderTest {
  @TempDir Path tmp;

  @Test
  void anEntryOverTheBoundIsReadFromATemporaryCopyLikeTheFile() throws IOException {
    Path file = SharedData.allEvtx().stream()
        .filter(p -> size(p) > (2 << 20) && size(p) < (8 << 20))
        .min(Comparator.comparing(Path::toString)).orElseThrow();
    Evidence entry = new Evidence("collection.zip!/" + file.getFileName(), null, () -> Files.newInputStream(file));

    CollectingSink direct = new CollectingSink();
    new EvtxReader().read(file, direct);
    CollectingSink inMemory = new CollectingSink();
    new EvtxEvidenceReader(new EvtxReader(), 16 << 20, tmp).read(entry, inMemory);
    CollectingSink copied = new CollectingSink();
    new EvtxEvidenceReader(new EvtxReader(), 1 << 20, tmp).read(entry, copied);

    assertTrue(direct.records.size() > 100, file + ": " + direct.records.size());
    for (CollectingSink read : List.of(inMemory, copied)) {
      assertEquals(text(direct.records), text(read.records));
      assertEquals(direct.errors.size(), read.errors.size());
      read.records.forEach(r -> assertEquals(entry.location(), r.location()));
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "the temporary copy is deleted");
    }
  }

  private static List<String> text(List<RawRecord> records) {
    return records.stream().map(r -> {
      StringBuilder sb = new StringBuilder(r.position() + ":" + r.recovered());
      for (int i = 0; i < r.size(); i++) {
        sb.append('|').append(r.name(i)).append('=').append(r.value(i));
      }
      return sb.toString();
    }).sorted().toList();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
