package org.huntindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huntindex.source.evtx.ByteArrayChannel;
import org.huntindex.source.evtx.EvtxReader;

/**
 * Times this project's EVTX reader and libevtx's {@code evtxexport -f xml} on the same files in the same run and
 * prints records/s for each and the ratio. Arguments: files relative to the data directory (defaults: the real
 * Security and Sysmon samples).
 */
public final class EvtxPeerTiming {
  private static final int ROUNDS = 30;

  private EvtxPeerTiming() {}

  public static void main(String[] args) throws Exception {
    Path data = EvtxDecodeBenchmark.dataDir();
    List<String> files = args.length > 0 ? List.of(args)
        : List.of("omerbenamram-evtx-samples/security.evtx", "omerbenamram-evtx-samples/sysmon.evtx");
    System.out.printf("%-45s %8s %14s %14s %14s %8s%n", "file", "records", "ours 1 thread", "ours all cores",
        "evtxexport", "ratio");
    for (String name : files) {
      Path file = data.resolve(name);
      byte[] bytes = Files.readAllBytes(file);
      long records = count(EvtxReader.singleThreaded(), bytes);
      double single = recordsPerSecond(EvtxReader.singleThreaded(), bytes, records);
      double parallel = recordsPerSecond(new EvtxReader(), bytes, records);
      double peer = evtxexport(file, records);
      System.out.printf("%-45s %8d %14.0f %14.0f %14.0f %7.1fx%n", name, records, single, parallel, peer,
          single / peer);
    }
  }

  private static long count(EvtxReader reader, byte[] bytes) throws IOException {
    EvtxDecodeBenchmark.Counter counter = new EvtxDecodeBenchmark.Counter();
    reader.read(new ByteArrayChannel(bytes), "bench", counter);
    return counter.records;
  }

  /** Best of {@link #ROUNDS} after as many warm-up rounds. */
  private static double recordsPerSecond(EvtxReader reader, byte[] bytes, long records) throws IOException {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 2 * ROUNDS; round++) {
      long start = System.nanoTime();
      count(reader, bytes);
      long elapsed = System.nanoTime() - start;
      if (round >= ROUNDS) {
        best = Math.min(best, elapsed);
      }
    }
    return records * 1e9 / best;
  }

  private static double evtxexport(Path file, long records) throws Exception {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      List<String> command = new ArrayList<>(List.of("evtxexport", "-f", "xml", file.toString()));
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      best = Math.min(best, System.nanoTime() - start);
    }
    return records * 1e9 / best;
  }
}
