package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Indexes every OTRF archive once and checks each file's counts against MANIFEST.tsv. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtrfIndexTest {
  @TempDir static Path tmp;
  private IndexStats stats;
  private Path root;

  @BeforeAll
  void indexAll() throws IOException {
    root = SharedData.realData().resolve("otrf-security-datasets");
    var log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new IndexBuilder(tmp.resolve("idx"), new IndexBuilder.Options(2, false, false, log)).index(List.of(root));
    stats = IndexStats.of(tmp.resolve("idx"));
  }

  Stream<Map<String, String>> rows() {
    return SharedData.manifest().stream().filter(r -> r.get("source").equals("otrf-security-datasets"));
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
    assertEquals(Long.parseLong(row.get("events")), events, "events");
    assertEquals(Long.parseLong(row.get("sec4688")), sec4688, "sec4688");
    assertEquals(Long.parseLong(row.get("sysmon1")), sysmon1, "sysmon1");
    assertEquals(Long.parseLong(row.get("sysmon3")), sysmon3, "sysmon3");
    assertEquals(Long.parseLong(row.get("sysmon22")), sysmon22, "sysmon22");
  }
}
