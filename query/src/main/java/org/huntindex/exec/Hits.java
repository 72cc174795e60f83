package org.huntindex.exec;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Runs a query and hands every matching live document to a per-segment consumer, without scores. */
final class Hits {
  private Hits() {}

  /** What a segment does with its matching documents. */
  interface LeafVisitor {
    /** Prepares for one segment; the returned consumer sees its matching documents in increasing order. */
    DocConsumer leaf(LeafReaderContext context) throws IOException;
  }

  /** Receives one segment's matching documents. */
  interface DocConsumer {
    void accept(int doc) throws IOException;
  }

  /** Visits every document matching {@code query}; the searcher must run slices on the calling thread. */
  static void visit(IndexSearcher searcher, Query query, LeafVisitor visitor) throws IOException {
    Collector collector = new Collector() {
      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        DocConsumer consumer = visitor.leaf(context);
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            consumer.accept(doc);
          }
        };
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    };
    searcher.search(query, new CollectorManager<Collector, Void>() {
      @Override
      public Collector newCollector() {
        return collector;
      }

      @Override
      public Void reduce(java.util.Collection<Collector> collectors) {
        return null;
      }
    });
  }
}
