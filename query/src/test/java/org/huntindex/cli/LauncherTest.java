package org.huntindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code hunt} launcher's guess of whether an {@code index} command line names small evidence (C1 alone) or not
 * (C2 too): its {@code small_evidence} function, run by bash on files of known sizes (sparse, so nothing is written).
 */
class LauncherTest {
  private static final long MIB = 1L << 20;

  @TempDir
  Path tmp;

  private static Path launcher;

  @BeforeAll
  static void findLauncher() {
    for (Path p = Path.of("").toAbsolutePath(); p != null && launcher == null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("hunt")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        launcher = p.resolve("hunt");
      }
    }
    assumeTrue(launcher != null, "skipped: no hunt launcher above " + Path.of("").toAbsolutePath());
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no bash");
  }

  private Path file(String name, long bytes) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(bytes);
    }
    return f;
  }

  /** True when the launcher would run {@code hunt index ARGS} on C1 alone. */
  private static boolean small(Object... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/bin/bash", "-c",
        "set -euo pipefail; eval \"$(sed -n '/^small_evidence()/,/^}/p' \"$0\")\"; small_evidence \"$@\"",
        launcher.toString()));
    for (Object a : args) {
      command.add(a.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    int exit = p.waitFor();
    assertEquals("", out, "small_evidence prints nothing");
    return exit == 0;
  }

  @Test
  void evidenceUnder256MibIsSmallAndOverItIsNot() throws Exception {
    Path folder = file("case/Security.evtx", 200 * MIB).getParent();
    file("case/Sysmon.evtx", 50 * MIB);
    assertTrue(small("-i", tmp.resolve("idx"), folder));
    file("case/System.evtx", 10 * MIB);
    assertFalse(small("-i", tmp.resolve("idx"), folder));
    assertFalse(small(file("big.json", 300 * MIB)));
  }

  @Test
  void compressedEvidenceCountsTenTimesItsSize() throws Exception {
    assertTrue(small(file("export.json.gz", 20 * MIB)));
    assertFalse(small(file("export.zip", 30 * MIB)));
    assertFalse(small(file("logs.TGZ", 26 * MIB)));
    assertTrue(small(file("logs.tar", 200 * MIB)));
  }

  @Test
  void optionValuesAreNotEvidence() throws Exception {
    Path index = file("idx/_0.fdt", 900 * MIB).getParent();
    Path sample = file("sample.jsonl", MIB);
    assertTrue(small("-i", index, sample));
    assertTrue(small("--index", index, "--threads", "2", sample));
    assertTrue(small("--index=" + index, "--no-progress", sample));
    assertFalse(small(index, sample), "an index directory given as evidence counts");
  }

  @Test
  void linksAreFollowedAsTheIndexerFollowsThem() throws Exception {
    Path target = file("elsewhere/big.evtx", 300 * MIB).getParent();
    Path link = Files.createSymbolicLink(tmp.resolve("case-link"), target);
    assertFalse(small(link));
    Path folder = Files.createDirectories(tmp.resolve("case"));
    Files.createSymbolicLink(folder.resolve("linked"), target);
    assertFalse(small(folder));
  }

  @Test
  void noReadableEvidenceIsNotSmall() throws Exception {
    assertFalse(small("-i", tmp.resolve("idx")));
    assertFalse(small(tmp.resolve("missing.evtx")));
  }
}
