package org.huntindex.bench.generate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats strictly increasing event times fast: the date and time of day are recomputed only when the second changes. */
final class Clock {
  static final long TICKS_PER_MS = 10_000L;
  static final long TICKS_PER_SECOND = 10_000_000L;

  private long second = Long.MIN_VALUE;
  private String prefix;
  private final StringBuilder sb = new StringBuilder(32);

  /** ISO-8601 UTC with 7 fraction digits (Sentinel's TimeGenerated) for 100-ns ticks since the epoch. */
  String kusto(long ticks) {
    return format(ticks, 7);
  }

  /** ISO-8601 UTC with 3 fraction digits (Elasticsearch's {@code @timestamp}) for 100-ns ticks since the epoch. */
  String elastic(long ticks) {
    return format(ticks, 3);
  }

  private String format(long ticks, int digits) {
    long s = Math.floorDiv(ticks, TICKS_PER_SECOND);
    if (s != second) {
      second = s;
      prefix = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString();
      if (prefix.length() == 16) {
        prefix += ":00";
      }
    }
    long frac = Math.floorMod(ticks, TICKS_PER_SECOND);
    sb.setLength(0);
    sb.append(prefix).append('.');
    long div = 1_000_000L;
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + frac / div % 10));
      div /= 10;
    }
    return sb.append('Z').toString();
  }
}
