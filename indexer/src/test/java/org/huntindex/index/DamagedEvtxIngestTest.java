package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;
import org.huntindex.source.evtx.ByteArrayChannel;
import org.huntindex.source.evtx.EvtxReader;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Real EVTX files with random bytes overwritten: whatever records the reader still decodes (values of the wrong type,
 * times out of range, half-broken names) must normalize and become documents, since an exception there would drop the
 * record from the index.
 */
class DamagedEvtxIngestTest {
  private static final int ROUNDS = 60;

  private final Normalizer normalizer = new Normalizer();
  private final EvtxReader reader = EvtxReader.singleThreaded();

  @Test
  void everyRecordDecodedFromADamagedFileBecomesADocument() throws Exception {
    Path real = SharedData.realData();
    SplittableRandom random = new SplittableRandom(4688);
    long records = 0;
    long cleanRecords = 0;
    for (String name : List.of("post-Security.evtx", "sysmon.evtx")) {
      byte[] clean = Files.readAllBytes(real.resolve("omerbenamram-evtx-samples").resolve(name));
      cleanRecords += ingest(clean, name);
      for (int round = 0; round < ROUNDS; round++) {
        byte[] damaged = clean.clone();
        for (int flips = 1 + random.nextInt(64); flips > 0; flips--) {
          damaged[4096 + random.nextInt(damaged.length - 4096)] = (byte) random.nextInt(256);
        }
        records += ingest(damaged, name + " (round " + round + ")");
      }
    }
    // Most of each file survives a few dozen flipped bytes: the records were really exercised.
    assertTrue(records > ROUNDS * cleanRecords / 2, "records decoded: " + records + " of " + ROUNDS * cleanRecords);
  }

  /** Decodes the file, normalizing each record and building its document; fails on any exception; records decoded. */
  private long ingest(byte[] file, String location) {
    List<String> failures = new ArrayList<>();
    long[] decoded = new long[1];
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(RawRecord record) {
        decoded[0]++;
        try {
          Event e = normalizer.normalize(record);
          e.set(Field.EVENT_SEQUENCE, decoded[0]);
          EventDocuments.of(e);
        } catch (RuntimeException ex) {
          failures.add(location + " record " + record.position() + ": " + ex);
        }
      }

      @Override
      public void error(ReadError error) {
        // damage is expected to be reported; what matters here is what was decoded
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(new ByteArrayChannel(file), location, sink));
    assertTrue(failures.isEmpty(), failures.toString());
    return decoded[0];
  }
}
