package org.huntindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;

/**
 * Normalizes and indexes records on all cores into the one {@link IndexWriter}.
 *
 * <p>Two ways in. Records read on the reading thread (CSV, EVTX, JSON documents) are queued with {@link #add} and
 * handed to workers in batches. Work that produces records itself (a batch of JSON lines to parse) is given to
 * {@link #execute} and runs on a worker, whose records are indexed right there with {@link #indexNow}, so a line is
 * parsed, normalized and indexed by one thread. At most {@code 2 × workers} tasks are in flight: memory stays bounded
 * whatever the input size, and the reading thread waits when the workers are behind.
 */
final class IngestPipeline implements AutoCloseable {
  private static final int BATCH = 256;

  private final IndexWriter writer;
  private final RecordKeys keys;
  private final Normalizer normalizer = new Normalizer();
  private final ExecutorService workers;
  private final int permits;
  private final Semaphore inFlight;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private List<RawRecord> records = new ArrayList<>(BATCH);
  private long[] sequences = new long[BATCH];
  private IngestManifest.FileEntry file;

  IngestPipeline(IndexWriter writer, int threads, RecordKeys keys) {
    this.writer = writer;
    this.keys = keys;
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new WorkerThread(r);
      t.setDaemon(true);
      return t;
    });
    this.permits = 2 * threads;
    this.inFlight = new Semaphore(permits);
  }

  /** Worker threads, so a sink can tell it is called from inside {@link #execute}. */
  private static final class WorkerThread extends Thread {
    WorkerThread(Runnable r) {
      super(r, "ingest");
    }
  }

  /** True on a worker thread, where records are indexed with {@link #indexNow}. */
  static boolean onWorker() {
    return Thread.currentThread() instanceof WorkerThread;
  }

  /** Starts the records of one evidence file; its entry counts what gets indexed and what fails. */
  void begin(IngestManifest.FileEntry entry) {
    flush();
    this.file = entry;
  }

  /** Queues one record read on the reading thread, in evidence order. */
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
    execute(() -> {
      for (int i = 0; i < batch.size(); i++) {
        indexNow(batch.get(i), seq[i], entry);
      }
    });
  }

  /** Runs a task on a worker, waiting while {@code 2 × workers} tasks are already in flight. */
  void execute(Runnable task) {
    rethrow();
    inFlight.acquireUninterruptibly();
    try {
      workers.execute(() -> {
        try {
          task.run();
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
  }

  /** Normalizes and indexes one record on the calling worker; a record that cannot be indexed is counted and skipped. */
  void indexNow(RawRecord r, long sequence, IngestManifest.FileEntry entry) {
    Document doc;
    try {
      Event e = normalizer.normalize(r);
      if (keys != null && !keys.firstSeen(e)) {
        entry.duplicate();
        return;
      }
      e.set(Field.EVENT_SEQUENCE, sequence);
      doc = EventDocuments.of(e);
    } catch (RuntimeException ex) {
      entry.skipped(new ReadError(r.location(), position(r), "cannot normalize: " + ex));
      return;
    }
    try {
      writer.addDocument(doc);
    } catch (IllegalArgumentException ex) {
      entry.skipped(new ReadError(r.location(), position(r), "rejected by the index: " + ex.getMessage()));
      return;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    entry.indexed(r.recovered());
  }

  private static String position(RawRecord r) {
    return (r.format().equals("evtx") ? "record " : "line ") + r.position();
  }

  /** Waits until every task handed over so far is done. */
  void drain() {
    flush();
    inFlight.acquireUninterruptibly(permits);
    inFlight.release(permits);
    rethrow();
  }

  /**
   * Writes the in-memory segments to disk on all workers at once, so that the commit that follows does not flush them
   * one after another on the calling thread; waits until done.
   */
  void flushBuffers() {
    drain();
    for (int i = 0; i < permits / 2; i++) {
      execute(() -> {
        try {
          while (writer.flushNextBuffer()) {
            // one in-memory segment written per call
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    drain();
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t instanceof UncheckedIOException io) {
      throw io;
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
    try {
      drain();
    } finally {
      workers.shutdown();
      workers.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
