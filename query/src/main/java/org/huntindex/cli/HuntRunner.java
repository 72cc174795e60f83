package org.huntindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.huntindex.index.IndexFormat;
import org.huntindex.exec.PlanExecutor;
import org.huntindex.hunts.Hunt;
import org.huntindex.hunts.Params;
import org.huntindex.plan.Plan;
import org.huntindex.schema.Field;

/** Opens an index, runs one hunt's plan on it and reports the time taken to stderr. */
final class HuntRunner {
  private HuntRunner() {}

  /** Runs the hunt; {@code limit} null keeps every result. */
  static List<Map<String, Object>> run(Path index, Hunt hunt, Params params, Integer limit, PrintStream err)
      throws IOException {
    Plan plan = limit == null ? hunt.plan(params) : hunt.plan(params).keeping(limit);
    try (DirectoryReader reader = IndexFormat.open(index)) {
      long start = System.nanoTime();
      List<Map<String, Object>> results = new PlanExecutor(new IndexSearcher(reader)).run(plan);
      double ms = (System.nanoTime() - start) / 1e6;
      err.printf("%s: %,d result%s in %.1f ms over %,d events%n", hunt.id(), results.size(),
          results.size() == 1 ? "" : "s", ms, reader.numDocs());
      int recovered = reader.docFreq(new Term(Field.RECOVERED.fieldName(), "true"));
      if (recovered > 0 && !params.recovered()) {
        err.printf("%s: %,d event%s recovered from EVTX slack space left out; --recovered hunts them too%n", hunt.id(),
            recovered, recovered == 1 ? "" : "s");
      }
      return results;
    }
  }
}
