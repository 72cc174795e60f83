package org.huntindex.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** External programs tests compare against (Debian's {@code libevtx-utils}, {@code python3-evtx}). */
public final class Tools {
  private static final Pattern EVENT = Pattern.compile("<Event .*?</Event>", Pattern.DOTALL);

  private Tools() {}

  /** Whether an executable of that name is on the {@code PATH}. */
  public static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** What {@code evtxexport -f xml} printed for a file, and its exit status. */
  public record XmlExport(String printed, int exit) {
    /** Each {@code <Event>} element printed, in order. */
    public List<String> events() {
      return EVENT.matcher(printed).results().map(MatchResult::group).toList();
    }

    /** The events one after another, as {@code wevtutil qe /f:xml} writes them: the output less its banner. */
    public String xml() {
      int first = printed.indexOf("<Event");
      return first < 0 ? "" : printed.substring(first);
    }
  }

  /** Runs {@code evtxexport -f xml} on a file; the calling test is skipped where it is not installed. */
  public static XmlExport evtxexportXml(Path file) throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath("evtxexport"),
        "evtxexport is not installed (apt-get install -y libevtx-utils); .ci/run requires it");
    Process export = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String printed = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new XmlExport(printed, export.waitFor());
  }
}
