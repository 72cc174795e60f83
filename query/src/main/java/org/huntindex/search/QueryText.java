package org.huntindex.search;

import java.util.Arrays;

/**
 * The query as typed and as handed to Lucene's parser, which differ in three escapes an analyst should not have to
 * type: inside double quotes a backslash is literal unless it escapes a quote or a backslash ({@code "C:\Users\x"});
 * a {@code /} inside a word is literal ({@code 10.0.0.0/8}), one starting a word still opens a regular expression;
 * a {@code :} after a word's first one is literal ({@code 2001:db8::1}, {@code >=2024-05-01T12:00}).
 *
 * <p>Positions the parser reports are in the rewritten text; {@link #original} maps them back.
 */
final class QueryText {
  private final String typed;
  private final String parsed;
  private final int[] inserted;

  private QueryText(String typed, String parsed, int[] inserted) {
    this.typed = typed;
    this.parsed = parsed;
    this.inserted = inserted;
  }

  static QueryText of(String typed) {
    return new Rewriter(typed).run();
  }

  String typed() {
    return typed;
  }

  String parsed() {
    return parsed;
  }

  /** The position in the typed query of the character at {@code parsedPosition} in the parsed one. */
  int original(int parsedPosition) {
    if (parsedPosition < 0) {
      return -1;
    }
    int shift = 0;
    while (shift < inserted.length && inserted[shift] < parsedPosition) {
      shift++;
    }
    return Math.min(parsedPosition - shift, typed.length());
  }

  private static final class Rewriter {
    private enum Mode { WORD, QUOTED, REGEX, RANGE }

    private final String in;
    private final StringBuilder out;
    private int[] inserted = new int[8];
    private int count;

    Rewriter(String in) {
      this.in = in;
      this.out = new StringBuilder(in.length() + 8);
    }

    QueryText run() {
      Mode mode = Mode.WORD;
      int colons = 0;
      for (int i = 0; i < in.length(); i++) {
        char c = in.charAt(i);
        char next = i + 1 < in.length() ? in.charAt(i + 1) : 0;
        if (c == '\\' && next != 0) {
          if (mode == Mode.QUOTED && next != '"' && next != '\\') {
            escape();
          }
          out.append(c).append(next);
          i++;
          continue;
        }
        switch (mode) {
          case QUOTED -> mode = c == '"' ? Mode.WORD : mode;
          case REGEX -> mode = c == '/' ? Mode.WORD : mode;
          case RANGE -> mode = c == ']' || c == '}' ? Mode.WORD : mode;
          case WORD -> {
            if (c == '"') {
              mode = Mode.QUOTED;
            } else if (c == '[' || c == '{') {
              mode = Mode.RANGE;
            } else if (c == '/') {
              if (startsWord(i)) {
                mode = Mode.REGEX;
              } else {
                escape();
              }
            } else if (c == ':' && colons++ > 0) {
              escape();
            } else if (Character.isWhitespace(c) || c == '(' || c == ')') {
              colons = 0;
            }
          }
        }
        out.append(c);
      }
      return new QueryText(in, out.toString(), Arrays.copyOf(inserted, count));
    }

    private boolean startsWord(int i) {
      if (i == 0) {
        return true;
      }
      char prev = in.charAt(i - 1);
      return Character.isWhitespace(prev) || "(:+-!".indexOf(prev) >= 0;
    }

    private void escape() {
      if (count == inserted.length) {
        inserted = Arrays.copyOf(inserted, count * 2);
      }
      inserted[count++] = out.length();
      out.append('\\');
    }
  }
}
