package org.huntindex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared material ({@code ../shared} beside the repository): real evidence with its manifest, and the
 * hunt specification's vectors. Tests that need it skip, saying why, where it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code shared} directory beside the working directory or one of its parents, or null. */
  public static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path shared = dir.resolve("shared");
      if (Files.isDirectory(shared.resolve("data/real"))) {
        return shared;
      }
    }
    return null;
  }

  /** The shared directory; the calling test is skipped when there is none. */
  public static Path require() {
    Path shared = locate();
    Assumptions.assumeTrue(shared != null,
        "../shared is absent (outside this repository's CI): real-data tests skipped");
    return shared;
  }

  /** {@code shared/data/real}; skips when absent. */
  public static Path realData() {
    return require().resolve("data/real");
  }

  /** Every {@code .evtx} file under {@code shared/data/real}, sorted; skips when absent. */
  public static List<Path> allEvtx() {
    try (java.util.stream.Stream<Path> files = Files.walk(realData())) {
      return files.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every record of the evidence under {@code dir} (EVTX, JSON, CSV and XML files and archives) to {@code each}, which
   * must be thread-safe; what cannot be read is skipped.
   */
  public static void eachRecord(Path dir, java.util.function.Consumer<org.huntindex.source.RawRecord> each) {
    org.huntindex.source.RecordSink sink = new org.huntindex.source.RecordSink() {
      @Override
      public void accept(org.huntindex.source.RawRecord record) {
        each.accept(record);
      }

      @Override
      public void error(org.huntindex.source.ReadError error) {}
    };
    org.huntindex.source.EvidenceReaders readers = org.huntindex.source.EvidenceReaders.standard()
        .with(org.huntindex.source.Format.EVTX, new org.huntindex.source.evtx.EvtxEvidenceReader(
            new org.huntindex.source.evtx.EvtxReader()));
    new org.huntindex.source.EvidenceWalker().walk(List.of(dir), evidence -> readers.read(evidence, sink),
        sink::error);
  }

  /** MANIFEST.tsv rows as column name to value. */
  public static List<Map<String, String>> manifest() {
    Path file = realData().resolve("MANIFEST.tsv");
    try {
      List<String> lines = Files.readAllLines(file);
      String[] header = lines.get(0).split("\t", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length && i < cells.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The evidence file of a manifest row. */
  public static Path fileOf(Map<String, String> row) {
    return realData().resolve(row.get("source")).resolve(row.get("file"));
  }
}
