package org.huntindex.search;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.huntindex.normalize.Ticks;
import org.huntindex.schema.Field;

/**
 * A time as an analyst types it, read as the span it names: {@code 2024} is that UTC year, {@code 2024-05} that month,
 * {@code 2024-05-01} that whole UTC day, {@code 2024-05-01T12} that hour, {@code 2024-05-01T12:00} that minute,
 * {@code 2024-05-01T12:00:00.5+02:00} that tenth of a second. Relative times
 * count back from the newest event in the index: {@code last}, {@code last-24h}, {@code last-7d}, {@code last-30m}.
 *
 * @param start first tick of the span
 * @param end first tick after the span
 */
public record TimeSpan(long start, long end) {
  private static final Pattern RELATIVE = Pattern.compile("last(?:-(\\d+)([smhdw]))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ZONE = Pattern.compile("(?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)$");
  private static final Pattern YEAR_OR_MONTH = Pattern.compile("(\\d{4})(?:-(\\d\\d))?");
  private static final Pattern HOUR = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d[Tt ]\\d\\d)((?:[Zz]|[+-]\\d\\d(?::?\\d\\d)?)?)");

  /** The span the text names; {@code newest} is the newest event's tick, null in an empty index. */
  public static TimeSpan parse(String text, Long newest) {
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
    Matcher coarse = YEAR_OR_MONTH.matcher(t);
    if (coarse.matches()) {
      return yearOrMonth(t, Integer.parseInt(coarse.group(1)), coarse.group(2));
    }
    Matcher hour = HOUR.matcher(t);
    Long start = hour.matches() ? Ticks.parse(hour.group(1) + ":00" + hour.group(2)) : Ticks.parse(t);
    if (start != null && hour.matches()) {
      return new TimeSpan(start, start + 3600 * Ticks.PER_SECOND);
    }
    if (start == null) {
      throw new IllegalArgumentException("'" + t + "' is not a time; use ISO-8601 (2024, 2024-05, 2024-05-01, "
          + "2024-05-01T12, 2024-05-01T12:00, 2024-05-01T12:00:00+02:00; UTC unless a zone is given) or last-24h, "
          + "last-7d, last-30m");
    }
    return new TimeSpan(start, start + precision(t));
  }

  /** The newest event's {@code @timestamp} in ticks, which relative times count back from; null when none has one. */
  public static Long newest(IndexReader reader) throws IOException {
    byte[] max = PointValues.getMaxPackedValue(reader, Field.TIMESTAMP.fieldName());
    return max == null ? null : LongPoint.decodeDimension(max, 0);
  }

  /** A UTC year, or a month of it. */
  private static TimeSpan yearOrMonth(String t, int year, String month) {
    try {
      YearMonth first = YearMonth.of(year, month == null ? 1 : Integer.parseInt(month));
      YearMonth next = month == null ? first.plusYears(1) : first.plusMonths(1);
      return new TimeSpan(ticks(first), ticks(next));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + t + "' is not a time: " + e.getMessage());
    }
  }

  private static long ticks(YearMonth m) {
    return Ticks.of(m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
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
