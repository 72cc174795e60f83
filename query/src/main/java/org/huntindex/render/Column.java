package org.huntindex.render;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One column of a flat rendering (table, CSV): its header, how to read its cell from a result, and whether a table
 * narrows it first when the terminal is too narrow (free text and lists yes; times, addresses and counts last).
 */
public record Column(String header, Function<Map<String, Object>, Object> value, boolean narrowFirst) {

  public Column(String header, Function<Map<String, Object>, Object> value) {
    this(header, value, false);
  }

  /** A column showing the result's top-level value of the same name. */
  public static Column of(String name) {
    return new Column(name, r -> r.get(name));
  }

  /** This column, narrowed first in a table. */
  public Column narrowedFirst() {
    return new Column(header, value, true);
  }

  /** Columns for top-level values, in order. */
  public static List<Column> of(List<String> names) {
    return names.stream().map(Column::of).toList();
  }
}
