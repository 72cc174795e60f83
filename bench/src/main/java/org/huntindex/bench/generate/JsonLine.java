package org.huntindex.bench.generate;

/**
 * Builds one JSON object per line into a reused buffer: keys in call order, null values left out, strings escaped per
 * RFC 8259 (control characters as escapes, everything else verbatim, so non-ASCII text stays UTF-8).
 */
final class JsonLine {
  private final StringBuilder sb = new StringBuilder(2048);
  private boolean first;

  JsonLine begin() {
    sb.setLength(0);
    sb.append('{');
    first = true;
    return this;
  }

  JsonLine str(String key, String value) {
    if (value != null) {
      key(key);
      quote(value);
    }
    return this;
  }

  JsonLine num(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  JsonLine bool(String key, boolean value) {
    key(key);
    sb.append(value);
    return this;
  }

  JsonLine strs(String key, String... values) {
    key(key);
    sb.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(values[i]);
    }
    sb.append(']');
    return this;
  }

  JsonLine open(String key) {
    key(key);
    sb.append('{');
    first = true;
    return this;
  }

  JsonLine close() {
    sb.append('}');
    first = false;
    return this;
  }

  /** The finished line, without the newline. */
  CharSequence end() {
    sb.append('}');
    return sb;
  }

  private void key(String key) {
    if (!first) {
      sb.append(',');
    }
    first = false;
    quote(key);
    sb.append(':');
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
