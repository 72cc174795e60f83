package org.huntindex.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.huntindex.bench.generate.Generator;
import org.huntindex.bench.reference.Collection;
import org.huntindex.bench.reference.Expected;
import org.huntindex.exec.PlanExecutor;
import org.huntindex.hunts.Hunt;
import org.huntindex.hunts.HuntRegistry;
import org.huntindex.hunts.Params;
import org.huntindex.index.IndexFormat;

/**
 * {@code bench/run e2e}: the end-to-end benchmark, one command. Generates a collection (N events per file), indexes it
 * with {@code hunt index} in a child JVM capped at {@code -Xmx1g}, runs every hunt cold ({@code ./hunt run} through
 * the launcher as a user does: a new JVM with the launcher's start-up cache each time) and warm (in this JVM, index
 * open, median of 5), loads the same files into DuckDB and runs each hunt's SQL warm (in this JVM, median of 5) and
 * cold (a new JVM running one JDBC query), and checks that the reference models, the hunt engine and DuckDB return the
 * same rows. Writes {@code results.md} into the work directory and prints it.
 */
public final class EndToEnd {
  static final String USAGE = """
      usage: bench/run e2e [--events N] [--large] [--smoke] [--seed S] [--work DIR] [--reuse] [--cold N] [--warm N]
                           [--no-duckdb]
        --events N   events per file (default 1M; the index holds 2N); --large = 10M
        --smoke      one iteration of everything, no warm-up (CI); fails when the engines disagree
        --work DIR   where the collection, index and DuckDB file go (default bench/target/e2e/N-seed)
        --reuse      keep a collection already there with the same generation command; its expected output is
                     recomputed from the files by the current reference models
      """;

  private final Path root;
  private final long events;
  private final long seed;
  private final boolean smoke;
  private final boolean duckdb;
  private final boolean reuse;
  private final Path work;
  private final int coldRuns;
  private final int warmRuns;
  /** Runs before the timed ones, so the JIT has compiled each hunt's hot loops (after 3, medians were 1.5–2x higher). */
  private static final int WARM_UPS = 30;
  private final Path javaHome = Path.of(System.getProperty("java.home"));
  private final Map<String, HuntFigures> figures = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  /** Everything measured for one hunt. */
  static final class HuntFigures {
    int rows = -1;
    double warmMs = Double.NaN;
    double coldS = Double.NaN;
    long coldPeakHeap;
    int duckRows = -1;
    double duckWarmMs = Double.NaN;
    double duckColdS = Double.NaN;
    String match = "not compared";
  }

  private EndToEnd(Path root, long events, long seed, boolean smoke, boolean duckdb, boolean reuse, Path work,
      int cold, int warm) {
    this.root = root;
    this.events = events;
    this.seed = seed;
    this.smoke = smoke;
    this.duckdb = duckdb;
    this.reuse = reuse;
    this.work = work;
    this.coldRuns = cold;
    this.warmRuns = warm;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(".");
    long events = 1_000_000;
    long seed = 42;
    boolean smoke = false;
    boolean duck = true;
    boolean reuse = false;
    Path work = null;
    Integer cold = null;
    Integer warm = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--events" -> events = parseCount(args[++i]);
        case "--large" -> events = 10_000_000;
        case "--smoke" -> smoke = true;
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--cold" -> cold = Integer.parseInt(args[++i]);
        case "--warm" -> warm = Integer.parseInt(args[++i]);
        case "--no-duckdb" -> duck = false;
        case "--reuse" -> reuse = true;
        default -> {
          System.err.print("e2e: unknown option " + args[i] + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    root = root.toAbsolutePath().normalize();
    if (work == null) {
      work = root.resolve("bench/target/e2e/" + events + "-" + seed + (smoke ? "-smoke" : ""));
    }
    EndToEnd e = new EndToEnd(root, events, seed, smoke, duck, reuse, work.toAbsolutePath(),
        cold != null ? cold : smoke ? 1 : 3, warm != null ? warm : smoke ? 1 : 5);
    System.exit(e.run());
  }

  static long parseCount(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "");
    long mult = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
    return Long.parseLong(mult == 1 ? t : t.substring(0, t.length() - 1)) * mult;
  }

  private int run() throws Exception {
    Files.createDirectories(work);
    Path app = root.resolve("query/target/hunt.jar");
    if (!Files.exists(app)) {
      throw new IllegalStateException("no " + app + ": build it (mvn -pl query -am package, or ./hunt once)");
    }
    StringBuilder report = new StringBuilder();
    report.append(machine()).append('\n');

    // 1. generate
    Generator.Options o = Generator.Options.defaults(events, seed, work.resolve("collection"));
    Path sample = o.out().resolve("sample");
    double genS = Double.NaN;
    if (reuse && reusable(o)) {
      Expected.compute(sample).write(o.out().resolve("expected"));
      notes.add("collection reused from an earlier run with the same generation command; expected output recomputed");
    } else {
      deleteTree(o.out());
      long t0 = System.nanoTime();
      Generator.run(o);
      genS = (System.nanoTime() - t0) / 1e9;
    }
    Path security = sample.resolve(Collection.SECURITY);
    Path sysmon = sample.resolve(Collection.SYSMON);
    long inputBytes = Files.size(security) + Files.size(sysmon);
    long total = 2 * events;
    log("generated %,d events, %,.1f MB%s", total, inputBytes / 1e6,
        Double.isNaN(genS) ? " (reused)" : String.format(Locale.ROOT, " in %.1f s", genS));

    // 2. index, in a child JVM with a 1 GiB heap
    Path index = work.resolve("index");
    deleteTree(index);
    Process.Run ix = Process.java(javaHome, List.of("-Xmx1g", "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED"),
        List.of("-jar", app.toString(), "index", "-i", index.toString(), "--no-progress", sample.toString()),
        work.resolve("index.out"), work.resolve("index.err"), work.resolve("gc-index.log"));
    if (ix.exit() != 0) {
      throw new IllegalStateException("hunt index failed (" + ix.exit() + "): see " + work.resolve("index.err"));
    }
    long indexBytes = treeSize(index);
    log("indexed in %.1f s: %,.0f events/s, index %,.1f MB", ix.seconds(), total / ix.seconds(), indexBytes / 1e6);

    // 3. hunts: cold processes through the launcher (its start-up cache made first, untimed), then warm in-process
    Path launcher = root.resolve("hunt");
    Process.Run prepared = Process.launcher(launcher, javaHome, List.of("list"), work.resolve("list.out"),
        work.resolve("list.err"), work.resolve("gc-list.log"));
    if (prepared.exit() != 0) {
      throw new IllegalStateException("hunt list failed: see " + work.resolve("list.err"));
    }
    Map<String, List<String>> engineRows = new LinkedHashMap<>();
    for (String hunt : Expected.HUNTS) {
      HuntFigures f = figures.computeIfAbsent(hunt, h -> new HuntFigures());
      double[] cold = new double[coldRuns];
      for (int i = 0; i < coldRuns; i++) {
        Process.Run r = Process.launcher(launcher, javaHome,
            List.of("run", hunt, "-i", index.toString(), "--format", "ndjson"),
            work.resolve(hunt + ".ndjson"), work.resolve(hunt + ".err"), work.resolve("gc-" + hunt + ".log"));
        if (r.exit() != 0) {
          throw new IllegalStateException("hunt run " + hunt + " failed: see " + work.resolve(hunt + ".err"));
        }
        cold[i] = r.seconds();
        f.coldPeakHeap = Math.max(f.coldPeakHeap, r.peakHeapBytes());
        engineRows.put(hunt, Rows.engine(r.stdout(), hunt));
      }
      f.coldS = median(cold);
      f.rows = engineRows.get(hunt).size();
    }
    warmEngine(index);

    // 4. DuckDB: load, warm queries in this JVM, cold queries in child JVMs
    Map<String, List<String>> duckRows = new LinkedHashMap<>();
    double loadS = Double.NaN;
    long duckBytes = 0;
    if (duckdb) {
      Path db = work.resolve("duck.db");
      Files.deleteIfExists(db);
      Files.deleteIfExists(work.resolve("duck.db.wal"));
      try (DuckDb d = DuckDb.open(db, false)) {
        long t0 = System.nanoTime();
        d.load(security, sysmon);
        loadS = (System.nanoTime() - t0) / 1e9;
        log("DuckDB loaded %,d + %,d rows in %.1f s", d.count("security"), d.count("sysmon"), loadS);
        for (String hunt : Expected.HUNTS) {
          HuntFigures f = figures.get(hunt);
          for (int i = 0; i < (smoke ? 0 : 1); i++) {
            d.hunt(hunt);
          }
          double[] warm = new double[warmRuns];
          for (int i = 0; i < warmRuns; i++) {
            long t1 = System.nanoTime();
            duckRows.put(hunt, d.hunt(hunt));
            warm[i] = (System.nanoTime() - t1) / 1e6;
          }
          f.duckWarmMs = median(warm);
          f.duckRows = duckRows.get(hunt).size();
        }
      }
      duckBytes = Files.size(db);
      String jar = Path.of(EndToEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      for (String hunt : Expected.HUNTS) {
        HuntFigures f = figures.get(hunt);
        double[] cold = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
          Process.Run r = Process.java(javaHome, List.of("-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED"),
              List.of("-cp", jar, DuckQuery.class.getName(), db.toString(), hunt), work.resolve(hunt + ".duck"),
              work.resolve(hunt + ".duck.err"), work.resolve("gc-duck-" + hunt + ".log"));
          if (r.exit() != 0) {
            throw new IllegalStateException("DuckDB query " + hunt + " failed: see " + work.resolve(hunt + ".duck.err"));
          }
          cold[i] = r.seconds();
          if (!Arrays.asList(r.stdout().split("\n")).stream().filter(l -> !l.isEmpty()).toList()
              .equals(duckRows.get(hunt))) {
            notes.add("DuckDB's cold process returned other rows than its warm query for " + hunt);
          }
        }
        f.duckColdS = median(cold);
      }
    }

    // 5. compare: reference models, hunt engine, DuckDB
    boolean same = true;
    for (String hunt : Expected.HUNTS) {
      List<String> ref = Rows.engine(Files.readString(o.out().resolve("expected/" + hunt + ".ndjson")), hunt);
      List<String> eng = engineRows.get(hunt);
      List<String> dk = duckRows.get(hunt);
      String m = (ref.equals(eng) ? "engine = reference" : "ENGINE DIFFERS from reference")
          + (dk == null ? "" : sorted(dk).equals(sorted(ref)) ? ", DuckDB = reference" : ", DUCKDB DIFFERS");
      boolean ok = ref.equals(eng) && (dk == null || sorted(dk).equals(sorted(ref)));
      if (!ok) {
        same = false;
        writeDiff(hunt, ref, eng, dk);
      }
      figures.get(hunt).match = m + " (" + ref.size() + " rows)";
    }

    report.append(table(total, inputBytes, genS, ix, indexBytes, loadS, duckBytes));
    Files.writeString(work.resolve("results.md"), report, StandardCharsets.UTF_8);
    System.out.print(report);
    if (!same) {
      System.err.println("e2e: the engines disagree; diffs in " + work);
    }
    return same ? 0 : 1;
  }

  /** Every hunt in this JVM over one open index: {@link #WARM_UPS} warm-up runs, then the median of {@code warmRuns}. */
  private void warmEngine(Path index) throws IOException {
    PrintStream err = System.err;
    try (DirectoryReader reader = IndexFormat.open(index)) {
      PlanExecutor exec = new PlanExecutor(new IndexSearcher(reader));
      for (String id : Expected.HUNTS) {
        Hunt h = HuntRegistry.byId(id);
        var plan = h.plan(Params.defaults(h));
        for (int i = 0; i < (smoke ? 0 : WARM_UPS); i++) {
          exec.run(plan);
        }
        double[] warm = new double[warmRuns];
        int rows = 0;
        for (int i = 0; i < warmRuns; i++) {
          long t0 = System.nanoTime();
          rows = exec.run(plan).size();
          warm[i] = (System.nanoTime() - t0) / 1e6;
        }
        HuntFigures f = figures.get(id);
        f.warmMs = median(warm);
        if (rows != f.rows) {
          notes.add(id + ": in-process run returned " + rows + " rows, the hunt run process " + f.rows);
        }
      }
    } finally {
      System.setErr(err);
    }
  }

  private boolean reusable(Generator.Options o) throws IOException {
    Path g = o.out().resolve("generation.json");
    if (!Files.exists(g)) {
      return false;
    }
    String command = "bench/run generate --events " + o.events() + " --seed " + o.seed() + " --hosts " + o.hosts()
        + " --accounts " + o.accounts() + " --days " + o.days() + " --out DIR";
    return Files.readString(g).contains("\"command\": \"" + command + "\"")
        && Files.exists(o.out().resolve("sample").resolve(Collection.SYSMON));
  }

  private String table(long total, long inputBytes, double genS, Process.Run ix, long indexBytes, double loadS,
      long duckBytes) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "### %,d events per file, %,d in the index (seed %d)%s%n%n", events, total,
        seed, smoke ? ", smoke: one iteration, no warm-up" : ""));
    b.append("| figure | value | baseline | ratio |\n|---|---|---|---|\n");
    if (!Double.isNaN(genS)) {
      b.append(row("generate", String.format(Locale.ROOT, "%.1f s, %,.0f events/s", genS, total / genS), "", ""));
    }
    b.append(row("input (2 JSON files)", mb(inputBytes), "", ""));
    b.append(row("ingest `hunt index` (-Xmx1g, whole process)", String.format(Locale.ROOT,
        "%.1f s, %,.0f events/s, %.1f MB/s", ix.seconds(), total / ix.seconds(), inputBytes / 1e6 / ix.seconds()),
        Double.isNaN(loadS) ? "" : String.format(Locale.ROOT, "DuckDB load %.1f s, %,.0f rows/s", loadS,
            total / loadS), Double.isNaN(loadS) ? "" : "DuckDB / engine " + ratio(loadS / ix.seconds())));
    b.append(row("ingest heap (GC log): fullest before a GC / most kept live (after a full GC)",
        ix.peakHeapBytes() == 0 ? "no GC" : mb(ix.peakHeapBytes()) + " / " + mb(ix.peakLiveBytes()),
        "-Xmx1g", ""));
    b.append(row("index size", String.format(Locale.ROOT, "%s, %.0f bytes/event, %.2fx input", mb(indexBytes),
        (double) indexBytes / total, (double) indexBytes / inputBytes), duckBytes == 0 ? "" : "DuckDB file "
        + mb(duckBytes), duckBytes == 0 ? "" : String.format(Locale.ROOT, "index / DuckDB file %.2fx",
        (double) indexBytes / duckBytes)));
    b.append("\nTime ratios are DuckDB's time divided by the engine's: above 1, the engine is faster.\n");
    b.append("\n| hunt | rows | warm in-process (median) | DuckDB warm | DuckDB / engine | cold `hunt run` process "
        + "| DuckDB JDBC process | DuckDB / engine | hunt peak heap | rows match |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (var e : figures.entrySet()) {
      HuntFigures f = e.getValue();
      b.append(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %s | %.2f s | %.2f s | %s | %s | %s |%n",
          e.getKey(), f.rows, f.warmMs, f.duckWarmMs, ratio(f.duckWarmMs / f.warmMs), f.coldS, f.duckColdS,
          ratio(f.duckColdS / f.coldS), f.coldPeakHeap == 0 ? "no GC" : mb(f.coldPeakHeap), f.match));
    }
    b.append("\nLoad average at the end: ").append(loadAverage()).append('\n');
    for (String n : notes) {
      b.append("\nNote: ").append(n).append('\n');
    }
    return b.toString();
  }

  private static String row(String a, String b, String c, String d) {
    return "| " + a + " | " + b + " | " + c + " | " + d + " |\n";
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.1fx", r);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
  }

  static String machine() {
    String cpu = "?";
    String ram = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
      ram = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
          .findFirst().orElse("?");
    } catch (IOException | RuntimeException e) {
      // not Linux: leave the question marks
    }
    return String.format(Locale.ROOT, "Machine: %d CPUs (%s), %s RAM; JDK %s %s (%s); load average %s%n",
        Runtime.getRuntime().availableProcessors(), cpu, ram, System.getProperty("java.vendor"),
        System.getProperty("java.vm.version"), System.getProperty("java.home"), loadAverage());
  }

  /** The 1/5/15-minute load averages: on a shared machine, what else was running. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private void writeDiff(String hunt, List<String> ref, List<String> eng, List<String> dk) throws IOException {
    Files.write(work.resolve(hunt + ".reference.rows"), ref);
    if (eng != null) {
      Files.write(work.resolve(hunt + ".engine.rows"), eng);
    }
    if (dk != null) {
      Files.write(work.resolve(hunt + ".duckdb.rows"), sorted(dk));
      Files.write(work.resolve(hunt + ".reference.sorted.rows"), sorted(ref));
    }
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static long treeSize(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "e2e: " + format + "%n", args);
  }
}
