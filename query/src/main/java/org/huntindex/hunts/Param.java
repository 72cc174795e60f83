package org.huntindex.hunts;

import java.util.List;

/**
 * A hunt parameter settable from the command line as {@code --name}: its default values and what it means. List
 * parameters take comma-separated values and may be repeated; a given value replaces the default.
 */
public record Param(String name, Kind kind, List<String> defaults, String description) {
  /** What values a parameter takes. */
  public enum Kind {
    LIST,
    TEXT,
    INTEGER
  }

  public Param {
    defaults = List.copyOf(defaults);
  }

  public static Param list(String name, List<String> defaults, String description) {
    return new Param(name, Kind.LIST, defaults, description);
  }

  public static Param text(String name, String defaultValue, String description) {
    return new Param(name, Kind.TEXT, List.of(defaultValue), description);
  }

  public static Param integer(String name, int defaultValue, String description) {
    return new Param(name, Kind.INTEGER, List.of(Integer.toString(defaultValue)), description);
  }
}
