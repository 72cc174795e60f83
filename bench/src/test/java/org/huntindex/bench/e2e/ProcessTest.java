package org.huntindex.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTest {
  @TempDir Path tmp;

  @Test
  void liveIsTheMostAFullGcKeptAndFullestIsTheMostBeforeAnyGc() throws IOException {
    Path log = Files.write(tmp.resolve("gc.log"), List.of(
        "[7.8s][info][gc] GC(0) Pause Young (Allocation Failure) 96M->14M(362M) 8.6ms",
        "[29.9s][info][gc] GC(77) Pause Full (Allocation Failure) 959M->211M(651M) 88.0ms",
        "[31.0s][info][gc] GC(78) Pause Young (Allocation Failure) 990M->532M(829M) 11.7ms",
        "[44.6s][info][gc] GC(132) Pause Full (Ergonomics) 980M->256M(666M) 67.0ms"));
    assertEquals(990L << 20, Process.peak(log, 1, false));
    assertEquals(256L << 20, Process.live(log));
  }

  @Test
  void withoutAFullGcLiveIsTheMostAfterAYoungOne() throws IOException {
    Path log = Files.write(tmp.resolve("gc.log"), List.of(
        "[7.8s][info][gc] GC(0) Pause Young (Allocation Failure) 96M->14M(362M) 8.6ms",
        "[8.1s][info][gc] GC(1) Pause Young (Allocation Failure) 109M->17M(362M) 8.6ms"));
    assertEquals(17L << 20, Process.live(log));
    assertEquals(0, Process.live(tmp.resolve("none.log")));
  }
}
