package org.huntindex.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huntindex.bench.reference.Collection;
import org.huntindex.bench.reference.Expected;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hunts as DuckDB SQL return the reference models' rows on the bundled sample, K37 aside (RE2's ASCII \b). */
class SqlTest {
  @TempDir
  static Path tmp;
  static Expected.Results reference;
  static DuckDb db;

  static Path sample() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data/sample"))) {
        return p.resolve("data/sample");
      }
    }
    throw new IllegalStateException("no data/sample above " + Path.of("").toAbsolutePath());
  }

  @BeforeAll
  static void load() throws Exception {
    reference = Expected.compute(sample());
    db = DuckDb.open(tmp.resolve("sample.duckdb"), false);
    db.load(Collection.find(sample(), Collection.SECURITY), Collection.find(sample(), Collection.SYSMON));
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void huntBAsWindowFunctionsIsTheStateMachine() throws Exception {
    assertEquals(Rows.reference(reference, Expected.FAITHFUL_B), db.hunt(Expected.FAITHFUL_B));
  }

  @Test
  void huntAIntendedAsTokensIsTheReference() throws Exception {
    assertEquals(Rows.reference(reference, Expected.INTENDED_A), db.hunt(Expected.INTENDED_A));
  }

  @Test
  void huntAFaithfulDiffersOnlyOnK37WhereRe2HasAnAsciiWordBoundary() throws Exception {
    List<String> expected = new ArrayList<>(Rows.reference(reference, Expected.FAITHFUL_A));
    boolean removed = expected.removeIf(r -> r.contains("ping é8.8.8.8 1.1.1.11"));
    assertEquals(true, removed, "the sample plants K37");
    assertEquals(expected, db.hunt(Expected.FAITHFUL_A));
  }
}
