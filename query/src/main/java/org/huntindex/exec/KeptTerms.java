package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.huntindex.schema.Utf8;

/**
 * The documents whose keyword value passes a test, found through the terms: the test runs once per term of each
 * segment (cheaper than merging the segments' term lists into one) and the survivors become a term set.
 */
final class KeptTerms {
  private KeptTerms() {}

  static Query of(IndexReader reader, String field, Predicate<String> keep) throws IOException {
    List<BytesRef> kept = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        if (keep.test(Utf8.string(term))) {
          kept.add(BytesRef.deepCopyOf(term));
        }
      }
    }
    return kept.isEmpty() ? new MatchNoDocsQuery("no kept " + field) : new TermInSetQuery(field, kept);
  }
}
