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
import org.huntindex.plan.Filter;
import org.huntindex.plan.Residual;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * A filter's candidates as one query, and the residuals left to check on each. A residual on a keyword with doc values
 * that drops a missing value becomes the set of the keyword's terms it keeps ({@link KeptTerms}): the test runs once
 * per distinct term, and the candidates are a few postings lists. On a single-valued keyword the term set is exact and
 * the residual is done; on a multi-valued one the check (of the first value) still runs.
 *
 * @param query the candidates
 * @param residuals what {@link ResidualCheck} must still confirm
 */
record FilterQuery(Query query, List<Residual> residuals) {

  static FilterQuery of(IndexReader reader, Filter filter) throws IOException {
    List<Query> kept = new ArrayList<>();
    List<Residual> left = new ArrayList<>();
    for (Residual r : filter.residuals()) {
      switch (r) {
        case Residual.KustoHasAny has -> {
          Field f = has.field();
          Predicate<String> test = v -> KustoHas.hasAny(v, has.needles());
          boolean pushed = f.kind() == FieldKind.KEYWORD && f.has(Field.Flag.DOC_VALUES) && !test.test("");
          if (pushed) {
            kept.add(KeptTerms.of(reader, f.fieldName(), test));
          }
          if (!pushed || f.multiValued()) {
            left.add(r);
          }
        }
      }
    }
    Query query = LuceneQueries.of(filter.condition());
    if (kept.isEmpty()) {
      return new FilterQuery(query, left);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.FILTER);
    kept.forEach(q -> b.add(q, Occur.FILTER));
    return new FilterQuery(b.build(), left);
  }
}
