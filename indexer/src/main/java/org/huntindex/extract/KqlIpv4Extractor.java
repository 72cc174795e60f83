package org.huntindex.extract;

/**
 * Hunt A's {@code extract(ipv4_regex, 1, CommandLine)}: group 1 of the first match of {@link #REGEX}, computed by a
 * hand-written scanner that returns exactly what {@code java.util.regex} returns with
 * {@code Pattern.UNICODE_CHARACTER_CLASS} (HUNTS.md A.3 step 3), for every input.
 *
 * <p>Why a scanner can be exact: octets 1 to 3 are followed by {@code \.}, so backtracking can only ever give them
 * their whole digit run; the only real choice is the last octet. A quad can start only at a digit run with a
 * {@code \b} before it, and every such run is directly followed by the quad's first dot, so visiting the dots left to
 * right visits the candidates in the order {@code find()} tries them. At each candidate the first alternative
 * ({@code [^ ]} then the quad) is taken when the code point before the run is not a space; otherwise the second
 * ({@code quad[^ ]}) is taken when the greedy quad is followed by a non-space code point, or when its last octet has
 * two or more digits so that {@code [^ ]} can take the last one back.
 */
public final class KqlIpv4Extractor {

  /** The effective regex of hunt A (HUNTS.md A.1), kept as the reference the scanner must agree with. */
  public static final String REGEX =
      "([^ ](\\b25[0-5]|\\b2[0-4][0-9]|\\b[01]?[0-9][0-9]?)(\\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}"
          + "|(\\b25[0-5]|\\b2[0-4][0-9]|\\b[01]?[0-9][0-9]?)(\\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}[^ ])";

  /** General categories that {@code \w} includes beside alphabetic code points (java.util.regex CharPredicates.WORD). */
  private static final int WORD_CATEGORIES =
      (1 << Character.NON_SPACING_MARK)
          | (1 << Character.ENCLOSING_MARK)
          | (1 << Character.COMBINING_SPACING_MARK)
          | (1 << Character.DECIMAL_DIGIT_NUMBER)
          | (1 << Character.CONNECTOR_PUNCTUATION);

  private KqlIpv4Extractor() {}

  /** Group 1 of the first match of {@link #REGEX} in {@code s}, or {@code ""} when there is none. */
  public static String extract(String s) {
    int n = s.length();
    for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      int x = dot;
      while (x > 0 && dot - x < 4 && isDigit(s.charAt(x - 1))) {
        x--;
      }
      int len1 = dot - x;
      if (len1 == 0 || len1 > 3 || !octet(s, x, len1) || (x > 0 && isWordBefore(s, x))) {
        continue;
      }
      int x2 = dot + 1;
      int len2 = fullOctet(s, x2, n);
      if (len2 == 0) {
        continue;
      }
      int x3 = x2 + len2 + 1;
      int len3 = fullOctet(s, x3, n);
      if (len3 == 0) {
        continue;
      }
      int x4 = x3 + len3 + 1;
      int len4 = greedyOctet(s, x4, n);
      if (len4 == 0) {
        continue;
      }
      int end = x4 + len4;
      if (x > 0) {
        int before = Character.codePointBefore(s, x);
        if (before != ' ') {
          return s.substring(x - Character.charCount(before), end);
        }
      }
      if (end < n) {
        int after = Character.codePointAt(s, end);
        if (after != ' ') {
          return s.substring(x, end + Character.charCount(after));
        }
      }
      if (len4 >= 2) {
        return s.substring(x, end);
      }
    }
    return "";
  }

  /** Length of the digit run at {@code i} when it is a valid octet followed by a dot, else 0. */
  private static int fullOctet(String s, int i, int n) {
    int j = i;
    while (j < n && j - i < 4 && isDigit(s.charAt(j))) {
      j++;
    }
    int len = j - i;
    if (len == 0 || len > 3 || j >= n || s.charAt(j) != '.' || !octet(s, i, len)) {
      return 0;
    }
    return len;
  }

  /** Length of the longest octet the regex's greedy last octet takes at {@code i}, 0 when no digit is there. */
  private static int greedyOctet(String s, int i, int n) {
    int j = i;
    while (j < n && j - i < 3 && isDigit(s.charAt(j))) {
      j++;
    }
    int len = j - i;
    return len == 3 && !octet(s, i, 3) ? 2 : len;
  }

  /** Whether the {@code len} (1 to 3) digits at {@code i} are at most 255. */
  private static boolean octet(String s, int i, int len) {
    if (len < 3) {
      return true;
    }
    int v = (s.charAt(i) - '0') * 100 + (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
    return v <= 255;
  }

  private static boolean isDigit(char c) {
    return (char) (c - '0') <= 9;
  }

  /** Whether the code point before {@code i > 0} is a word character for {@code \b} under UNICODE_CHARACTER_CLASS. */
  private static boolean isWordBefore(String s, int i) {
    char c = s.charAt(i - 1);
    if (c < 128) {
      return (char) ((c | 0x20) - 'a') < 26 || isDigit(c) || c == '_';
    }
    return isUnicodeWord(Character.codePointBefore(s, i));
  }

  /** {@code \w} with UNICODE_CHARACTER_CLASS: alphabetic, a mark, a decimal digit, connector punctuation, or a joiner. */
  static boolean isUnicodeWord(int cp) {
    return Character.isAlphabetic(cp)
        || ((WORD_CATEGORIES >> Character.getType(cp)) & 1) != 0
        || cp == 0x200C
        || cp == 0x200D;
  }
}
