package org.huntindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huntindex.index.IndexStats;
import org.huntindex.normalize.Ticks;
import org.huntindex.render.JsonWriter;
import org.huntindex.source.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hunt stats}: what an index holds, as a table or one JSON object. */
@Command(name = "stats", description = "Show what is in an index: events by format, channel, event code and host "
    + "(with its first and last event); errors.")
final class StatsCommand implements Callable<Integer> {
  /** Error lines a table shows; JSON lists every one the manifest keeps. */
  static final int ERRORS_SHOWN = 100;
  /** Computers a table shows, those with the most events first; JSON lists every one. */
  static final int HOSTS_SHOWN = 50;

  @Option(names = {"-i", "--index"}, required = true, paramLabel = "IDX", description = "index directory")
  Path index;

  @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE})")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    IndexStats s = IndexStats.of(Checks.existingIndex(index));
    PrintStream out = System.out;
    if (format.equalsIgnoreCase("json")) {
      try (JsonWriter json = new JsonWriter(out, true)) {
        json.startObject();
        json.field("events", s.events());
        json.field("recovered", s.recovered());
        json.field("files", s.files());
        json.field("errors", s.errors());
        time(json, "first_event", s.firstEvent());
        time(json, "last_event", s.lastEvent());
        json.name("error_messages");
        json.startArray();
        for (String message : s.errorMessages()) {
          json.value(message);
        }
        json.endArray();
        json.counts("by_format", s.byFormat());
        json.counts("by_channel", s.byChannel());
        json.counts("by_event_code", s.byEventCode());
        json.counts("by_channel_code", s.byChannelCode());
        json.name("by_file");
        json.startObject();
        for (Map.Entry<String, IndexStats.FileCounts> f : s.byFile().entrySet()) {
          json.name(f.getKey());
          json.startObject();
          json.field("events", f.getValue().events());
          time(json, "first_event", f.getValue().firstEvent());
          time(json, "last_event", f.getValue().lastEvent());
          json.counts("by_channel_code", f.getValue().byChannelCode());
          json.endObject();
        }
        json.endObject();
        json.name("by_host");
        json.startObject();
        for (Map.Entry<String, IndexStats.HostCounts> h : s.byHost().entrySet()) {
          json.name(h.getKey());
          json.startObject();
          json.field("events", h.getValue().events());
          time(json, "first_event", h.getValue().firstEvent());
          time(json, "last_event", h.getValue().lastEvent());
          json.endObject();
        }
        json.endObject();
        json.endObject();
      }
      out.println();
      return 0;
    }
    out.printf("events     %,d%nrecovered  %,d%nfiles      %,d%nerrors     %,d%n", s.events(), s.recovered(), s.files(),
        s.errors());
    if (s.firstEvent() != null) {
      out.printf("first      %s%nlast       %s%n", Ticks.format7(s.firstEvent()), Ticks.format7(s.lastEvent()));
    }
    table(out, "format", s.byFormat());
    table(out, "channel", s.byChannel());
    table(out, "channel/code", s.byChannelCode());
    hosts(out, s.byHost());
    errors(out, s);
    return 0;
  }

  private static void time(JsonWriter json, String name, Long ticks) {
    if (ticks == null) {
      json.name(name);
      json.nullValue();
    } else {
      json.field(name, Ticks.format7(ticks));
    }
  }

  private static void errors(PrintStream out, IndexStats s) {
    if (s.errorMessages().isEmpty()) {
      return;
    }
    out.println();
    out.println("errors (file and position)");
    s.errorMessages().stream().limit(ERRORS_SHOWN).forEach(m -> out.println(Printable.of(m)));
    long more = s.errors() - Math.min(ERRORS_SHOWN, s.errorMessages().size());
    if (more > 0) {
      out.printf("... %,d more (--format json lists the %,d the manifest keeps)%n", more, s.errorMessages().size());
    }
  }

  /** Each computer's events and the times of its first and last, most events first. */
  private static void hosts(PrintStream out, Map<String, IndexStats.HostCounts> hosts) {
    if (hosts.isEmpty()) {
      return;
    }
    out.println();
    int width = Math.max("host".length(), hosts.keySet().stream().mapToInt(k -> Printable.of(k).length()).max()
        .orElse(0));
    out.printf("%-" + width + "s  %12s  %-28s  %s%n", "host", "events", "first", "last");
    hosts.entrySet().stream()
        .sorted(Map.Entry.<String, IndexStats.HostCounts>comparingByValue(
            java.util.Comparator.comparingLong(IndexStats.HostCounts::events)).reversed())
        .limit(HOSTS_SHOWN)
        .forEach(e -> out.printf("%-" + width + "s  %,12d  %-28s  %s%n", Printable.of(e.getKey()),
            e.getValue().events(), timeOrDash(e.getValue().firstEvent()), timeOrDash(e.getValue().lastEvent())));
    if (hosts.size() > HOSTS_SHOWN) {
      out.printf("... %,d more hosts (--format json lists all %,d)%n", hosts.size() - HOSTS_SHOWN, hosts.size());
    }
  }

  private static String timeOrDash(Long ticks) {
    return ticks == null ? "-" : Ticks.format7(ticks);
  }

  private static void table(PrintStream out, String title, Map<String, Long> counts) {
    out.println();
    int width = Math.max(title.length(),
        counts.keySet().stream().mapToInt(k -> Printable.of(k).length()).max().orElse(0));
    out.printf("%-" + width + "s  %12s%n", title, "events");
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.printf("%-" + width + "s  %,12d%n", Printable.of(e.getKey()), e.getValue()));
  }
}
