package org.huntindex.extract;

import java.util.List;

/**
 * Kusto's {@code has} and {@code has_any} with the normative definition of HUNTS.md A.3 step 2: an ASCII
 * case-insensitive occurrence of the right-hand side whose ends fall on term boundaries, where an end that is not
 * alphanumeric is its own boundary.
 */
public final class KustoHas {

  private KustoHas() {}

  /** {@code lhs has rhs}. An empty {@code rhs} matches every value [A]. */
  public static boolean has(String lhs, String rhs) {
    int m = rhs.length();
    if (m == 0) {
      return true;
    }
    int n = lhs.length();
    boolean openStart = !KustoTerms.isAlnum(rhs.charAt(0));
    boolean openEnd = !KustoTerms.isAlnum(rhs.charAt(m - 1));
    char first = KustoTerms.lower(rhs.charAt(0));
    for (int i = 0, last = n - m; i <= last; i++) {
      if (KustoTerms.lower(lhs.charAt(i)) != first
          || (!openStart && i > 0 && KustoTerms.isAlnum(lhs.charAt(i - 1)))
          || (!openEnd && i + m < n && KustoTerms.isAlnum(lhs.charAt(i + m)))) {
        continue;
      }
      if (regionEquals(lhs, i, rhs, m)) {
        return true;
      }
    }
    return false;
  }

  /** {@code lhs has_any (rhs...)}: {@code has} for some element. */
  public static boolean hasAny(String lhs, List<String> rhs) {
    for (String r : rhs) {
      if (has(lhs, r)) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionEquals(String lhs, int from, String rhs, int m) {
    for (int j = 1; j < m; j++) {
      if (KustoTerms.lower(lhs.charAt(from + j)) != KustoTerms.lower(rhs.charAt(j))) {
        return false;
      }
    }
    return true;
  }
}
