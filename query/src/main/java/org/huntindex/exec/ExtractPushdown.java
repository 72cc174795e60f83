package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.huntindex.plan.Extract;
import org.huntindex.plan.ValueTest;

/**
 * Turns an extract's value tests into a query, so only documents that can keep a value are visited: a value indexed
 * at ingest becomes the set of its terms that pass ({@link KeptTerms}); for addresses, blocks to leave out become the
 * point ranges between them. The per-value tests still run on what remains.
 */
final class ExtractPushdown {
  private ExtractPushdown() {}

  /** The query, or null when the extract cannot be pushed down (a regex over stored text). */
  static Query of(IndexReader reader, Extract extract, ValueTests tests) throws IOException {
    return switch (extract.source()) {
      case Extract.Indexed i -> KeptTerms.of(reader, i.field().fieldName(), tests::keep);
      case Extract.EachAddress a -> outside(a, extract.keep());
      case Extract.FirstMatch m -> null;
    };
  }

  private static Query outside(Extract.EachAddress source, List<ValueTest> keep) {
    List<String> blocks = new ArrayList<>();
    for (ValueTest t : keep) {
      if (t instanceof ValueTest.OutsideCidrs o) {
        blocks.addAll(o.cidrs());
      }
    }
    return blocks.isEmpty() ? null : LuceneQueries.outsideCidrs(source.field(), blocks);
  }
}
