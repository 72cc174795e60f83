package org.huntindex.hunts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.huntindex.exec.PlanExecutor;
import org.huntindex.index.EventDocuments;
import org.huntindex.index.IndexBuilder;
import org.huntindex.index.IndexWriterFactory;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.plan.Limit;
import org.huntindex.plan.Plan;
import org.huntindex.schema.Field;
import org.huntindex.source.Evidence;
import org.huntindex.source.JsonRecordReader;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

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

  /**
   * Writes the events as JSON lines under {@code dir}, reads them back as records, and indexes them as the ingest
   * pipeline would had they been recovered from EVTX slack space.
   */
  static TestIndex ofRecoveredEvents(Path dir, List<?> events) throws IOException {
    Path input = dir.resolve("events.json");
    Json.writeLines(input, events);
    List<RawRecord> records = Collections.synchronizedList(new ArrayList<>());
    new JsonRecordReader().read(new Evidence(input.toString(), input, () -> Files.newInputStream(input)),
        new RecordSink() {
          @Override
          public void accept(RawRecord record) {
            records.add(record);
          }

          @Override
          public void error(ReadError error) {
            throw new AssertionError(error);
          }
        });
    records.sort(Comparator.comparingLong(RawRecord::position));
    Path index = Files.createDirectories(dir.resolve("index"));
    Normalizer normalizer = new Normalizer();
    try (IndexWriter writer = IndexWriterFactory.open(index)) {
      for (RawRecord r : records) {
        Event e = normalizer.normalize(r.recovered(true));
        e.set(Field.EVENT_SEQUENCE, r.position());
        writer.addDocument(EventDocuments.of(e));
      }
      writer.commit();
    }
    return new TestIndex(index);
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

  /** Runs the hunt with its defaults, over the events recovered from slack space too. */
  List<Map<String, Object>> runWithRecovered(Hunt hunt, Limit limit) throws IOException {
    return executor.run(hunt.plan(new Params(hunt, Map.of(), true, null)).withLimit(limit));
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
