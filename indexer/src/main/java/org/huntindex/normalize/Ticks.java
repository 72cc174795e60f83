package org.huntindex.normalize;

import java.time.Instant;

/**
 * Event time as 100-ns ticks since 1970-01-01T00:00Z: parsing from the shapes evidence uses, and formatting back.
 *
 * <p>Accepted: ISO-8601 with {@code T} or a space, with or without a zone ({@code Z}, {@code +hh:mm}; no zone means UTC),
 * with 0–9 fraction digits (beyond 7 truncated); the Azure portal's CSV form {@code 5/1/2024, 10:00:00.000 AM} and
 * Event Viewer's US one, {@code 5/1/2024 10:00:00 AM} (UTC);
 * epoch milliseconds as a number; {@link Instant}.
 */
public final class Ticks {
  public static final long PER_SECOND = 10_000_000L;
  public static final long PER_MILLI = 10_000L;

  private Ticks() {}

  /** Ticks for the value, or null when it is not a time this parser understands. */
  public static Long parse(Object value) {
    try {
      if (value instanceof Instant i) {
        return of(i);
      }
      if (value instanceof Long ms) {
        return Math.multiplyExact(ms, PER_MILLI);
      }
    } catch (ArithmeticException e) {
      return null;
    }
    if (value instanceof Double d) {
      return (long) (d * PER_MILLI);
    }
    if (value instanceof String s) {
      return parse(s);
    }
    return null;
  }

  /**
   * Ticks for Unix seconds with a fraction, as Velociraptor writes event times; a double holds them to ~0.2 µs, so the
   * last digit of the ticks may differ from the record's.
   */
  static Long ofUnixSeconds(Number seconds) {
    try {
      return new java.math.BigDecimal(seconds.toString()).movePointRight(7)
          .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  public static long of(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), PER_SECOND), i.getNano() / 100);
  }

  public static Instant toInstant(long ticks) {
    return Instant.ofEpochSecond(Math.floorDiv(ticks, PER_SECOND), Math.floorMod(ticks, PER_SECOND) * 100);
  }

  /** Milliseconds since the epoch, truncated toward negative infinity. */
  public static long toMillis(long ticks) {
    return Math.floorDiv(ticks, PER_MILLI);
  }

  /** ISO-8601 UTC with exactly 7 fraction digits, as Kusto prints datetimes. */
  public static String format7(long ticks) {
    return format(ticks, 7);
  }

  /** ISO-8601 UTC with exactly 3 fraction digits, as Elasticsearch prints dates. */
  public static String format3(long ticks) {
    return format(ticks, 3);
  }

  private static String format(long ticks, int digits) {
    Instant i = toInstant(ticks);
    String base = i.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().withNano(0).toString();
    if (base.length() == 16) {
      base += ":00";
    }
    long frac = Math.floorMod(ticks, PER_SECOND);
    String f = String.format("%07d", frac).substring(0, digits);
    return base + "." + f + "Z";
  }

  /** Parses a date-time string; null when malformed or null. */
  public static Long parse(String s) {
    if (s == null) {
      return null;
    }
    s = s.trim();
    int n = s.length();
    if (s.startsWith("/Date(") && s.endsWith(")/")) {
      return msDate(s);
    }
    if (n < 10) {
      return numeric(s);
    }
    int year = digits(s, 0, 4);
    if (year < 0 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return s.indexOf('/') > 0 ? withPattern(s, PORTAL) : s.indexOf(" @ ") > 0 ? withPattern(s, KIBANA) : numeric(s);
    }
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = 0;
    int minute = 0;
    int second = 0;
    long fraction = 0;
    int p = 10;
    if (p < n && (s.charAt(p) == 'T' || s.charAt(p) == ' ')) {
      if (p + 6 > n || s.charAt(p + 3) != ':') {
        return null;
      }
      hour = digits(s, p + 1, 2);
      minute = digits(s, p + 4, 2);
      p += 6;
      if (p < n && s.charAt(p) == ':') {
        second = digits(s, p + 1, 2);
        p += 3;
        if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
          p++;
          int count = 0;
          while (p < n && Character.isDigit(s.charAt(p))) {
            if (count < 7) {
              fraction = fraction * 10 + (s.charAt(p) - '0');
            }
            count++;
            p++;
          }
          if (count == 0) {
            return null;
          }
          for (int k = Math.min(count, 7); k < 7; k++) {
            fraction *= 10;
          }
        }
      }
    }
    long offsetSeconds = 0;
    if (p < n) {
      char z = s.charAt(p);
      if (z == 'Z' || z == 'z') {
        p++;
      } else if (z == '+' || z == '-') {
        int oh = digits(s, p + 1, 2);
        int om = 0;
        int q = p + 3;
        if (q < n && s.charAt(q) == ':') {
          q++;
        }
        if (q + 2 <= n) {
          om = digits(s, q, 2);
          q += 2;
        }
        if (oh < 0 || om < 0) {
          return null;
        }
        offsetSeconds = (oh * 3600L + om * 60L) * (z == '+' ? 1 : -1);
        p = q;
      }
      if (p != n) {
        return null;
      }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 60) {
      return null;
    }
    long days;
    try {
      days = java.time.LocalDate.of(year, month, day).toEpochDay();
    } catch (java.time.DateTimeException e) {
      return null;
    }
    long seconds = days * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * PER_SECOND + fraction;
  }

  /** A time written in another tool's format, read as UTC; null when it does not fit. */
  private static Long withPattern(String s, java.time.format.DateTimeFormatter pattern) {
    try {
      java.time.LocalDateTime t = java.time.LocalDateTime.parse(s, pattern);
      return of(t.toInstant(java.time.ZoneOffset.UTC));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The Azure portal's CSV export, {@code 5/1/2024, 10:00:00.000 AM}, and Event Viewer's without the comma; UTC. */
  private static final java.time.format.DateTimeFormatter PORTAL = new java.time.format.DateTimeFormatterBuilder()
      .appendPattern("M/d/yyyy[,] h:mm:ss").optionalStart()
      .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().appendLiteral(' ').appendPattern("a").toFormatter(java.util.Locale.US);

  /**
   * Kibana's default date format, as its Discover CSV export writes {@code @timestamp}: {@code May 1, 2024 @
   * 10:00:00.123}, in the exporting browser's time zone unless Kibana's {@code dateFormat:tz} says otherwise; read as
   * UTC, like every time without a zone.
   */
  private static final java.time.format.DateTimeFormatter KIBANA = new java.time.format.DateTimeFormatterBuilder()
      .appendPattern("MMM d, yyyy '@' HH:mm:ss").optionalStart()
      .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(java.util.Locale.US);

  /**
   * Microsoft's JSON date, as Windows PowerShell's {@code ConvertTo-Json} writes a {@code DateTime}: {@code
   * /Date(1714557600000)/}, milliseconds since the epoch in UTC, perhaps followed by the writer's offset
   * ({@code +0200}), which does not change the instant.
   */
  private static Long msDate(String s) {
    String inner = s.substring("/Date(".length(), s.length() - ")/".length());
    int end = inner.length();
    int sign = Math.max(inner.lastIndexOf('+'), inner.lastIndexOf('-'));
    if (sign > 0 && end - sign == 5) {
      end = sign;
    }
    try {
      return Math.multiplyExact(Long.parseLong(inner, 0, end, 10), PER_MILLI);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static Long numeric(String s) {
    if (s.isEmpty() || s.length() > 16) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return null;
      }
    }
    return Long.parseLong(s) * PER_MILLI;
  }

  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
