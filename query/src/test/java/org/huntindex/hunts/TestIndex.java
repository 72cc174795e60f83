package org.huntindex.hunts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.huntindex.exec.PlanExecutor;
import org.huntindex.index.IndexBuilder;
import org.huntindex.plan.Limit;
import org.huntindex.plan.Plan;

/** A real index built through the real ingest path in a temporary directory, and hunts run on it. */
final class TestIndex implements AutoCloseable {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private final Path index;
  private final DirectoryReader reader;
  private final PlanExecutor executor;

  private TestIndex(Path index) throws IOException {
    this.index = index;
    this.reader = DirectoryReader.open(FSDirectory.open(index));
    this.executor = new PlanExecutor(new IndexSearcher(reader));
  }

  /** Writes the events as JSON lines under {@code dir} and indexes them. */
  static TestIndex ofEvents(Path dir, List<?> events) throws IOException {
    Path input = dir.resolve("events.json");
    Json.writeLines(input, events);
    return of(dir, List.of(input));
  }

  /** Indexes the evidence paths into {@code dir/index}. */
  static TestIndex of(Path dir, List<Path> evidence) throws IOException {
    Path index = Files.createDirectories(dir.resolve("index"));
    new IndexBuilder(index, IndexBuilder.Options.defaults(QUIET)).index(evidence);
    return new TestIndex(index);
  }

  List<Map<String, Object>> run(Hunt hunt, Map<String, List<String>> params, Limit limit) throws IOException {
    Plan plan = hunt.plan(new Params(hunt, params)).withLimit(limit);
    return executor.run(plan);
  }

  List<Map<String, Object>> run(Hunt hunt) throws IOException {
    return run(hunt, Map.of(), Limit.NONE);
  }

  Path path() {
    return index;
  }

  int segments() {
    return reader.leaves().size();
  }

  int docs() {
    return reader.numDocs();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
