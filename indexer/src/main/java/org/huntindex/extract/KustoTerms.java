package org.huntindex.extract;

/** What Kusto terms are made of (HUNTS.md A.3 step 2): maximal runs of ASCII letters and digits, folded A–Z only. */
public final class KustoTerms {

  private KustoTerms() {}

  static boolean isAlnum(char c) {
    return (char) (c - '0') <= 9 || (char) ((c | 0x20) - 'a') < 26;
  }

  static char lower(char c) {
    return (char) (c - 'A') < 26 ? (char) (c | 0x20) : c;
  }
}
