package org.huntindex.schema;

/** How a field's values are indexed, stored and queried. */
public enum FieldKind {
  /** An exact string: term index (matched ignoring case by an automaton over the terms), doc values, stored. */
  KEYWORD,
  /** Free text split by the command-line analyzer into lower-cased tokens; stored for display. */
  TEXT,
  /** A signed 64-bit integer: point, sorted-numeric doc values, stored. */
  LONG,
  /** An instant as 100-ns ticks since 1970-01-01T00:00Z: point, numeric doc values, stored. */
  TIME,
  /** An IPv4 or IPv6 address: InetAddressPoint (IPv4 as IPv4-mapped IPv6), sorted-set doc values, stored text. */
  IP,
  /** A boolean flag: indexed as the terms {@code true}/{@code false}, stored. */
  BOOLEAN
}
