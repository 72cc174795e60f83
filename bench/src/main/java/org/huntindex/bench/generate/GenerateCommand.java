package org.huntindex.bench.generate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.huntindex.bench.reference.Expected;

/** {@code bench/run generate}: the generator's command line. */
public final class GenerateCommand {
  static final String USAGE = """
      usage: bench/run generate --out DIR [--events N] [--seed S] [--hosts H] [--accounts A] [--days D]
                                [--start ISO-INSTANT] [--gzip] [--unicode-boundaries]
        --events N   events per file (default 10000): N Sentinel rows and N Sysmon events
        --seed S     random seed (default 42); the same options and seed give the same bytes
        --hosts H    hosts (default N/100, 20..2000); --accounts A (default N/40, 50..5000)
        --days D     time span (default 7 from 100000 events, else 1), from --start (default 2024-05-01T00:00:00Z)
        --gzip                 gzip both files (.gz; the gzip header has no time, so the bytes are reproducible)
        --unicode-boundaries   also plant HUNTS.md K37 (é before a quad: RE2 and current Kusto disagree)
      writes DIR/sample/{securityevent.jsonl,sysmon-ecs.ndjson}[.gz], DIR/expected/<hunt-id>.ndjson, DIR/generation.json
      """;

  private GenerateCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  public static int run(String... args) throws Exception {
    Generator.Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("generate: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    long t0 = System.nanoTime();
    Generator.Summary s = Generator.run(o);
    double sec = (System.nanoTime() - t0) / 1e9;
    long total = s.securityRows() + s.sysmonEvents();
    System.err.printf(Locale.ROOT, "generate: %,d events (%,d Sentinel rows, %,d Sysmon events), %,.1f MB in %.1f s"
        + " (%,.0f events/s) into %s%n", total, s.securityRows(), s.sysmonEvents(), s.bytes() / 1e6, sec,
        total / sec, s.sample());
    for (String h : Expected.HUNTS) {
      System.err.printf(Locale.ROOT, "generate: expected %-45s %,d%n", h, s.expected().count(h));
    }
    return 0;
  }

  static Generator.Options parse(String... args) {
    Long events = null;
    long seed = 42;
    Path out = null;
    Integer hosts = null;
    Integer accounts = null;
    Integer days = null;
    Instant start = null;
    boolean gzip = false;
    boolean unicode = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--events" -> events = parseCount(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--hosts" -> hosts = Integer.parseInt(value(args, ++i, a));
        case "--accounts" -> accounts = Integer.parseInt(value(args, ++i, a));
        case "--days" -> days = Integer.parseInt(value(args, ++i, a));
        case "--start" -> start = Instant.parse(value(args, ++i, a));
        case "--gzip" -> gzip = true;
        case "--unicode-boundaries" -> unicode = true;
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    Generator.Options d = Generator.Options.defaults(events == null ? 10_000 : events, seed, out);
    Generator.Options o = new Generator.Options(d.events(), seed, out, hosts == null ? d.hosts() : hosts,
        accounts == null ? d.accounts() : accounts, days == null ? d.days() : days, start == null ? d.start() : start,
        gzip, unicode);
    if (o.events() < 1 || o.hosts() < 1 || o.accounts() < 1 || o.days() < 1) {
      throw new IllegalArgumentException("--events, --hosts, --accounts and --days must be at least 1");
    }
    return o;
  }

  /** A count, with an optional k/M suffix ({@code 20000}, {@code 1M}, {@code 500k}). */
  static long parseCount(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replace("_", "");
    long mult = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
    return Long.parseLong(mult == 1 ? t : t.substring(0, t.length() - 1)) * mult;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
