package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.huntindex.plan.Extract;
import org.huntindex.plan.ValueTest;

/**
 * Turns an extract's value tests into a query, so only documents that can keep a value are visited: for a value
 * indexed at ingest, the tests run once per term of each segment and the survivors become a term set; for
 * addresses, blocks to leave out become the point ranges between them. The per-value tests still run on what remains.
 */
final class ExtractPushdown {
  private ExtractPushdown() {}

  /** The query, or null when the extract cannot be pushed down (a regex over stored text). */
  static Query of(IndexReader reader, Extract extract, ValueTests tests) throws IOException {
    return switch (extract.source()) {
      case Extract.Indexed i -> keptTerms(reader, i, tests);
      case Extract.EachAddress a -> outside(a, extract.keep());
      case Extract.FirstMatch m -> null;
    };
  }

  /** Each segment's terms are tested on their own: cheaper than merging the segments' term lists into one. */
  private static Query keptTerms(IndexReader reader, Extract.Indexed source, ValueTests tests) throws IOException {
    String field = source.field().fieldName();
    List<BytesRef> kept = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        if (tests.keep(Utf8.string(term))) {
          kept.add(BytesRef.deepCopyOf(term));
        }
      }
    }
    return kept.isEmpty() ? new MatchNoDocsQuery("no kept " + field) : new TermInSetQuery(field, kept);
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
