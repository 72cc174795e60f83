package org.huntindex.hunts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared, read-only test material ({@code ../shared}), found walking up from the working directory. */
final class Shared {
  private Shared() {}

  /** {@code shared/<relative>}, or the test is skipped with a message saying what was missing. */
  static Path require(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "skipped: no shared/" + relative + " above " + Path.of("").toAbsolutePath());
    return null;
  }
}
