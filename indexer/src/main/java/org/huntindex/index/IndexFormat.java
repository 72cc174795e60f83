package org.huntindex.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The layout of the documents this build writes and reads, kept in every commit: an index written in another layout
 * is refused with a message, never misread.
 */
public final class IndexFormat {
  /**
   * 2: raw source fields as one blob per event; single-valued keywords and addresses with sorted doc values. 3: doc
   * values for {@code log.file.line}, so evidence locations come from doc values alone. 4: schema values stored as one
   * blob per event; no lower-cased ({@code .lc}) or Kusto-term ({@code .terms}) twins. 5: a raw pair too long to be a
   * term is indexed by its value's tokens.
   */
  public static final int CURRENT = 5;
  static final String COMMIT_KEY = "huntindex.format";

  private IndexFormat() {}

  /** A reader over the index's latest commit, after checking its layout. */
  public static DirectoryReader open(Path indexDir) throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir));
    try {
      check(indexDir, reader.getIndexCommit().getUserData());
      return reader;
    } catch (IOException e) {
      reader.close();
      throw e;
    }
  }

  /** Throws unless the commit's user data names this build's layout (a commit without one is layout 1). */
  static void check(Path indexDir, Map<String, String> commitData) throws IOException {
    String found = commitData.getOrDefault(COMMIT_KEY, "1");
    if (!found.equals(Integer.toString(CURRENT))) {
      throw new IOException(indexDir + ": index layout " + found + ", but this build reads layout " + CURRENT
          + "; index the evidence again into a new index directory");
    }
  }
}
