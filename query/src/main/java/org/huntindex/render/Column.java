package org.huntindex.render;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One column of a flat rendering (table, CSV): its header and how to read its cell from a result. */
public record Column(String header, Function<Map<String, Object>, Object> value) {

  /** A column showing the result's top-level value of the same name. */
  public static Column of(String name) {
    return new Column(name, r -> r.get(name));
  }

  /** Columns for top-level values, in order. */
  public static List<Column> of(List<String> names) {
    return names.stream().map(Column::of).toList();
  }
}
