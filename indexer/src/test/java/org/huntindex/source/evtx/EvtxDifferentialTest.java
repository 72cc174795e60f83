package org.huntindex.source.evtx;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huntindex.source.RawRecord;
import org.huntindex.testing.SharedData;
import org.huntindex.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the Debian oracles: libevtx's {@code evtxexport -f xml} on every real {@code .evtx}, and
 * python-evtx's {@code evtx_dump.py} on files under {@value #PYTHON_MAX_BYTES} bytes only (it decodes ~300 records/s,
 * so larger files would make the run take minutes). Each tool runs once per file, its XML cached in a temp dir. On
 * every record an oracle decodes we must decode it too, with the same System fields and named EventData values
 * (after normalising hex padding, size_t in decimal, fraction digits, case of GUIDs and hex, CRLF, character
 * references, python-evtx's base64 binary), and output at least
 * as many live records as the better oracle. Every record libevtx's {@code -m recovered} exports from slack space we
 * have too, with the same System fields; not its EventData names, which libevtx takes from whatever template now sits
 * where the record's definition was (a WFP 5447's values under 4688 names, {@code CommandLine} '%%16388'), where we
 * borrow the template of the record's own id or keep the values unnamed.
 */
class EvtxDifferentialTest {
  private static final long PYTHON_MAX_BYTES = 2_000_000;
  private static final Pattern EVENT = Pattern.compile("<Event[ >].*?</Event>", Pattern.DOTALL);
  private static final Pattern RECORD_ID = Pattern.compile("<EventRecordID>(\\d+)</EventRecordID>");
  private static final Pattern EVENT_ID = Pattern.compile("<EventID[^>]*>(\\d+)</EventID>");
  private static final Pattern COMPUTER = Pattern.compile("<Computer>(.*?)</Computer>", Pattern.DOTALL);
  private static final Pattern CHANNEL = Pattern.compile("<Channel>(.*?)</Channel>", Pattern.DOTALL);
  private static final Pattern TIME = Pattern.compile("<TimeCreated SystemTime=\"([^\"]*)\"");
  private static final Pattern DATA = Pattern.compile("<Data Name=\"([^\"]*)\">(.*?)</Data>", Pattern.DOTALL);
  /** python-evtx converts FILETIME through a float and prints microseconds off by up to ~2 µs. */
  private static final long MAX_TIME_SKEW_NANOS = 3_000;
  private static final Pattern CHAR_REF = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
  private static final Pattern NUMBER = Pattern.compile("0x[0-9a-fA-F]+|\\d+");

  @TempDir static Path cache;

  @Test
  void agreesWithLibevtxAndPythonEvtxOnEveryRecordTheyDecode() throws Exception {
    List<Path> files = SharedData.allEvtx();
    boolean lib = Tools.onPath("evtxexport");
    boolean py = Tools.onPath("evtx_dump.py");
    assumeTrue(lib || py, "neither evtxexport (libevtx-utils) nor evtx_dump.py (python3-evtx) is installed: "
        + "apt-get install -y libevtx-utils python3-evtx");
    ExecutorService tools = Executors.newFixedThreadPool(2);
    Map<Path, Future<String>> libOut = new HashMap<>();
    Map<Path, Future<String>> pyOut = new HashMap<>();
    Map<Path, Future<String>> libRecovered = new HashMap<>();
    for (Path file : files) {
      if (lib) {
        libOut.put(file, tools.submit(() -> run(file, "lib", "evtxexport", "-f", "xml", file.toString())));
        libRecovered.put(file, tools.submit(() -> run(file, "librec", "evtxexport", "-m", "recovered", "-f", "xml",
            file.toString())));
      }
      if (py && Files.size(file) < PYTHON_MAX_BYTES) {
        pyOut.put(file, tools.submit(() -> run(file, "py", "evtx_dump.py", file.toString())));
      }
    }
    tools.shutdown();
    List<String> problems = new ArrayList<>();
    int compared = 0;
    int recoveredCompared = 0;
    for (Path file : files) {
      CollectingSink sink = new CollectingSink();
      new EvtxReader().read(file, sink);
      Map<Long, RawRecord> ours = new HashMap<>();
      sink.records.stream().filter(RawRecord::recovered).forEach(r -> ours.put(eventRecordId(r), r));
      sink.live().forEach(r -> ours.put(eventRecordId(r), r));
      int best = 0;
      for (Future<String> out : new Future[] {libOut.get(file), pyOut.get(file)}) {
        if (out == null) {
          continue;
        }
        List<String> events = events(out.get());
        best = Math.max(best, events.size());
        for (String xml : events) {
          compared++;
          compare(file, xml, ours, problems, true);
        }
      }
      if (sink.live().size() < best) {
        problems.add(file + ": " + sink.live().size() + " live records, an oracle decoded " + best);
      }
      // what libevtx recovers from slack we have too, live (we walk on past damage where it stops) or recovered; its
      // EventData names for them are not compared (see above)
      for (String xml : lib ? events(libRecovered.get(file).get()) : List.<String>of()) {
        recoveredCompared++;
        compare(file, xml, ours, problems, false);
      }
    }
    assertTrue(tools.awaitTermination(1, TimeUnit.SECONDS));
    assertTrue(compared > 1000, "compared only " + compared + " oracle records");
    assertTrue(!lib || recoveredCompared > 300, "compared only " + recoveredCompared + " records libevtx recovered");
    assertEquals(List.of(), problems.subList(0, Math.min(40, problems.size())),
        problems.size() + " differences");
  }

  /** Exported logs renumber record headers but keep the original EventRecordID, which the oracles print. */
  private static long eventRecordId(RawRecord r) {
    return r.get("System.EventRecordID") instanceof Long id ? id : r.position();
  }

  private static void compare(Path file, String xml, Map<Long, RawRecord> ours, List<String> problems,
      boolean eventData) {
    String id = group(RECORD_ID, xml);
    if (id == null) {
      return;
    }
    RawRecord r = ours.get(Long.parseLong(id));
    String where = file.getFileName() + " record " + id;
    if (r == null) {
      problems.add(where + ": oracle decoded it, we did not");
      return;
    }
    check(where, "System.EventID", r.get("System.EventID"), group(EVENT_ID, xml), problems);
    check(where, "System.Computer", r.get("System.Computer"), group(COMPUTER, xml), problems);
    check(where, "System.Channel", r.get("System.Channel"), group(CHANNEL, xml), problems);
    check(where, "System.EventRecordID", r.get("System.EventRecordID"), id, problems);
    check(where, "System.TimeCreated.SystemTime", r.get("System.TimeCreated.SystemTime"), group(TIME, xml), problems);
    Matcher data = DATA.matcher(xml);
    while (eventData && data.find()) {
      String key = "EventData." + unescape(data.group(1));
      Object value = r.get(key);
      if (!(value instanceof List)) {
        check(where, key, value, data.group(2), problems);
      }
    }
  }

  private static void check(String where, String key, Object ours, String theirs, List<String> problems) {
    if (theirs == null) {
      return;
    }
    String t = normalise(unescape(theirs));
    if (ours == null) {
      if (!t.isEmpty()) {
        problems.add(where + " " + key + ": missing, oracle has '" + t + "'");
      }
      return;
    }
    String o = normalise(ours.toString());
    if (o.equalsIgnoreCase(t)) {
      return;
    }
    if (NUMBER.matcher(o).matches() && NUMBER.matcher(t).matches() && number(o).equals(number(t))) {
      return;
    }
    if (o.matches("([0-9A-F]{2})+") && HexFormat.of().withUpperCase().formatHex(base64(t)).equals(o)) {
      return;
    }
    if (ours instanceof Instant instant) {
      Instant other = time(t);
      if (other != null && Math.abs(Duration.between(instant, other).toNanos()) <= MAX_TIME_SKEW_NANOS) {
        return;
      }
    }
    problems.add(where + " " + key + ": ours '" + o + "', oracle '" + t + "'");
  }

  /** python-evtx prints binary values as base64. */
  private static byte[] base64(String s) {
    try {
      return java.util.Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static String normalise(String s) {
    return s.replace("\r\n", "\n").strip();
  }

  private static BigInteger number(String s) {
    return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  /** libevtx prints {@code 2013-10-23T16:22:39.973500000Z}, python-evtx {@code 2013-10-23 16:22:39.973499}. */
  private static Instant time(String s) {
    try {
      String iso = s.replace(' ', 'T');
      return Instant.parse(iso.endsWith("Z") ? iso : iso + "Z");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String unescape(String s) {
    s = CHAR_REF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
        Character.toString(Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String group(Pattern p, String xml) {
    Matcher m = p.matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  private static List<String> events(String output) {
    List<String> events = new ArrayList<>();
    Matcher m = EVENT.matcher(output);
    while (m.find()) {
      events.add(m.group());
    }
    return events;
  }

  private static String run(Path file, String tool, String... command) throws Exception {
    Path out = cache.resolve(tool + "-" + Integer.toHexString(file.toString().hashCode()) + ".xml");
    if (!Files.exists(out)) {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

}
