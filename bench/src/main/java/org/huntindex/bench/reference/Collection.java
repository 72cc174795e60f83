package org.huntindex.bench.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a generated collection back, file by file, into the rows the reference models take: Sentinel rows from
 * {@code securityevent.jsonl[.gz]}, ECS events from {@code sysmon-ecs.ndjson[.gz]}. Independent of the indexer's readers.
 */
public final class Collection {
  public static final String SECURITY = "securityevent.jsonl";
  public static final String SYSMON = "sysmon-ecs.ndjson";

  private Collection() {}

  /** The file {@code name} or {@code name.gz} in {@code dir}; null when neither exists. */
  public static Path find(Path dir, String name) {
    Path plain = dir.resolve(name);
    if (Files.exists(plain)) {
      return plain;
    }
    Path gz = dir.resolve(name + ".gz");
    return Files.exists(gz) ? gz : null;
  }

  public static void securityRows(Path file, Consumer<SecurityRow> sink) throws IOException {
    String name = file.getFileName().toString();
    lines(file, (line, text) -> {
      Map<String, Object> r = Json.flat(text);
      Object id = r.get("EventID");
      sink.accept(new SecurityRow(name, line, id == null ? -1 : ((Number) id).intValue(), str(r, "Process"),
          str(r, "CommandLine"), str(r, "Computer"), str(r, "Account"), str(r, "TimeGenerated")));
    });
  }

  public static void ecsEvents(Path file, Consumer<EcsEvent> sink) throws IOException {
    String name = file.getFileName().toString();
    lines(file, (line, text) -> {
      Map<String, Object> r = Json.flat(text);
      String ts = str(r, "@timestamp");
      sink.accept(new EcsEvent(name, line, str(r, "event.id"), ts, java.time.Instant.parse(ts).toEpochMilli(),
          strs(r, "event.category"), strs(r, "event.type"), str(r, "host.os.type"), str(r, "process.name"),
          str(r, "process.entity_id"), str(r, "destination.ip"), str(r, "dns.question.name")));
    });
  }

  private interface Line {
    void accept(long line, String text);
  }

  private static void lines(Path file, Line sink) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      long n = 0;
      for (String text; (text = r.readLine()) != null; ) {
        n++;
        if (!text.isBlank()) {
          sink.accept(n, text);
        }
      }
    }
  }

  private static String str(Map<String, Object> r, String key) {
    Object v = r.get(key);
    return v == null ? null : v.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strs(Map<String, Object> r, String key) {
    Object v = r.get(key);
    return v == null ? List.of() : v instanceof List<?> l ? (List<String>) l : List.of(v.toString());
  }
}
