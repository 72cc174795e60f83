package org.huntindex.normalize;

import java.time.Instant;
import java.util.List;
import org.huntindex.schema.WholeNumber;

/** Conversions of raw source values (strings, numbers, instants, lists) into the text and numbers events hold. */
final class Values {
  private Values() {}

  /**
   * A value's text; lists are joined with {@code ", "}; instants print as ISO-8601 with 7 fraction digits, or as
   * {@link Instant#toString} when they lie beyond the ±29,000 years that ticks can hold (a hostile FILETIME).
   */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Instant i) {
      Long ticks = Ticks.parse(i);
      return ticks == null ? i.toString() : Ticks.format7(ticks);
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(text(o));
      }
      return sb.toString();
    }
    return v.toString();
  }

  /** A decimal or {@code 0x} hexadecimal integer, or null. */
  static Long integer(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d == Math.rint(d) ? d.longValue() : null;
    }
    String s = text(v);
    if (s == null) {
      return null;
    }
    try {
      return WholeNumber.parse(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The part after the last backslash or slash: {@code C:\Windows\cmd.exe} gives {@code cmd.exe}. */
  static String basename(String path) {
    if (path == null) {
      return null;
    }
    int i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    return path.substring(i + 1);
  }
}
