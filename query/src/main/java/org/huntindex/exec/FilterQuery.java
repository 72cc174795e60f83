package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.huntindex.extract.KustoHas;
import org.huntindex.plan.Condition;
import org.huntindex.plan.Filter;
import org.huntindex.plan.Residual;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * A filter's candidates as one query. A residual on a keyword with doc values that drops a missing value becomes the
 * set of the keyword's terms it keeps ({@link KeptTerms}), and the condition's superset of that residual (a top-level
 * {@code KustoTermsAny} for {@code KustoHasAny}) is left out: a few postings lists instead of phrases over positions.
 * {@link ResidualCheck} still confirms every candidate.
 */
final class FilterQuery {
  private FilterQuery() {}

  static Query of(IndexReader reader, Filter filter) throws IOException {
    List<Condition> conjuncts = new ArrayList<>();
    flatten(filter.condition(), conjuncts);
    List<Query> kept = new ArrayList<>();
    for (Residual r : filter.residuals()) {
      switch (r) {
        case Residual.KustoHasAny has -> {
          Predicate<String> test = v -> KustoHas.hasAny(v, has.needles());
          if (has.field().kind() == FieldKind.KEYWORD && has.field().has(Field.Flag.DOC_VALUES) && !test.test("")) {
            kept.add(KeptTerms.of(reader, has.field().fieldName(), test));
            conjuncts.remove(new Condition.KustoTermsAny(has.field(), has.needles()));
          }
        }
      }
    }
    Query query = LuceneQueries.of(new Condition.All(conjuncts));
    if (kept.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.FILTER);
    kept.forEach(q -> b.add(q, Occur.FILTER));
    return b.build();
  }

  private static void flatten(Condition c, List<Condition> out) {
    if (c instanceof Condition.All all) {
      all.conditions().forEach(x -> flatten(x, out));
    } else {
      out.add(c);
    }
  }
}
