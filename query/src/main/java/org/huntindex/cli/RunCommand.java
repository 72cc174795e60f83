package org.huntindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.huntindex.hunts.Hunt;
import org.huntindex.hunts.HuntRegistry;
import org.huntindex.hunts.Params;
import org.huntindex.index.IndexFormat;
import org.huntindex.plan.Condition;
import org.huntindex.render.Format;
import org.huntindex.schema.Field;
import org.huntindex.search.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hunt run}: runs one hunt against an index and prints its results; data on stdout, notes on stderr. */
@Command(name = "run", description = "Run a hunt (see: hunt list) against an index.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "HUNT", description = "hunt id")
  String hunt;

  @Option(names = {"-i", "--index"}, required = true, paramLabel = "IDX", description = "index directory")
  Path index;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, json, ndjson or csv (default: table)")
  Format format = Format.TABLE;

  @Option(names = "--limit", paramLabel = "N",
      description = "at most N results: the first N, or for a sequence hunt the N most recent (default: all)")
  Integer limit;

  @Option(names = "--count", description = "print only the number of results")
  boolean count;

  @Option(names = "--recovered", description = "also hunt the events recovered from EVTX slack space; their evidence "
      + "locations end in (recovered)")
  boolean recovered;

  @Option(names = "--from", paramLabel = "TIME", description = "hunt only events at or after TIME: ISO-8601 as search "
      + "takes it (2024-05-01 starts at that day's first instant), or last-24h counting back from the newest event")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "hunt only events up to TIME, its whole span included "
      + "(2024-05-01 ends with that day)")
  String to;

  @Option(names = "--process", paramLabel = "NAME[,NAME...]", description = "process names the hunt looks for")
  List<String> process;

  @Option(names = "--exclude-cidr", paramLabel = "CIDR[,CIDR...]", description = "address blocks left out")
  List<String> excludeCidr;

  @Option(names = "--dns-exclude", paramLabel = "NAME[,NAME...]", description = "DNS names left out")
  List<String> dnsExclude;

  @Option(names = "--exclude-prefix", paramLabel = "PREFIX[,PREFIX...]",
      description = "KQL has_any_ipv4_prefix exclusion ranges")
  List<String> excludePrefix;

  @Option(names = "--regex", paramLabel = "REGEX", description = "regex whose group 1 is the address")
  String regex;

  @Option(names = "--cap", paramLabel = "N", description = "cap of the Hosts/Accounts sets")
  String cap;

  @Override
  public Integer call() throws Exception {
    Hunt h = HuntRegistry.byId(hunt);
    Map<String, List<String>> given = new LinkedHashMap<>();
    put(given, "process", process);
    put(given, "exclude-cidr", excludeCidr);
    put(given, "dns-exclude", dnsExclude);
    put(given, "exclude-prefix", excludePrefix);
    put(given, "regex", regex == null ? null : List.of(regex));
    put(given, "cap", cap == null ? null : List.of(cap));
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
    }
    Path idx = Checks.existingIndex(index);
    Params params = new Params(h, given, recovered, window(idx));
    var results = HuntRunner.run(idx, h, params, limit, System.err);
    PrintStream out = System.out;
    if (count) {
      out.println(results.size());
    } else {
      format.renderer(Terminal.width()).render(results, h.columns(), out);
    }
    out.flush();
    return 0;
  }

  /** The events from {@code --from} to {@code --to}, by {@code @timestamp}; null when neither is given. */
  private Condition window(Path idx) throws IOException {
    if (from == null && to == null) {
      return null;
    }
    Long newest;
    try (DirectoryReader reader = IndexFormat.open(idx)) {
      newest = TimeSpan.newest(reader);
    }
    long first = from == null ? Long.MIN_VALUE : time("--from", from, newest).start();
    long last = to == null ? Long.MAX_VALUE : time("--to", to, newest).end() - 1;
    if (first > last) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
    return Condition.inRange(Field.TIMESTAMP, first, last);
  }

  private static TimeSpan time(String option, String text, Long newest) {
    try {
      return TimeSpan.parse(text, newest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }

  private static void put(Map<String, List<String>> given, String name, List<String> values) {
    if (values != null) {
      given.put(name, values);
    }
  }
}
