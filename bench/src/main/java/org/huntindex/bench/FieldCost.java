package org.huntindex.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.InvertableType;
import org.apache.lucene.document.StoredValue;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.huntindex.bench.generate.Generator;
import org.huntindex.index.EventDocuments;
import org.huntindex.index.IndexWriterFactory;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.schema.Field;
import org.huntindex.source.Evidence;
import org.huntindex.source.JsonRecordReader;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

/**
 * What each kind of indexed data costs at ingest: the same normalized events indexed into memory on one thread, whole
 * and with one kind of data taken out of every document (stored values, doc values, points, keyword terms, text
 * tokens, raw fields), so the difference to the whole document is that kind's cost.
 *
 * <p>Timed on the calling thread's CPU clock: reading and parsing the JSON lines, normalizing, and per variant building
 * the documents, {@code addDocument} and the final flush (merges run serially on the same thread). Every "without"
 * variant re-wraps each field under a changed type, so it is compared with the whole document re-wrapped the same
 * way. Everything runs in turn for several rounds after a warm-up round; medians per event are reported.
 *
 * <p>Usage: {@code bench/run fieldcost [--events N] [--rounds R] [--seed S]}: generates N events (default 200,000)
 * with the benchmark generator into a temporary directory.
 */
public final class FieldCost {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The variants the others are measured against: as written, and with the same wrapping the "without" ones pay. */
  private static final int WHOLE = 0;
  private static final int REWRAPPED = 3;

  /** One way of indexing: a name and what it does to each document before it is added (null: not added). */
  private record Variant(String name, UnaryOperator<Document> change) {}

  private FieldCost() {}

  public static void main(String[] args) throws Exception {
    int events = 200_000;
    int rounds = 5;
    long seed = 7;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("usage: bench/run fieldcost [--events N] [--rounds R] [--seed S]");
      }
    }
    Path dir = Files.createTempDirectory("fieldcost");
    try {
      Generator.run(Generator.Options.defaults(events / 2, seed, dir));
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir.resolve("sample"))) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      List<Variant> variants = variants();
      double[] read = new double[rounds];
      double[] normalize = new double[rounds];
      double[][] index = new double[variants.size()][rounds];
      for (int round = -1; round < rounds; round++) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        List<RawRecord> records = read(files);
        long t1 = THREADS.getCurrentThreadCpuTime();
        List<Event> normalized = normalize(records);
        long t2 = THREADS.getCurrentThreadCpuTime();
        records = null;
        if (round >= 0) {
          read[round] = (t1 - t0) * 1e-3 / normalized.size();
          normalize[round] = (t2 - t1) * 1e-3 / normalized.size();
        }
        for (int v = 0; v < variants.size(); v++) {
          double us = index(normalized, variants.get(v).change()) * 1e-3 / normalized.size();
          if (round >= 0) {
            index[v][round] = us;
          }
        }
        events = normalized.size();
      }
      print(events, rounds, median(read), median(normalize), variants, index);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static List<Variant> variants() {
    return List.of(
        new Variant("whole document", d -> d),
        new Variant("documents built, none added", d -> null),
        new Variant("empty documents added", d -> new Document()),
        new Variant("whole document, every field re-wrapped", d -> retype(d, t -> {})),
        new Variant("without stored values", d -> retype(d, t -> t.setStored(false))),
        new Variant("without doc values", d -> retype(d, t -> t.setDocValuesType(DocValuesType.NONE))),
        new Variant("without points", d -> retype(d, t -> t.setDimensions(0, 0))),
        new Variant("without keyword terms", d -> retype(d, t -> {
          if (!t.tokenized()) {
            t.setIndexOptions(IndexOptions.NONE);
          }
        })),
        new Variant("without text tokens (command lines)", d -> retype(d, t -> {
          if (t.tokenized()) {
            t.setIndexOptions(IndexOptions.NONE);
          }
        }, Field.RAW.fieldName())),
        new Variant("without raw fields", d -> retype(without(d, Field.RAW.fieldName()), t -> {})));
  }

  /** Nanoseconds of this thread's CPU to build, change and add every event's document, then flush. */
  private static long index(List<Event> events, UnaryOperator<Document> change) throws IOException {
    IndexWriterConfig config = IndexWriterFactory.config();
    config.setMergeScheduler(new SerialMergeScheduler());
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, config)) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (Event e : events) {
        Document doc = change.apply(EventDocuments.of(e));
        if (doc != null) {
          writer.addDocument(doc);
        }
      }
      writer.commit();
      return THREADS.getCurrentThreadCpuTime() - t0;
    }
  }

  private static void print(int events, int rounds, double read, double normalize, List<Variant> variants,
      double[][] index) {
    System.out.printf("fieldcost: %,d events, one thread, CPU time per event, median of %d rounds%n%n", events, rounds);
    System.out.printf("read and parse the JSON lines: %.2f µs/event; normalize: %.2f µs/event%n%n", read, normalize);
    System.out.println("| variant | µs/event | saved | share |");
    System.out.println("|---|---|---|---|");
    for (int v = 0; v < variants.size(); v++) {
      double us = median(index[v]);
      int base = variants.get(v).name().startsWith("without") && v > REWRAPPED ? REWRAPPED : WHOLE;
      double whole = median(index[base]);
      boolean isBase = v == WHOLE || v == REWRAPPED;
      System.out.printf("| %s | %.2f | %s | %s |%n", variants.get(v).name(), us,
          isBase ? "–" : String.format("%.2f", whole - us),
          isBase ? "–" : String.format("%.0f%% of %s", 100 * (whole - us) / whole, variants.get(base).name()));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static List<RawRecord> read(List<Path> files) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(RawRecord record) {
        records.add(record);
      }

      @Override
      public void error(ReadError error) {
        throw new IllegalStateException(error.toString());
      }
    };
    for (Path f : files) {
      new JsonRecordReader().read(new Evidence(f.toString(), f, () -> Files.newInputStream(f)), sink);
    }
    return records;
  }

  private static List<Event> normalize(List<RawRecord> records) {
    Normalizer normalizer = new Normalizer();
    List<Event> out = new ArrayList<>(records.size());
    for (RawRecord r : records) {
      Event e = normalizer.normalize(r);
      e.set(Field.EVENT_SEQUENCE, (long) out.size());
      out.add(e);
    }
    return out;
  }

  private static Document without(Document doc, String name) {
    doc.removeFields(name);
    return doc;
  }

  /** The document with every field's type changed, but for the fields named in {@code keep}. */
  private static Document retype(Document doc, Consumer<FieldType> change, String... keep) {
    Document out = new Document();
    for (IndexableField f : doc) {
      if (Arrays.asList(keep).contains(f.name())) {
        out.add(f);
        continue;
      }
      FieldType type = new FieldType(f.fieldType());
      change.accept(type);
      boolean empty = !type.stored() && type.indexOptions() == IndexOptions.NONE
          && type.docValuesType() == DocValuesType.NONE && type.pointDimensionCount() == 0;
      if (!empty) {
        type.freeze();
        out.add(new Retyped(f, type));
      }
    }
    return out;
  }

  /** A field as it is, under another field type. */
  private record Retyped(IndexableField field, IndexableFieldType fieldType) implements IndexableField {
    @Override
    public String name() {
      return field.name();
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return field.tokenStream(analyzer, reuse);
    }

    @Override
    public BytesRef binaryValue() {
      return field.binaryValue();
    }

    @Override
    public String stringValue() {
      return field.stringValue();
    }

    @Override
    public Reader readerValue() {
      return field.readerValue();
    }

    @Override
    public Number numericValue() {
      return field.numericValue();
    }

    @Override
    public StoredValue storedValue() {
      return fieldType.stored() ? field.storedValue() : null;
    }

    @Override
    public InvertableType invertableType() {
      return field.invertableType();
    }
  }
}
