package org.huntindex.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huntindex.extract.CommandLineCorpus;
import org.huntindex.extract.IpHit;
import org.huntindex.extract.IpScanner;
import org.huntindex.extract.KqlIpv4Extractor;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hunt A's text extraction over generated command lines: the {@code java.util.regex} reference against the
 * hand-written KQL scanner and the intended-extraction {@link IpScanner}, with two floors that read no address: finding
 * every dot and colon, and one pass over every character. One operation is one command line; the {@code bytes} counter
 * gives UTF-8 bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class KqlExtractBenchmark {

  static final int LINES = 20_000;
  private static final Pattern REGEX = Pattern.compile(KqlIpv4Extractor.REGEX, Pattern.UNICODE_CHARACTER_CLASS);

  /** {@code realistic}: command lines as logged; {@code mixed}: one in three adversarial. */
  @Param({"realistic"})
  public String corpus;

  private String[] lines;
  private long bytes;

  /** UTF-8 bytes processed, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setUp() {
    List<String> list = corpus.equals("mixed")
        ? CommandLineCorpus.lines(1, LINES) : CommandLineCorpus.realisticLines(1, LINES);
    lines = list.toArray(String[]::new);
    for (String l : lines) {
      bytes += l.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf("%n%s corpus: %d lines, %.1f UTF-8 bytes/line%n", corpus, LINES, (double) bytes / LINES);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void regexReference(Blackhole bh, Bytes counter) {
    for (String l : lines) {
      Matcher m = REGEX.matcher(l);
      bh.consume(m.find() ? m.group(1) : "");
    }
    counter.bytes += bytes;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void kqlScanner(Blackhole bh, Bytes counter) {
    for (String l : lines) {
      bh.consume(KqlIpv4Extractor.extract(l));
    }
    counter.bytes += bytes;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void ipScanner(Blackhole bh, Bytes counter) {
    for (String l : lines) {
      List<IpHit> hits = IpScanner.scan(l);
      bh.consume(hits);
    }
    counter.bytes += bytes;
  }

  /** The floor of a scanner that reads the text at its dots and colons: each found with {@code String.indexOf}. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void anchorsOnly(Blackhole bh, Bytes counter) {
    for (String l : lines) {
      int found = 0;
      for (int i = l.indexOf('.'); i >= 0; i = l.indexOf('.', i + 1)) {
        found++;
      }
      for (int i = l.indexOf(':'); i >= 0; i = l.indexOf(':', i + 1)) {
        found++;
      }
      bh.consume(found);
    }
    counter.bytes += bytes;
  }

  /** The floor of a scanner that reads every character once: a pass counting the dots and colons. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void onePassOnly(Blackhole bh, Bytes counter) {
    for (String l : lines) {
      int found = 0;
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        found += c == '.' || c == ':' ? 1 : 0;
      }
      bh.consume(found);
    }
    counter.bytes += bytes;
  }
}
