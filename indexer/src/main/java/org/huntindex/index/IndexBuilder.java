package org.huntindex.index;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.lucene.index.IndexWriter;
import org.huntindex.source.Evidence;
import org.huntindex.source.EvidenceReaders;
import org.huntindex.source.EvidenceWalker;
import org.huntindex.source.Format;
import org.huntindex.source.Printable;
import org.huntindex.source.RecordReader;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;
import org.huntindex.source.evtx.EvtxEvidenceReader;
import org.huntindex.source.evtx.EvtxReader;

/**
 * Ingests evidence paths into an index directory: walks them, skips files the manifest already holds, reads every
 * record, and indexes it through the {@link IngestPipeline}; then commits the events and the manifest together.
 *
 * <p>Bad input never stops a run: each problem is reported with its location on the error stream, counted against its
 * file in the manifest, and reading goes on. Only a failure to write the index stops it, and then nothing of this run
 * is committed: what an earlier run indexed stays as it was.
 */
public final class IndexBuilder {
  /**
   * {@code event.sequence} is {@code entry << ENTRY_SHIFT | position}: the evidence entry's ordinal (files and archive
   * entries numbered in walk order, continuing across runs), then the line for text formats or the record's place in
   * the file for EVTX.
   */
  public static final int ENTRY_SHIFT = 40;
  private static final int MAX_ERRORS_PRINTED_PER_FILE = 20;
  /** Files skipped as no event log that the end-of-run note names. */
  private static final int NOT_EVIDENCE_NAMED = 3;

  /**
   * How to run.
   *
   * @param threads workers that normalize and index
   * @param dedupeRecords drop Windows records already indexed under the same host, channel and record id, in any format
   * @param progress show a progress bar on the error stream
   * @param log where errors, notes and the summary go
   */
  public record Options(int threads, boolean dedupeRecords, boolean progress, PrintStream log) {
    public static Options defaults(PrintStream log) {
      return new Options(Math.max(1, Runtime.getRuntime().availableProcessors()), false, false, log);
    }
  }

  private final Path indexDir;
  private final Options options;
  private final RecordReader evtx = new EvtxEvidenceReader(new EvtxReader());

  public IndexBuilder(Path indexDir, Options options) {
    this.indexDir = indexDir;
    this.options = options;
  }

  public IngestReport index(List<Path> inputs) throws IOException {
    Instant start = Instant.now();
    Files.createDirectories(indexDir);
    IngestManifest manifest = IngestManifest.load(indexDir);
    Run run = new Run(manifest);
    try (IndexWriter writer = IndexWriterFactory.open(indexDir)) {
      RecordKeys keys = options.dedupeRecords() ? RecordKeys.load(writer) : null;
      try (IngestPipeline pipeline = new IngestPipeline(writer, options.threads(), keys);
          FileHashes hashes = new FileHashes();
          ProgressBar bar = options.progress() ? progressBar() : null) {
        run.pipeline = pipeline;
        run.hashes = hashes;
        run.bar = bar;
        List<Path> absolute = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        new EvidenceWalker().leavingOut(indexDir).walk(absolute, run::visit, run::walkError);
        pipeline.flushBuffers();
        hashes.await();
        run.noteTwins();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      manifest.attachTo(writer);
      writer.commit();
    }
    manifest.save(indexDir);
    long events = 0;
    long recovered = 0;
    long skipped = 0;
    long errors = run.orphanErrors.get();
    for (IngestManifest.FileEntry f : run.entries) {
      events += f.events;
      recovered += f.recovered;
      skipped += f.skipped;
      errors += f.errorCount;
    }
    run.noteNotEvidence();
    return new IngestReport(run.entries.size(), run.duplicates, events, recovered, skipped, errors,
        run.notEvidence.get(), Duration.between(start, Instant.now()));
  }

  private ProgressBar progressBar() {
    return new ProgressBarBuilder().setTaskName("indexing").setUnit(" events", 1).setStyle(ProgressBarStyle.ASCII)
        .setInitialMax(-1).showSpeed().continuousUpdate().build();
  }

  /** One run's state while the walker calls back. */
  private final class Run {
    private final IngestManifest manifest;
    private final ArrayList<IngestManifest.FileEntry> entries = new ArrayList<>();
    private final AtomicLong orphanErrors = new AtomicLong();
    private final AtomicLong notEvidence = new AtomicLong();
    /** The first few locations skipped as no event log, for the note. */
    private final List<String> notEvidenceNamed = Collections.synchronizedList(new ArrayList<>());
    private IngestPipeline pipeline;
    private FileHashes hashes;
    private ProgressBar bar;
    private String currentTop;
    private IngestManifest.FileEntry current;
    private long nextOrdinal;
    private long nextEntry;
    private long duplicates;
    private int printed;

    Run(IngestManifest manifest) {
      this.manifest = manifest;
      this.nextOrdinal = manifest.nextOrdinal();
      this.nextEntry = manifest.nextEntry();
    }

    void visit(Evidence evidence) throws IOException {
      String top = topLevel(evidence.location());
      if (!top.equals(currentTop)) {
        startFile(top);
      }
      if (current == null) {
        return;
      }
      EntrySink sink = new EntrySink(this, current, nextEntry++);
      current.entries++;
      EvidenceReaders.standard(pipeline::execute).with(Format.EVTX, evtx).read(evidence, sink);
      pipeline.flush();
    }

    private void startFile(String top) throws IOException {
      pipeline.flush();
      currentTop = top;
      current = null;
      printed = 0;
      Path path = Path.of(top);
      // Only a path indexed before can be skipped as unchanged, so only such a file is hashed before it is read.
      String sha = manifest.hasPath(top) ? FileHashes.of(path) : null;
      if (sha != null && manifest.find(top, sha).isPresent()) {
        duplicates++;
        options.log().println("note: " + Printable.of(top) + " is already indexed (same path and SHA-256): skipped");
        return;
      }
      IngestManifest.FileEntry entry = new IngestManifest.FileEntry();
      entry.ordinal = nextOrdinal++;
      entry.path = top;
      entry.size = Files.size(path);
      entry.sha256 = sha;
      entry.indexedAt = Instant.now().toString();
      entry.firstEntry = nextEntry;
      manifest.add(entry);
      entries.add(entry);
      if (sha == null) {
        hashes.later(entry, path);
      }
      current = entry;
      pipeline.begin(entry);
      if (bar != null) {
        bar.setExtraMessage(" files: " + entries.size());
      }
    }

    /** Notes each file of this run whose content an earlier file already has; needs every digest. */
    void noteTwins() {
      for (IngestManifest.FileEntry entry : entries) {
        manifest.twinOf(entry).ifPresent(twin -> options.log().println(
            "note: " + Printable.of(entry.path) + " has the same content as " + Printable.of(twin.path)
                + "; indexed as evidence of its own"));
      }
    }

    void notEvidence(String location, IngestManifest.FileEntry entry) {
      entry.notEvidence();
      if (notEvidence.incrementAndGet() <= NOT_EVIDENCE_NAMED) {
        notEvidenceNamed.add(location);
      }
    }

    /** One note for every file and entry skipped as no event log, rather than a line each. */
    void noteNotEvidence() {
      long count = notEvidence.get();
      if (count == 0) {
        return;
      }
      List<String> names = notEvidenceNamed.stream().map(l -> Printable.of(Path.of(topLevel(l)).getFileName()
          + (l.contains("!/") ? l.substring(l.indexOf("!/")) : ""))).toList();
      long more = count - names.size();
      options.log().println("note: skipped " + count + (count == 1 ? " file" : " files")
          + " holding no event log (no EVTX, JSON or CSV in content or name): " + String.join(", ", names)
          + (more > 0 ? " and " + more + " more" : ""));
    }

    void error(ReadError error, IngestManifest.FileEntry entry) {
      entry.error(error);
      print(error);
    }

    void walkError(ReadError error) {
      if (current != null && topLevel(error.location()).equals(currentTop)) {
        current.error(error);
      } else {
        orphanErrors.incrementAndGet();
      }
      print(error);
    }

    private synchronized void print(ReadError error) {
      if (printed < MAX_ERRORS_PRINTED_PER_FILE) {
        options.log().println("error: " + error);
      } else if (printed == MAX_ERRORS_PRINTED_PER_FILE) {
        options.log().println("error: " + Printable.of(currentTop) + ": more errors; all are listed in the manifest");
      }
      printed++;
    }
  }

  /**
   * Receives one evidence entry's records, on the reading thread or, for JSON lines, on the worker that parsed them;
   * numbers them into {@code event.sequence} and indexes them.
   */
  private final class EntrySink implements RecordSink {
    private final Run run;
    private final IngestManifest.FileEntry file;
    private final long base;
    private long counter;

    EntrySink(Run run, IngestManifest.FileEntry file, long entryOrdinal) {
      this.run = run;
      this.file = file;
      this.base = entryOrdinal << ENTRY_SHIFT;
    }

    @Override
    public void accept(RawRecord record) {
      long position = record.format().equals("evtx") ? counter++ : record.position();
      long sequence = base | position;
      if (IngestPipeline.onWorker()) {
        run.pipeline.indexNow(record, sequence, file);
      } else {
        run.pipeline.add(record, sequence);
      }
      if (run.bar != null) {
        run.bar.step();
      }
    }

    @Override
    public void error(ReadError error) {
      run.error(error, file);
    }

    @Override
    public void notEvidence(String location, String head) {
      run.notEvidence(location, file);
    }
  }

  /** The file on disk an evidence location belongs to: {@code a.zip!/b.json} belongs to {@code a.zip}. */
  static String topLevel(String location) {
    int bang = location.indexOf("!/");
    return bang < 0 ? location : location.substring(0, bang);
  }
}
