package org.huntindex.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** External programs tests compare against (Debian's {@code libevtx-utils}, {@code python3-evtx}). */
public final class Tools {
  private Tools() {}

  /** Whether an executable of that name is on the {@code PATH}. */
  public static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
