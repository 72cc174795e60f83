package org.huntindex.source.evtx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the project's shared real test data ({@code ../shared/data/real}) or skips the test with a message. */
final class SharedData {
  private SharedData() {}

  static Path real() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data").resolve("real");
      if (dir.getParent() != null && Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "shared test data (../shared/data/real) not found above " + Path.of("").toAbsolutePath()
        + ": skipping tests on real EVTX files");
    return null;
  }

  static List<Path> allEvtx() throws IOException {
    try (Stream<Path> files = Files.walk(real())) {
      return files.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
    }
  }
}
