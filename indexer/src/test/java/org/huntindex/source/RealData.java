package org.huntindex.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real data set: {@code shared/data/real} beside the working directory or one of its parents. */
final class RealData {
  private RealData() {}

  /** The {@code data/real} directory, or null when there is none. */
  static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path real = dir.resolve("shared/data/real");
      if (Files.isDirectory(real)) {
        return real;
      }
    }
    return null;
  }
}
