package org.huntindex.bench.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huntindex.bench.reference.EqlHunt;
import org.huntindex.bench.reference.Expected;
import org.huntindex.bench.reference.IntendedHunt;
import org.huntindex.bench.reference.KqlHunt;

/**
 * Writes a synthetic collection and its expected hunt output: {@code OUT/sample/securityevent.jsonl[.gz]} (Sentinel),
 * {@code OUT/sample/sysmon-ecs.ndjson[.gz]} (ECS Sysmon), {@code OUT/expected/<hunt-id>.ndjson}, and
 * {@code OUT/generation.json} (parameters and counts). The same options and seed give the same bytes.
 *
 * <p>The two files are written in parallel, streamed; the reference models see each event as it is written.
 */
public final class Generator {
  /** What to generate. {@code events} is per file: the collection holds twice as many. */
  public record Options(long events, long seed, Path out, int hosts, int accounts, int days, Instant start,
      boolean gzip, boolean unicodeBoundaries) {

    /** Defaults scale with the size: ~2,000 hosts and ~5,000 accounts from a million events per file up. */
    public static Options defaults(long events, long seed, Path out) {
      int hosts = (int) Math.min(2000, Math.max(20, events / 100));
      int accounts = (int) Math.min(5000, Math.max(50, events / 40));
      return new Options(events, seed, out, hosts, accounts, events >= 100_000 ? 7 : 1,
          Instant.parse("2024-05-01T00:00:00Z"), false, false);
    }

    /** How many times the planted scenarios repeat: once per 200,000 events per file. */
    int rounds() {
      return (int) Math.max(1, events / 200_000);
    }
  }

  /** What was written. */
  public record Summary(long securityRows, long sysmonEvents, long[] byEventId, long[] bySysmonCode,
      Expected.Results expected, Path sample, long bytes) {}

  private Generator() {}

  public static Summary run(Options o) throws IOException {
    Path sample = o.out().resolve("sample");
    Files.createDirectories(sample);
    Population pop = Population.create(o.seed(), o.hosts(), o.accounts());
    long startTicks = o.start().getEpochSecond() * Clock.TICKS_PER_SECOND;
    long spanTicks = o.days() * 86_400L * Clock.TICKS_PER_SECOND;
    Plants plants = Plants.create(pop, o.seed(), startTicks, spanTicks, o.rounds(), o.unicodeBoundaries());
    String gz = o.gzip() ? ".gz" : "";
    String secName = Collection.SECURITY + gz;
    String sysName = Collection.SYSMON + gz;
    KqlHunt a = new KqlHunt();
    IntendedHunt intended = new IntendedHunt();
    EqlHunt b = new EqlHunt();
    SentinelStream sec = new SentinelStream(pop, o.seed(), secName, o.events(), startTicks, spanTicks,
        plants.sentinel, r -> {
          a.accept(r);
          intended.accept(r);
        });
    SysmonStream sys = new SysmonStream(pop, o.seed(), sysName, o.events(), startTicks / Clock.TICKS_PER_MS,
        spanTicks / Clock.TICKS_PER_MS, plants.sysmon, b::accept);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> rows = pool.submit(() -> sec.write(sample.resolve(secName)));
      Future<Long> events = pool.submit(() -> sys.write(sample.resolve(sysName)));
      long r = rows.get();
      long e = events.get();
      Expected.Results expected = new Expected.Results(a.result(), intended.result(), b.result());
      expected.write(o.out().resolve("expected"));
      long bytes = Files.size(sample.resolve(secName)) + Files.size(sample.resolve(sysName));
      Summary s = new Summary(r, e, sec.byEventId, sys.byCode, expected, sample, bytes);
      Files.writeString(o.out().resolve("generation.json"), describe(o, s), StandardCharsets.UTF_8);
      return s;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", ex);
    } catch (java.util.concurrent.ExecutionException ex) {
      if (ex.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(ex.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The parameters and counts, as JSON (no timings: the file is reproducible). */
  static String describe(Options o, Summary s) {
    long[] c = s.bySysmonCode();
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"command\": \"bench/run generate --events ").append(o.events()).append(" --seed ").append(o.seed())
        .append(" --hosts ").append(o.hosts()).append(" --accounts ").append(o.accounts()).append(" --days ")
        .append(o.days()).append(o.gzip() ? " --gzip" : "")
        .append(o.unicodeBoundaries() ? " --unicode-boundaries" : "").append(" --out DIR\",\n");
    b.append("  \"start\": \"").append(o.start()).append("\",\n");
    b.append("  \"rounds\": ").append(o.rounds()).append(",\n");
    String gz = o.gzip() ? ".gz" : "";
    b.append("  \"files\": {\"sample/").append(Collection.SECURITY).append(gz).append("\": ").append(s.securityRows())
        .append(", \"sample/").append(Collection.SYSMON).append(gz).append("\": ")
        .append(s.sysmonEvents()).append("},\n");
    long[] id = s.byEventId();
    b.append("  \"security_event_ids\": {\"4688\": ").append(id[0]).append(", \"4689\": ").append(id[1])
        .append(", \"4624\": ").append(id[2]).append(", \"4625\": ").append(id[3]).append(", \"5156\": ")
        .append(id[4]).append("},\n");
    b.append("  \"sysmon_event_codes\": {");
    String sep = "";
    for (int code : new int[] {1, 3, 22, 5, 7, 11, 13}) {
      b.append(sep).append('"').append(code).append("\": ").append(c[code]);
      sep = ", ";
    }
    b.append("},\n  \"expected\": {");
    sep = "";
    for (String h : Expected.HUNTS) {
      b.append(sep).append('"').append(h).append("\": ").append(s.expected().count(h));
      sep = ", ";
    }
    return b.append("}\n}\n").toString();
  }

  /** File names, shared with the reference reader. */
  static final class Collection {
    static final String SECURITY = org.huntindex.bench.reference.Collection.SECURITY;
    static final String SYSMON = org.huntindex.bench.reference.Collection.SYSMON;

    private Collection() {}
  }
}
