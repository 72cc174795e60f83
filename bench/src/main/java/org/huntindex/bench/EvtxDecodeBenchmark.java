package org.huntindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;
import org.huntindex.source.evtx.ByteArrayChannel;
import org.huntindex.source.evtx.EvtxReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * EVTX decode throughput into field maps, from memory, on the real Security and Sysmon samples: single thread and all
 * cores. The {@code records} and {@code bytes} counters are per second (records/s, bytes/s).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EvtxDecode -wi 2 -i 3 -f 1}; the data directory defaults to
 * {@code ../shared/data/real} and can be set with {@code -Dhuntindex.data=...}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EvtxDecodeBenchmark {
  @Param({"omerbenamram-evtx-samples/security.evtx", "omerbenamram-evtx-samples/sysmon.evtx"})
  public String file;

  private byte[] bytes;
  private final EvtxReader single = EvtxReader.singleThreaded();
  private final EvtxReader parallel = new EvtxReader();

  /** Records and bytes decoded, reported by JMH as rates. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Decoded {
    public long records;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      records = 0;
      bytes = 0;
    }
  }

  @Setup
  public void load() throws IOException {
    bytes = Files.readAllBytes(dataDir().resolve(file));
  }

  /** The real-data directory: {@code -Dhuntindex.data}, else the first {@code ../shared/data/real} above here. */
  public static Path dataDir() {
    String configured = System.getProperty("huntindex.data");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data").resolve("real");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no ../shared/data/real above " + Path.of("").toAbsolutePath()
        + "; set -Dhuntindex.data");
  }

  @Benchmark
  public long singleThread(Decoded decoded) throws IOException {
    return decode(single, decoded);
  }

  @Benchmark
  public long allCores(Decoded decoded) throws IOException {
    return decode(parallel, decoded);
  }

  private long decode(EvtxReader reader, Decoded decoded) throws IOException {
    Counter counter = new Counter();
    reader.read(new ByteArrayChannel(bytes), file, counter);
    decoded.records += counter.records;
    decoded.bytes += bytes.length;
    return counter.fields;
  }

  /** Counts records (and those carved from slack space) and fields so the work cannot be optimised away. */
  static final class Counter implements RecordSink {
    long records;
    long recovered;
    long fields;

    @Override
    public void accept(RawRecord record) {
      records++;
      if (record.recovered()) {
        recovered++;
      }
      fields += record.size();
    }

    @Override
    public void error(ReadError error) {}
  }
}
