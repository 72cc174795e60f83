package org.huntindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huntindex.index.IndexStats;
import org.huntindex.render.JsonWriter;
import org.huntindex.source.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hunt stats}: what an index holds, as a table or one JSON object. */
@Command(name = "stats", description = "Show what is in an index: events by format, channel, event code; errors.")
final class StatsCommand implements Callable<Integer> {
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
          json.counts("by_channel_code", f.getValue().byChannelCode());
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
    table(out, "format", s.byFormat());
    table(out, "channel", s.byChannel());
    table(out, "channel/code", s.byChannelCode());
    return 0;
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
