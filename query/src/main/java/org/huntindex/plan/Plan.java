package org.huntindex.plan;

/** A hunt as data: filter, extract and aggregate, or a sequence of stages joined by key; then a limit. */
public sealed interface Plan {

  Limit limit();

  /** This plan with another limit. */
  Plan withLimit(Limit limit);

  /** This plan keeping {@code n} results: the first {@code n} groups, or the {@code n} latest sequences (EQL tail). */
  default Plan keeping(int n) {
    return withLimit(this instanceof Sequencing ? Limit.tail(n) : Limit.head(n));
  }

  /** Filter, then extract a value per event, then group and measure. */
  record Aggregation(Filter filter, Extract extract, Aggregate aggregate, Limit limit) implements Plan {
    @Override
    public Plan withLimit(Limit limit) {
      return new Aggregation(filter, extract, aggregate, limit);
    }
  }

  /** Events joined by key through ordered stages. */
  record Sequencing(Sequence sequence, Limit limit) implements Plan {
    @Override
    public Plan withLimit(Limit limit) {
      return new Sequencing(sequence, limit);
    }
  }
}
