package org.huntindex.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a child JVM (directly or through the {@code hunt} launcher), times it from launch to exit, keeps its stdout, and reads its peak heap from a GC log. */
public final class Process {
  /**
   * What one child process did: wall time, exit code, stdout, the largest heap occupancy seen before a GC (how full
   * the heap got) and the most the process kept live: the largest occupancy after a full GC, which leaves only live
   * objects (after a young GC only, when no full GC ran: an upper bound); 0 when no GC ran.
   */
  public record Run(double seconds, int exit, String stdout, long peakHeapBytes, long peakLiveBytes) {}

  private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private Process() {}

  /** Runs {@code java [jvmArgs] -Xlog:gc:file=LOG args...}; stdout goes to {@code out}, stderr to {@code err}. */
  static Run java(Path javaHome, List<String> jvmArgs, List<String> args, Path out, Path err, Path gcLog)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaHome.resolve("bin/java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-Xlog:gc:file=" + gcLog);
    cmd.addAll(args);
    return run(new ProcessBuilder(cmd), out, err, gcLog);
  }

  /**
   * Runs the {@code hunt} launcher as a user does (its JDK and start-up cache), with {@code JAVA_HOME} set and the GC
   * logged to {@code gcLog} through {@code HUNT_JAVA_OPTS}.
   */
  public static Run launcher(Path hunt, Path javaHome, List<String> args, Path out, Path err, Path gcLog)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(hunt.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("JAVA_HOME", javaHome.toString());
    // Nothing else: the start-up cache is refused when module options (even --enable-native-access) differ.
    pb.environment().put("HUNT_JAVA_OPTS", "-Xlog:gc:file=" + gcLog);
    return run(pb, out, err, gcLog);
  }

  private static Run run(ProcessBuilder pb, Path out, Path err, Path gcLog) throws IOException, InterruptedException {
    Files.deleteIfExists(gcLog); // else the JVM rotates it to .0, .1, ...
    long t0 = System.nanoTime();
    java.lang.Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int exit = p.waitFor();
    double s = (System.nanoTime() - t0) / 1e9;
    return new Run(s, exit, Files.readString(out, StandardCharsets.UTF_8), peak(gcLog, 1, false), live(gcLog));
  }

  /** The most kept live: the largest occupancy after a full GC, or after any GC when none was full. */
  static long live(Path gcLog) throws IOException {
    long full = peak(gcLog, 3, true);
    return full > 0 ? full : peak(gcLog, 3, false);
  }

  /**
   * The largest value of {@code group} (1: before, 3: after) of {@code before->after(committed)} in a GC log, over
   * full GCs only or over every GC.
   */
  static long peak(Path gcLog, int group, boolean fullOnly) throws IOException {
    if (!Files.exists(gcLog)) {
      return 0;
    }
    long peak = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC.matcher(line);
      if (m.find() && (!fullOnly || line.contains("Pause Full"))) {
        peak = Math.max(peak, bytes(m.group(group), m.group(group + 1)));
      }
    }
    return peak;
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }
}
