package org.huntindex.plan;

import java.util.List;

/**
 * Which events a plan reads: a condition the index answers, plus residual checks for what it answers only as a
 * superset.
 */
public record Filter(Condition condition, List<Residual> residuals) {
  public Filter {
    residuals = List.copyOf(residuals);
  }

  public static Filter of(Condition condition) {
    return new Filter(condition, List.of());
  }

  /** This filter, with the candidates it selects confirmed by {@code residual}. */
  public Filter confirmedBy(Residual residual) {
    var all = new java.util.ArrayList<>(residuals);
    all.add(residual);
    return new Filter(condition, all);
  }
}
