package org.huntindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;

/**
 * Normalizes and indexes raw records on all cores: the reading thread hands over batches in evidence order, each
 * already numbered with its {@code event.sequence}; workers turn them into documents for the one {@link IndexWriter}.
 * At most {@code 2 × workers} batches are in flight, so memory stays bounded whatever the input size.
 */
final class IngestPipeline implements AutoCloseable {
  private static final int BATCH = 256;

  private final IndexWriter writer;
  private final RecordKeys keys;
  private final Normalizer normalizer = new Normalizer();
  private final ExecutorService workers;
  private final Semaphore inFlight;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong indexed = new AtomicLong();
  private List<RawRecord> records = new ArrayList<>(BATCH);
  private long[] sequences = new long[BATCH];
  private IngestManifest.FileEntry file;

  IngestPipeline(IndexWriter writer, int threads, RecordKeys keys) {
    this.writer = writer;
    this.keys = keys;
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ingest");
      t.setDaemon(true);
      return t;
    });
    this.inFlight = new Semaphore(2 * threads);
  }

  /** Starts the records of one evidence file; its entry counts what gets indexed and what fails. */
  void begin(IngestManifest.FileEntry entry) {
    flush();
    this.file = entry;
  }

  /** Queues one record; called from the reading thread only, in evidence order. */
  void add(RawRecord record, long sequence) {
    sequences[records.size()] = sequence;
    records.add(record);
    if (records.size() == BATCH) {
      flush();
    }
  }

  /** Hands over the partial batch, so everything added so far will be indexed. */
  void flush() {
    if (records.isEmpty()) {
      return;
    }
    List<RawRecord> batch = records;
    long[] seq = sequences;
    IngestManifest.FileEntry entry = file;
    records = new ArrayList<>(BATCH);
    sequences = new long[BATCH];
    inFlight.acquireUninterruptibly();
    try {
      workers.execute(() -> {
        try {
          index(batch, seq, entry);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          inFlight.release();
        }
      });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
    rethrow();
  }

  private void index(List<RawRecord> batch, long[] seq, IngestManifest.FileEntry entry) throws IOException {
    for (int i = 0; i < batch.size(); i++) {
      RawRecord r = batch.get(i);
      Document doc;
      try {
        Event e = normalizer.normalize(r);
        if (keys != null && !keys.firstSeen(e)) {
          entry.duplicate();
          continue;
        }
        e.set(Field.EVENT_SEQUENCE, seq[i]);
        doc = EventDocuments.of(e);
      } catch (RuntimeException ex) {
        entry.skipped(new ReadError(r.location(), position(r), "cannot normalize: " + ex));
        continue;
      }
      try {
        writer.addDocument(doc);
      } catch (IllegalArgumentException ex) {
        entry.skipped(new ReadError(r.location(), position(r), "rejected by the index: " + ex.getMessage()));
        continue;
      }
      entry.indexed(r.recovered());
      indexed.incrementAndGet();
    }
  }

  private static String position(RawRecord r) {
    return (r.format().equals("evtx") ? "record " : "line ") + r.position();
  }

  /** Waits until every handed-over batch is indexed. */
  void drain() {
    flush();
    int permits = (int) inFlightCapacity();
    inFlight.acquireUninterruptibly(permits);
    inFlight.release(permits);
    rethrow();
  }

  long indexed() {
    return indexed.get();
  }

  private long inFlightCapacity() {
    return 2L * ((java.util.concurrent.ThreadPoolExecutor) workers).getCorePoolSize();
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw new UncheckedIOException(io);
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }

  @Override
  public void close() throws InterruptedException {
    drain();
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.MINUTES);
  }
}
