package org.huntindex.render;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One column of a flat rendering (table, CSV): its header, how to read its cell from a result, whether a table narrows
 * it first when the terminal is too narrow (free text and lists yes; times, addresses and counts last), and whether it
 * holds evidence locations, which a table shows by file name (CSV and JSON keep the full path).
 */
public record Column(String header, Function<Map<String, Object>, Object> value, boolean narrowFirst,
    boolean locations) {

  public Column(String header, Function<Map<String, Object>, Object> value) {
    this(header, value, false, false);
  }

  /** A column showing the result's top-level value of the same name. */
  public static Column of(String name) {
    return new Column(name, r -> r.get(name));
  }

  /** Columns for top-level values, in order. */
  public static List<Column> of(List<String> names) {
    return names.stream().map(Column::of).toList();
  }

  /** A column of evidence locations ({@code path:line}, {@code path#record}). */
  public static Column evidence(String header, Function<Map<String, Object>, Object> value) {
    return new Column(header, value, true, true);
  }

  /** This column, narrowed first in a table. */
  public Column narrowedFirst() {
    return new Column(header, value, true, locations);
  }

  /** The cell as a table shows it. */
  Object tableValue(Map<String, Object> result) {
    Object v = value.apply(result);
    return locations ? fileNames(v) : v;
  }

  private static Object fileNames(Object v) {
    if (v instanceof List<?> list) {
      return list.stream().map(Column::fileNames).toList();
    }
    if (v instanceof String s) {
      return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
    }
    return v;
  }
}
