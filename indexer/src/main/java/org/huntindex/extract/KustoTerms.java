package org.huntindex.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Kusto terms (HUNTS.md A.3 step 2): maximal runs of ASCII letters and digits, ASCII-lower-cased. The index keeps a
 * value's terms to find candidates for {@code has}; {@link KustoHas} then decides.
 */
public final class KustoTerms {

  private KustoTerms() {}

  /** The terms of {@code value} in order, lower-cased, duplicates kept. */
  public static List<String> tokens(String value) {
    List<String> out = new ArrayList<>();
    int n = value.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isAlnum(value.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isAlnum(value.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(lower(value, start, i));
      }
    }
    return out;
  }

  /**
   * The terms of a {@code has} right-hand side, in order: a row can match only if its value contains them as
   * consecutive terms (the first and last may be longer when the RHS starts or ends with a non-alphanumeric character).
   */
  public static List<String> phrase(String rhs) {
    return tokens(rhs);
  }

  static boolean isAlnum(char c) {
    return (char) (c - '0') <= 9 || (char) ((c | 0x20) - 'a') < 26;
  }

  static char lower(char c) {
    return (char) (c - 'A') < 26 ? (char) (c | 0x20) : c;
  }

  private static String lower(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if ((char) (s.charAt(i) - 'A') < 26) {
        char[] chars = new char[to - from];
        for (int j = from; j < to; j++) {
          chars[j - from] = lower(s.charAt(j));
        }
        return new String(chars);
      }
    }
    return s.substring(from, to);
  }
}
