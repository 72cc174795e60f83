package org.huntindex.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** JSON: one array of result objects ({@code []} when empty); or NDJSON: one compact object per line, nothing else. */
final class JsonRenderer implements Renderer {
  private final boolean lines;

  JsonRenderer(boolean lines) {
    this.lines = lines;
  }

  @Override
  public void render(List<Map<String, Object>> results, List<Column> columns, OutputStream out) throws IOException {
    if (lines) {
      for (Map<String, Object> r : results) {
        try (JsonWriter json = new JsonWriter(out, false)) {
          value(json, r);
        }
        out.write('\n');
      }
    } else if (results.isEmpty()) {
      out.write(("[]" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    } else {
      try (JsonWriter json = new JsonWriter(out, true)) {
        value(json, results);
      }
      out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
    }
    out.flush();
  }

  private static void value(JsonWriter json, Object v) {
    switch (v) {
      case null -> json.nullValue();
      case Map<?, ?> m -> {
        json.startObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          json.name(e.getKey().toString());
          value(json, e.getValue());
        }
        json.endObject();
      }
      case List<?> l -> {
        json.startArray();
        l.forEach(x -> value(json, x));
        json.endArray();
      }
      case Long n -> json.value(n);
      case Integer n -> json.value(n);
      default -> json.value(v.toString());
    }
  }
}
