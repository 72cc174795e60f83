package org.huntindex.exec;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.huntindex.plan.Plan;

/**
 * Executes plans against a local Lucene index. Results are ordered maps of column (or ECS field) names to strings,
 * longs, lists and nested maps, ready for any renderer.
 */
public final class PlanExecutor {
  private final IndexSearcher searcher;

  /** The searcher must not have an executor: collection runs on the calling thread. */
  public PlanExecutor(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  public List<Map<String, Object>> run(Plan plan) throws IOException {
    return switch (plan) {
      case Plan.Aggregation a -> new AggregateExecutor(searcher).run(a);
      case Plan.Sequencing s -> new SequenceExecutor(searcher).run(s);
    };
  }
}
