package org.huntindex.source;

/** The evidence formats the readers know, as {@link FormatSniffer} recognises them from content. */
public enum Format {
  /** A Windows XML event log file ({@code ElfFile\0}). */
  EVTX,
  /** JSON lines, a JSON array of objects, or one or more JSON objects. */
  JSON,
  /** Comma-separated values with a header row. */
  CSV,
  /** None of the above. */
  UNKNOWN
}
