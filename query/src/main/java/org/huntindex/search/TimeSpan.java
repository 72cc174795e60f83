package org.huntindex.search;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huntindex.normalize.Ticks;

/**
 * A time as an analyst types it, read as the span it names: {@code 2024-05-01} is that whole UTC day,
 * {@code 2024-05-01T12:00} that minute, {@code 2024-05-01T12:00:00.5+02:00} that tenth of a second. Relative times
 * count back from the newest event in the index: {@code last}, {@code last-24h}, {@code last-7d}, {@code last-30m}.
 *
 * @param start first tick of the span
 * @param end first tick after the span
 */
record TimeSpan(long start, long end) {
  private static final Pattern RELATIVE = Pattern.compile("last(?:-(\\d+)([smhdw]))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ZONE = Pattern.compile("(?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)$");

  /** The span the text names; {@code newest} is the newest event's tick, null in an empty index. */
  static TimeSpan parse(String text, Long newest) {
    String t = text.trim();
    Matcher relative = RELATIVE.matcher(t);
    if (relative.matches()) {
      if (newest == null) {
        throw new IllegalArgumentException("'" + t + "' counts back from the newest event, and the index has none");
      }
      long at = relative.group(1) == null ? newest
          : newest - Long.parseLong(relative.group(1)) * unit(relative.group(2).toLowerCase(Locale.ROOT).charAt(0));
      return new TimeSpan(at, at + 1);
    }
    Long start = Ticks.parse(t);
    if (start == null) {
      throw new IllegalArgumentException("'" + t + "' is not a time; use ISO-8601 (2024-05-01, 2024-05-01T12:00, "
          + "2024-05-01T12:00:00+02:00; UTC unless a zone is given) or last-24h, last-7d, last-30m");
    }
    return new TimeSpan(start, start + precision(t));
  }

  private static long unit(char c) {
    return switch (c) {
      case 's' -> Ticks.PER_SECOND;
      case 'm' -> 60 * Ticks.PER_SECOND;
      case 'h' -> 3600 * Ticks.PER_SECOND;
      case 'd' -> 86400 * Ticks.PER_SECOND;
      default -> 7 * 86400 * Ticks.PER_SECOND;
    };
  }

  /** Ticks covered by the last unit the text spells out. */
  private static long precision(String t) {
    if (t.length() < 10 || t.charAt(4) != '-') {
      return Ticks.PER_MILLI;
    }
    String core = t.length() > 10 ? ZONE.matcher(t).replaceFirst("") : t;
    int n = core.length();
    if (n <= 10) {
      return 86400 * Ticks.PER_SECOND;
    }
    if (n <= 16) {
      return 60 * Ticks.PER_SECOND;
    }
    if (n <= 19) {
      return Ticks.PER_SECOND;
    }
    long ticks = 1;
    for (int digits = n - 20; digits < 7; digits++) {
      ticks *= 10;
    }
    return ticks;
  }
}
