package org.huntindex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** Argument checks shared by the commands, with messages that say what to do. */
final class Checks {
  private Checks() {}

  /** The index directory, or an error when there is no index there. */
  static Path existingIndex(Path index) throws IOException {
    if (Files.isDirectory(index)) {
      try (var dir = FSDirectory.open(index)) {
        if (DirectoryReader.indexExists(dir)) {
          return index;
        }
      }
    }
    throw new IllegalArgumentException("no index at " + index + " (create one with: hunt index -i " + index
        + " PATH...)");
  }

  /** The directory an index is written to, new or existing; an error when it names a file. */
  static Path indexToWrite(Path index) {
    if (Files.exists(index) && !Files.isDirectory(index)) {
      throw new IllegalArgumentException(index + " is a file; -i names the index directory (hunt index -i IDX PATH...)");
    }
    return index;
  }
}
