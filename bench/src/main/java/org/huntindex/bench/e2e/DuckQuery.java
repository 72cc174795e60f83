package org.huntindex.bench.e2e;

import java.nio.file.Path;

/**
 * One hunt as a whole DuckDB JDBC process, the peer of one {@code hunt run} process: opens the database file read-only,
 * runs the hunt's SQL, prints one line per row. Usage: {@code DuckQuery DB HUNT}.
 */
public final class DuckQuery {
  private DuckQuery() {}

  public static void main(String[] args) throws Exception {
    try (DuckDb db = DuckDb.open(Path.of(args[0]), true)) {
      StringBuilder out = new StringBuilder();
      for (String row : db.hunt(args[1])) {
        out.append(row).append('\n');
      }
      System.out.print(out);
    }
  }
}
