package org.huntindex.source.evtx;

import static org.huntindex.source.evtx.EvtxFixture.put32;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.huntindex.source.RawRecord;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The reader on the project's real EVTX files: counts against MANIFEST.tsv, and the hard and malformed samples. */
class EvtxRealDataTest {
  /**
   * Deliberately damaged samples where both oracles (libevtx, python-evtx) stop at the first broken record of a chunk;
   * this reader skips to the next intact record, so it must find at least the manifest's count.
   */
  private static final Set<String> ORACLES_STOP_EARLY =
      Set.of("sample_with_a_bad_chunk_magic.evtx", "sample-with-zero-data-size-event.evtx");
  private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

  @Test
  void liveRecordAndEventCountsMatchTheManifest() throws Exception {
    Path real = SharedData.realData();
    List<String> mismatches = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    int recovered = 0;
    int files = 0;
    List<String> manifest = Files.readAllLines(real.resolve("MANIFEST.tsv"));
    for (String line : manifest.subList(1, manifest.size())) {
      String[] col = line.split("\t", -1);
      if (!col[3].equals("evtx")) {
        continue;
      }
      files++;
      Path file = real.resolve(col[0]).resolve(col[1]);
      CollectingSink sink = new CollectingSink();
      new EvtxReader().read(file, sink);
      List<RawRecord> live = sink.live();
      long events = Long.parseLong(col[6]);
      boolean countOk = ORACLES_STOP_EARLY.contains(file.getFileName().toString())
          ? live.size() >= events : live.size() == events;
      Map<String, long[]> counts = Map.of(
          "sec4688", new long[] {Long.parseLong(col[7]), count(live, "Security", 4688)},
          "sysmon1", new long[] {Long.parseLong(col[9]), count(live, SYSMON, 1)},
          "sysmon3", new long[] {Long.parseLong(col[11]), count(live, SYSMON, 3)},
          "sysmon22", new long[] {Long.parseLong(col[13]), count(live, SYSMON, 22)});
      if (!countOk) {
        mismatches.add(col[1] + ": events " + live.size() + " != " + events);
      }
      Set<String> liveIds = live.stream().map(EvtxRealDataTest::idAndTime).collect(Collectors.toSet());
      for (RawRecord r : sink.records) {
        if (r.recovered()) {
          recovered++;
          if (liveIds.contains(idAndTime(r))) {
            copies.add(col[1] + " record " + idAndTime(r));
          }
        }
      }
      counts.forEach((name, c) -> {
        if (c[0] != c[1]) {
          mismatches.add(col[1] + ": " + name + " " + c[1] + " != " + c[0]);
        }
      });
    }
    assertTrue(files > 50, "manifest lists " + files + " evtx files");
    assertEquals(List.of(), mismatches);
    assertTrue(recovered > 2000, recovered + " records recovered");
    assertEquals(List.of(), copies, "recovered records that are slack copies of live ones");
  }

  private static String idAndTime(RawRecord r) {
    return r.position() + " at " + r.get("System.TimeCreated.SystemTime");
  }

  private static long count(List<RawRecord> records, String channel, long eventId) {
    return records.stream()
        .filter(r -> channel.equals(r.get("System.Channel")) && Long.valueOf(eventId).equals(r.get("System.EventID")))
        .count();
  }

  @Test
  void hardAndMalformedFilesYieldRecordsAndPositionedErrorsWithoutThrowing() throws Exception {
    Path real = SharedData.realData();
    List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(real.resolve("evtx-to-mitre-attack/HARD_FILES.txt"))) {
      if (!line.isBlank()) {
        files.add(real.resolve("evtx-to-mitre-attack").resolve(line.split("\t")[0]));
      }
    }
    assertEquals(14, files.size());
    int hard = files.size();
    try (var samples = Files.list(real.resolve("omerbenamram-evtx-samples"))) {
      samples.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(files::add);
    }
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      CollectingSink sink = new CollectingSink();
      new EvtxReader().read(file, sink);
      assertFalse(sink.live().isEmpty(), file + " gave no records; errors " + sink.errorText());
      List<RawRecord> wellFormed = i < hard ? sink.live()
          : sink.live().stream().filter(RawRecord::checksumOk).toList();
      for (RawRecord r : wellFormed) {
        assertNotNull(r.get("System.EventID"), file + " record " + r.position() + " has no EventID");
        assertInstanceOf(java.time.Instant.class, r.get("System.TimeCreated.SystemTime"), file + " " + r.position());
      }
      for (RawRecord r : sink.records) {
        assertTrue(r.size() > 0, file + " record " + r.position() + " is empty");
      }
      sink.errors.forEach(e -> {
        assertEquals(file.toString(), e.location());
        assertTrue(e.position().matches("chunk \\d+ offset 0x[0-9a-f]+|chunks \\d+-\\d+|byte \\d+"), e.toString());
      });
    }
  }

  /**
   * Live records of real files turned into slack (the chunk's free-space offset moved before them), with their template
   * instance pointing at another template's definition or at the chunk header, as when newer records overwrite an
   * older one's definition: each must decode to exactly the fields it had live, plus the note of the template it
   * borrowed; and with an id the chunk has no template for, to values it had live, without their names.
   */
  @Test
  void aLiveRecordTurnedToSlackWithItsDefinitionOverwrittenDecodesToTheSameFields() throws Exception {
    Path samples = SharedData.realData().resolve("omerbenamram-evtx-samples");
    int checked = 0;
    for (String name : List.of("security.evtx", "sysmon.evtx", "Application_no_crc32.evtx", "new-user-security.evtx")) {
      byte[] file = Files.readAllBytes(samples.resolve(name));
      for (int at = 4096; at + ChunkDecoder.CHUNK_SIZE <= file.length; at += ChunkDecoder.CHUNK_SIZE) {
        checked += turnRecordsToSlack(name, Arrays.copyOfRange(file, at, at + ChunkDecoder.CHUNK_SIZE));
      }
    }
    assertTrue(checked > 150, checked + " records checked");
  }

  /** Checks up to five records of the chunk whose definitions lie in records before them; returns how many. */
  private static int turnRecordsToSlack(String file, byte[] chunk) {
    if (!new String(chunk, 0, 7, StandardCharsets.US_ASCII).equals("ElfChnk")) {
      return 0;
    }
    Map<Long, RawRecord> live = new HashMap<>();
    CollectingSink original = new CollectingSink();
    original.take(new ChunkDecoder().decode(chunk, chunk.length, 0, file, true));
    original.live().forEach(r -> live.put(r.position(), r));
    int free = LittleEndian.i32(chunk, 48);
    List<Integer> definitions = new ArrayList<>();
    int checked = 0;
    int pos = ChunkDecoder.HEADER_SIZE;
    while (pos + 28 <= free && LittleEndian.i32(chunk, pos) == 0x2a2a && checked < 5) {
      int size = LittleEndian.i32(chunk, pos + 4);
      int instance = pos + 24 + (chunk[pos + 24] == 0x0f ? 4 : 0);
      if (size < 28 || pos + size > free || chunk[instance] != 0x0c) {
        break;
      }
      long id = LittleEndian.i64(chunk, pos + 8);
      int definition = LittleEndian.i32(chunk, instance + 6);
      int elsewhere = definitions.stream().filter(d -> d != definition).findFirst().orElse(0);
      if (definition == instance + 10) {
        definitions.add(definition);
      } else if (definition < pos && live.containsKey(id)) {
        byte[] copy = chunk.clone();
        put32(copy, 48, pos);
        put32(copy, instance + 6, elsewhere);
        CollectingSink sink = new CollectingSink();
        sink.take(new ChunkDecoder().decode(copy, copy.length, 0, file, true));
        List<RawRecord> recovered = sink.records.stream().filter(r -> r.position() == id).toList();
        assertEquals(1, recovered.size(), file + " record " + id + ": " + sink.errorText());
        RawRecord r = recovered.getFirst();
        RawRecord expected = live.get(id);
        assertTrue(r.recovered());
        assertEquals(expected.size() + 1, r.size(), file + " record " + id);
        for (int f = 0; f < expected.size(); f++) {
          assertEquals(expected.name(f), r.name(f), file + " record " + id);
          assertEquals(expected.value(f), r.value(f), file + " record " + id + " " + expected.name(f));
        }
        assertEquals(FieldKeys.RECOVERY_TEMPLATE, r.name(expected.size()));

        // and with an id the chunk has no template for: its values, without names, are values the live record had
        put32(copy, instance + 2, LittleEndian.i32(chunk, instance + 2) ^ 0x5a5a5a5a);
        CollectingSink bare = new CollectingSink();
        bare.take(new ChunkDecoder().decode(copy, copy.length, 0, file, true));
        RawRecord unnamed = bare.records.stream().filter(x -> x.position() == id).findFirst().orElseThrow();
        List<Object> liveValues = new ArrayList<>();
        for (int f = 0; f < expected.size(); f++) {
          liveValues.add(expected.value(f));
        }
        List<Object> values = bare.all(unnamed, FieldKeys.RECOVERY_VALUE);
        assertFalse(values.isEmpty(), file + " record " + id);
        for (Object v : values) {
          assertTrue(liveValues.remove(v), file + " record " + id + ": " + v + " not among " + liveValues);
        }
        checked++;
      }
      pos += size;
    }
    return checked;
  }

  @Test
  void damagedSamplesReportTheirDamage() throws Exception {
    Path samples = SharedData.realData().resolve("omerbenamram-evtx-samples");
    CollectingSink badMagic = new CollectingSink();
    new EvtxReader().read(samples.resolve("sample_with_a_bad_chunk_magic.evtx"), badMagic);
    assertTrue(badMagic.errorText().contains("no chunk signature"), badMagic.errorText());
    assertTrue(badMagic.live().size() >= 270);

    CollectingSink badCache = new CollectingSink();
    new EvtxReader().read(samples.resolve("security_bad_string_cache.evtx"), badCache);
    assertTrue(badCache.errorText().contains("chunk 0 offset 0x7c: chunk header CRC mismatch"), badCache.errorText());
    assertEquals(2261, badCache.live().size());
    assertFalse(badCache.live().getFirst().checksumOk());

    CollectingSink noCrc = new CollectingSink();
    new EvtxReader().read(samples.resolve("Application_no_crc32.evtx"), noCrc);
    assertTrue(noCrc.live().stream().allMatch(RawRecord::checksumOk));
  }

  @Test
  void parallelAndSingleThreadedDecodeAgree() throws Exception {
    Path file = SharedData.realData().resolve("omerbenamram-evtx-samples/security.evtx");
    CollectingSink parallel = new CollectingSink();
    new EvtxReader().read(file, parallel);
    CollectingSink single = new CollectingSink();
    EvtxReader.singleThreaded().read(file, single);
    assertEquals(single.records.size(), parallel.records.size());
    for (int i = 0; i < single.records.size(); i++) {
      RawRecord a = single.records.get(i);
      RawRecord b = parallel.records.get(i);
      assertEquals(a.position(), b.position());
      assertEquals(a.size(), b.size());
      for (int f = 0; f < a.size(); f++) {
        assertEquals(a.name(f), b.name(f));
        assertEquals(a.value(f), b.value(f));
      }
    }
    assertEquals(single.errors, parallel.errors);
  }
}
