package org.huntindex.source;

import java.util.Locale;

/** The evidence formats the readers know, as {@link FormatSniffer} recognises them from content. */
public enum Format {
  /** A Windows XML event log file ({@code ElfFile\0}). */
  EVTX,
  /** JSON lines, a JSON array of objects, or one or more JSON objects. */
  JSON,
  /** Comma-separated values with a header row. */
  CSV,
  /** Windows events as XML: Event Viewer's "Save as XML", {@code wevtutil qe /f:xml}. */
  XML,
  /** None of the above. */
  UNKNOWN;

  /** Whether a file's name says it holds one of the formats read: {@code .evtx}, {@code .json}, {@code .csv}... */
  public static boolean isClaimedBy(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".evtx") || lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")
        || lower.endsWith(".csv");
  }
}
