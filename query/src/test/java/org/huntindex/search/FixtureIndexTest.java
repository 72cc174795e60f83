package org.huntindex.search;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class over the search fixture collection, indexed once per class through the real ingest path. */
abstract class FixtureIndexTest {
  @TempDir static Path tmp;
  static SearchIndex idx;

  @BeforeAll
  static void index() throws IOException {
    idx = SearchIndex.open(SearchFixture.index(tmp));
  }

  @AfterAll
  static void close() throws IOException {
    idx.close();
  }
}
