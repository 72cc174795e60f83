package org.huntindex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.huntindex.bench.evtx.BigEvtx;
import org.huntindex.source.evtx.ByteArrayChannel;
import org.huntindex.source.evtx.EvtxReader;

/**
 * Times this project's EVTX reader and libevtx's {@code evtxexport -f xml} on the same files in the same run, and
 * optionally a whole {@code hunt index} process on a large file against {@code evtxexport} decoding it.
 *
 * <p>Per file: records (ours, and evtxexport's count of {@code <Event} elements), our decode rate on one thread (wall
 * time, and the thread's CPU time, which a loaded machine disturbs less) and on all cores, evtxexport's wall time, and
 * the ratios. Rates are best of the measured rounds after warm-up rounds; medians are printed beside them. Small files
 * decode from memory, the large file from disk (page cache) as {@code hunt index} reads it.
 *
 * <p>Usage: {@code bench/run evtx [--big FILE | --big-mib N] [--hunt] [--peer-rounds N] [FILE ...]}: files are
 * relative to the data directory (default: the real Security and Sysmon samples and the largest Security capture);
 * {@code --big-mib} writes a large file with {@link BigEvtx} into a temporary directory; {@code --hunt} also times
 * {@code hunt index} on the large file (JVM start included), through the launcher under {@code --root}.
 */
public final class EvtxPeerTiming {
  private static final List<String> DEFAULT_FILES = List.of("omerbenamram-evtx-samples/security.evtx",
      "omerbenamram-evtx-samples/sysmon.evtx",
      "evtx-to-mitre-attack/TA0005-Defense Evasion/T1562.004-Impair Defenses-Disable or Modify System Firewall/"
          + "ID4688-5447-4950-Firewall disabled (command).evtx");
  /** Warm-up before measuring: enough for the JIT to settle on the small files. */
  private static final long WARM_UP_NANOS = 3_000_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EvtxPeerTiming() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path big = null;
    int bigMib = 0;
    boolean hunt = false;
    int peerRounds = 3;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--big" -> big = Path.of(args[++i]);
        case "--big-mib" -> bigMib = Integer.parseInt(args[++i]);
        case "--hunt" -> hunt = true;
        case "--peer-rounds" -> peerRounds = Integer.parseInt(args[++i]);
        default -> names.add(args[i]);
      }
    }
    Path data = EvtxDecodeBenchmark.dataDir();
    List<Path> files = new ArrayList<>();
    (names.isEmpty() ? DEFAULT_FILES : names).forEach(n -> files.add(data.resolve(n)));
    Path temp = null;
    if (big == null && bigMib > 0) {
      temp = Files.createTempDirectory("bigevtx");
      big = temp.resolve("big.evtx");
      BigEvtx.Summary s = BigEvtx.write(big, (long) bigMib << 20, BigEvtx.DEFAULT_SOURCES.stream().map(data::resolve)
          .toList());
      System.out.printf("generated %s: %d chunks, %d records (from %d intact source chunks)%n", big, s.chunks(),
          s.records(), s.sourceChunks());
    }
    try {
      machine();
      System.out.printf("%n%-34s %6s %8s %6s %8s | %-25s | %-25s | %-16s | %-17s | %s%n", "file", "MiB", "records",
          "recov", "evtxexp", "ours 1 thread rec/s MiB/s", "ours 1 thread, CPU time", "ours all cores", "evtxexport -f xml",
          "ratio 1T / all");
      for (Path file : files) {
        row(file, false, peerRounds);
      }
      if (big != null) {
        row(big, true, Math.max(1, peerRounds - 1));
        if (hunt) {
          endToEnd(root, big, Math.max(1, peerRounds - 1));
        }
      }
    } finally {
      if (temp != null) {
        Files.deleteIfExists(big);
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void machine() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    System.out.printf("machine: %d cores (%s), JDK %s, load average at start %s%n",
        Runtime.getRuntime().availableProcessors(), cpu, Runtime.version(), load());
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void row(Path file, boolean fromDisk, int peerRounds) throws Exception {
    long size = Files.size(file);
    byte[] bytes = fromDisk ? null : Files.readAllBytes(file);
    int warm = fromDisk ? 3 : 20;
    int rounds = fromDisk ? 5 : 50;
    EvtxDecodeBenchmark.Counter counted = counter(EvtxReader.singleThreaded(), file, bytes);
    long records = counted.records;
    Timing single = time(EvtxReader.singleThreaded(), file, bytes, warm, rounds);
    Timing parallel = time(new EvtxReader(), file, bytes, warm, rounds);
    long peerRecords = evtxexportCount(file);
    double peerSeconds = evtxexportSeconds(file, peerRounds);
    double mib = size / 1048576.0;
    String name = file.getFileName().toString();
    System.out.printf("%-34s %6.1f %8d %6d %8d | %9.0f %6.1f (med %7.0f) | %9.0f %6.1f (med %7.0f) | %9.0f %6.1f | %6.2f s %7.0f/s"
        + " | %5.0fx / %5.0fx   load %s%n",
        name.length() > 34 ? name.substring(0, 31) + "..." : name, mib, records, counted.recovered, peerRecords,
        records / single.best, mib / single.best, records / single.median,
        records / single.bestCpu, mib / single.bestCpu, records / single.medianCpu,
        records / parallel.best, mib / parallel.best, peerSeconds, records / peerSeconds,
        peerSeconds / single.best, peerSeconds / parallel.best, load());
  }

  /** Seconds per decode: best and median of {@code rounds}, wall and calling-thread CPU time. */
  private record Timing(double best, double median, double bestCpu, double medianCpu) {}

  private static Timing time(EvtxReader reader, Path file, byte[] bytes, int warm, int rounds) throws IOException {
    long warmUntil = System.nanoTime() + WARM_UP_NANOS;
    for (int round = 0; round < warm || System.nanoTime() < warmUntil; round++) {
      decode(reader, file, bytes);
    }
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      decode(reader, file, bytes);
      wall[round] = (System.nanoTime() - start) / 1e9;
      cpu[round] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Timing(wall[0], wall[rounds / 2], cpu[0], cpu[rounds / 2]);
  }

  private static void decode(EvtxReader reader, Path file, byte[] bytes) throws IOException {
    counter(reader, file, bytes);
  }

  private static EvtxDecodeBenchmark.Counter counter(EvtxReader reader, Path file, byte[] bytes) throws IOException {
    EvtxDecodeBenchmark.Counter counter = new EvtxDecodeBenchmark.Counter();
    if (bytes != null) {
      reader.read(new ByteArrayChannel(bytes), "bench", counter);
    } else {
      reader.read(file, counter);
    }
    return counter;
  }

  /** Records evtxexport writes (lines opening an {@code <Event} element); an untimed run. */
  private static long evtxexportCount(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long n = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
        1 << 16)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("<Event ")) {
          n++;
        }
      }
    }
    p.waitFor();
    return n;
  }

  /** Best wall time of {@code rounds} runs of {@code evtxexport -f xml FILE}, output discarded. */
  private static double evtxexportSeconds(Path file, int rounds) throws IOException, InterruptedException {
    return bestOf(rounds, new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
  }

  private static double bestOf(int rounds, ProcessBuilder command) throws IOException, InterruptedException {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      int exit = command.start().waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IOException(command.command() + " exited with " + exit);
      }
      best = Math.min(best, seconds);
    }
    return best;
  }

  /**
   * A whole {@code hunt index} process on {@code big} (fresh index each round), started by the {@code hunt} launcher as
   * an analyst starts it (the e2e benchmark's runner, which also logs the GC), against evtxexport decoding the file. An
   * untimed {@code hunt list} first lets the launcher build what it builds once (the jar, the start-up cache).
   */
  private static void endToEnd(Path root, Path big, int rounds) throws Exception {
    Path launcher = root.resolve("hunt");
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path work = Files.createTempDirectory("bigevtx-e2e");
    Path out = work.resolve("out");
    Path err = work.resolve("err");
    Path gc = work.resolve("gc.log");
    try {
      check(org.huntindex.bench.e2e.Process.launcher(launcher, javaHome, List.of("list"), out, err, gc), err);
      double best = Double.MAX_VALUE;
      List<Double> all = new ArrayList<>();
      String summary = "";
      String loadBefore = load();
      for (int round = 0; round < rounds; round++) {
        Path index = work.resolve("index-" + round);
        var run = org.huntindex.bench.e2e.Process.launcher(launcher, javaHome,
            List.of("index", "--no-progress", "-i", index.toString(), big.toString()), out, err, gc);
        check(run, err);
        List<String> lines = Files.readAllLines(err);
        summary = lines.isEmpty() ? "" : lines.getLast();
        all.add(run.seconds());
        best = Math.min(best, run.seconds());
        deleteTree(index);
      }
      double peer = evtxexportSeconds(big, rounds);
      System.out.printf("%nend to end on %s (%.1f MiB): hunt index (JVM start included) best %.2f s of %s;"
          + " evtxexport -f xml best %.2f s; ratio %.1fx   load %s -> %s%n  hunt: %s%n", big.getFileName(),
          Files.size(big) / 1048576.0, best, all, peer, peer / best, loadBefore, load(), summary);
    } finally {
      deleteTree(work);
    }
  }

  private static void check(org.huntindex.bench.e2e.Process.Run run, Path err) throws IOException {
    if (run.exit() != 0) {
      throw new IOException("hunt exited with " + run.exit() + ": " + Files.readString(err));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
