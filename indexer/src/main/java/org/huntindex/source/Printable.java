package org.huntindex.source;

/**
 * Text from evidence made safe to show on a terminal and to write as strict UTF-8. Control characters could move the
 * cursor, recolour or clear what the analyst reads, bidirectional controls reorder it ({@code invoice<U+202E>fdp.exe}),
 * and a lone surrogate cannot be encoded: each is shown as a visible symbol instead.
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code text} with tab, CR and LF shown as ⇥ ␍ ↵, other C0 controls and DEL as control pictures (ESC as ␛), C1
   * controls, bidirectional controls and the line and paragraph separators as {@code <U+202E>}, and a lone surrogate
   * as U+FFFD. Returns {@code text} itself when it holds none of them.
   */
  public static String of(String text) {
    int n = text.length();
    int i = 0;
    int step;
    while (i < n && (step = plainLength(text, i)) > 0) {
      i += step;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      int plain = plainLength(text, i);
      if (plain > 0) {
        out.append(text, i, i + plain);
        i += plain - 1;
      } else if (c == '\t') {
        out.append('⇥');
      } else if (c == '\r') {
        out.append('␍');
      } else if (c == '\n') {
        out.append('↵');
      } else if (c < 0x20) {
        out.append((char) ('␀' + c));
      } else if (c == 0x7F) {
        out.append('␡');
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append("<U+").append(String.format("%04X", (int) c)).append('>');
      }
    }
    return out.toString();
  }

  /** How many chars at {@code i} show as themselves: 1, 2 for a surrogate pair, or 0. */
  private static int plainLength(String text, int i) {
    char c = text.charAt(i);
    if (c < 0xA0) {
      return c >= 0x20 && c < 0x7F ? 1 : 0;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 0;
    }
    return Character.isLowSurrogate(c) || isLayoutControl(c) ? 0 : 1;
  }

  /** Bidirectional marks, embeddings, overrides and isolates, and the line and paragraph separators. */
  public static boolean isLayoutControl(char c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
  }
}
