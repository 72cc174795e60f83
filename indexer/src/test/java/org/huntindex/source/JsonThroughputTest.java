package org.huntindex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Measures JSON lines parsing on real Mordor data; prints records/s to stderr (no threshold: shared machines vary). */
class JsonThroughputTest {
  private static final String FILE =
      "otrf-security-datasets/datasets/compound/LSASS_campaign_01/metasploit_logonpasswords_lsass_memory_dump.zip";
  private static final int EVENTS = 53698;

  /** Counts without keeping, so the measure is the reader's. */
  private static final class CountingSink implements RecordSink {
    final AtomicLong records = new AtomicLong();
    final AtomicLong fields = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    @Override
    public void accept(RawRecord record) {
      records.incrementAndGet();
      fields.addAndGet(record.size());
    }

    @Override
    public void error(ReadError error) {
      errors.incrementAndGet();
    }
  }

  @Test
  void parsesMordorLinesFast() throws IOException {
    Path real = RealData.locate();
    assumeTrue(real != null, "shared/data/real not found: skipped");
    byte[][] content = new byte[1][];
    new EvidenceWalker().walk(List.of(real.resolve(FILE)), e -> content[0] = e.open().readAllBytes(), e -> {});
    JsonRecordReader reader = new JsonRecordReader();
    for (int round = 0; round < 6; round++) {
      CountingSink sink = new CountingSink();
      long start = System.nanoTime();
      reader.read(Fixtures.evidence("lsass.json", content[0]), sink);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(EVENTS, sink.records.get());
      assertEquals(0, sink.errors.get());
      System.err.printf("JSON lines, in memory, 1 thread: %d records (%d fields, %.0f MB) in %.3f s = %.0f records/s, %.0f MB/s%n",
          sink.records.get(), sink.fields.get(), content[0].length / 1e6, seconds, sink.records.get() / seconds,
          content[0].length / 1e6 / seconds);
    }
    CountingSink sink = new CountingSink();
    EvidenceReaders readers = EvidenceReaders.standard();
    long start = System.nanoTime();
    new EvidenceWalker().walk(List.of(real.resolve(FILE)), e -> readers.read(e, sink), e -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(EVENTS, sink.records.get());
    System.err.printf("walker + unzip + JSON, 1 thread: %.0f records/s%n", sink.records.get() / seconds);
  }
}
