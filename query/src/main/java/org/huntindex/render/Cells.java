package org.huntindex.render;

import java.util.List;
import java.util.stream.Collectors;

/** A result value as the text of one flat cell: lists joined with {@code ", "}, a missing value empty. */
final class Cells {
  private Cells() {}

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Cells::text).collect(Collectors.joining(", "));
    }
    return value.toString();
  }
}
