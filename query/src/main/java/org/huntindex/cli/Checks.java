package org.huntindex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.huntindex.index.IngestManifest;

/** Argument checks shared by the commands, with messages that say what to do. */
final class Checks {
  private Checks() {}

  /** The index directory, or an error when there is no index there. */
  static Path existingIndex(Path index) {
    if (!Files.isDirectory(index) || !Files.exists(index.resolve(IngestManifest.FILE_NAME))) {
      throw new IllegalArgumentException("no index at " + index + " (create one with: hunt index -i " + index
          + " PATH...)");
    }
    return index;
  }
}
