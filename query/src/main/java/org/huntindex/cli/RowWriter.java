package org.huntindex.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's result rows go, in the format the analyst chose. A value is a String, a Long, a list of those
 * (a multi-valued field), a map of names to such lists, or null.
 */
// TODO(merge): point at org.huntindex.render once the hunts branch lands it.
interface RowWriter extends AutoCloseable {
  void row(List<Object> values);

  @Override
  void close();

  /** The formats every result command accepts. */
  enum Format { TABLE, JSON, NDJSON, CSV }

  static RowWriter of(Format format, List<String> columns, PrintStream out) {
    return switch (format) {
      case TABLE -> new TableRows(columns, out);
      case JSON -> new JsonRows(columns, out, false);
      case NDJSON -> new JsonRows(columns, out, true);
      case CSV -> new CsvRows(columns, out);
    };
  }

  /** A value as one line of text: lists joined by {@code ", "}. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      StringBuilder b = new StringBuilder();
      for (Object o : list) {
        b.append(b.isEmpty() ? "" : ", ").append(text(o));
      }
      return b.toString();
    }
    if (value instanceof java.util.Map<?, ?> map) {
      StringBuilder b = new StringBuilder();
      map.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(text(v)));
      return b.toString();
    }
    return value.toString();
  }

  static Format format(String name) {
    try {
      return Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; use table, json, ndjson or csv");
    }
  }
}
