package org.huntindex.plan;

/**
 * How many results a plan keeps: all, the first {@code n}, or the last {@code n} (EQL's {@code tail}, the most recent).
 */
public record Limit(int n, boolean tail) {
  public static final Limit NONE = new Limit(Integer.MAX_VALUE, false);

  public Limit {
    if (n < 0) {
      throw new IllegalArgumentException("a limit cannot be negative: " + n);
    }
  }

  public static Limit head(int n) {
    return new Limit(n, false);
  }

  public static Limit tail(int n) {
    return new Limit(n, true);
  }
}
