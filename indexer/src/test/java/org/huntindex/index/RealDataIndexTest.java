package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indexes all of {@code shared/data/real} once (JSON archives and EVTX files) and checks every file's counts against
 * MANIFEST.tsv: events, Security 4688, Sysmon 1, 3 and 22. Records recovered from EVTX slack space count apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataIndexTest {
  private static final Set<String> DAMAGED =
      Set.of("sample_with_a_bad_chunk_magic.evtx", "sample-with-zero-data-size-event.evtx");

  @TempDir static Path tmp;
  private IndexStats stats;
  private Path root;

  @BeforeAll
  void indexAll() throws IOException {
    root = SharedData.realData();
    var log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new IndexBuilder(tmp.resolve("idx"), new IndexBuilder.Options(2, false, false, log)).index(List.of(root));
    stats = IndexStats.of(tmp.resolve("idx"));
  }

  @org.junit.jupiter.api.Test
  void recoveredRecordsAreCountedApartFromEvents() {
    long perFile = stats.byFile().values().stream().mapToLong(IndexStats.FileCounts::events).sum();
    assertEquals(stats.events(), perFile);
    assertTrue(stats.recovered() > 0, "the real EVTX samples have slack-space records");
    assertEquals(stats.events(), stats.byFormat().values().stream().mapToLong(Long::longValue).sum());
    java.util.Set<String> channels = new java.util.HashSet<>();
    stats.byChannel().keySet().forEach(c -> assertTrue(channels.add(org.huntindex.schema.Ascii.lower(c)),
        "two spellings of " + c + " in " + stats.byChannel().keySet()));
    assertEquals(stats.byChannelCode().entrySet().stream().filter(e -> e.getKey().startsWith("security/"))
        .mapToLong(Map.Entry::getValue).sum(), stats.byChannel().get("Security"), "Security and security, together");
  }

  Stream<Map<String, String>> rows() {
    return SharedData.manifest().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void countsMatchTheManifest(Map<String, String> row) {
    String prefix = SharedData.fileOf(row).toString();
    long events = 0;
    long sec4688 = 0;
    long sysmon1 = 0;
    long sysmon3 = 0;
    long sysmon22 = 0;
    for (var e : stats.byFile().entrySet()) {
      if (!e.getKey().equals(prefix) && !e.getKey().startsWith(prefix + "!/")) {
        continue;
      }
      Map<String, Long> codes = e.getValue().byChannelCode();
      events += e.getValue().events();
      sec4688 += codes.getOrDefault("security/4688", 0L);
      sysmon1 += codes.getOrDefault("microsoft-windows-sysmon/operational/1", 0L);
      sysmon3 += codes.getOrDefault("microsoft-windows-sysmon/operational/3", 0L);
      sysmon22 += codes.getOrDefault("microsoft-windows-sysmon/operational/22", 0L);
    }
    if (DAMAGED.contains(row.get("file"))) {
      // libevtx and python-evtx stop at the first broken record of a chunk; the reader goes on past it.
      assertTrue(events >= Long.parseLong(row.get("events")), "events " + events);
    } else {
      assertEquals(Long.parseLong(row.get("events")), events, "events");
    }
    assertEquals(Long.parseLong(row.get("sec4688")), sec4688, "sec4688");
    assertEquals(Long.parseLong(row.get("sysmon1")), sysmon1, "sysmon1");
    assertEquals(Long.parseLong(row.get("sysmon3")), sysmon3, "sysmon3");
    assertEquals(Long.parseLong(row.get("sysmon22")), sysmon22, "sysmon22");
  }
}
