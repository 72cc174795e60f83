package org.huntindex.schema;

/** ASCII-only case folding, as Kusto's and Elasticsearch's case-insensitive operators do it. */
public final class Ascii {
  private Ascii() {}

  /** Lower-cases A–Z only; every other character, non-ASCII letters included, is kept. */
  public static String lower(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        break;
      }
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < n; i++) {
      char c = out[i];
      if (c >= 'A' && c <= 'Z') {
        out[i] = (char) (c + 32);
      }
    }
    return new String(out);
  }
}
