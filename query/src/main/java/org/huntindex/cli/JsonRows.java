package org.huntindex.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.huntindex.render.JsonWriter;

/** Rows as JSON objects keyed by column: one array ({@code []} when empty), or one object per line (NDJSON). */
final class JsonRows implements RowWriter {
  private final List<String> columns;
  private final PrintStream out;
  private final boolean lines;
  private final JsonWriter json;

  JsonRows(List<String> columns, PrintStream out, boolean lines) {
    this.columns = columns;
    this.out = out;
    this.lines = lines;
    this.json = lines ? null : new JsonWriter(out, true);
    if (json != null) {
      json.startArray();
    }
  }

  @Override
  public void row(List<Object> values) {
    JsonWriter w = lines ? new JsonWriter(out, false) : json;
    w.startObject();
    for (int i = 0; i < columns.size(); i++) {
      if (values.get(i) != null) {
        w.name(columns.get(i));
        value(w, values.get(i));
      }
    }
    w.endObject();
    if (lines) {
      w.close();
      out.println();
    }
  }

  private static void value(JsonWriter w, Object v) {
    switch (v) {
      case Long n -> w.value(n);
      case Integer n -> w.value(n);
      case List<?> list -> {
        w.startArray();
        for (Object o : list) {
          value(w, o);
        }
        w.endArray();
      }
      case Map<?, ?> map -> {
        w.startObject();
        map.forEach((k, o) -> {
          w.name(k.toString());
          value(w, o);
        });
        w.endObject();
      }
      default -> w.value(v.toString());
    }
  }

  @Override
  public void close() {
    if (json != null) {
      json.endArray();
      json.close();
      out.println();
    }
    out.flush();
  }
}
