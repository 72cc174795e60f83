package org.huntindex.bench.e2e;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.huntindex.bench.reference.Expected;

/** A DuckDB database file holding the generated collection, and the hunts as SQL over it (see {@link Sql}). */
final class DuckDb implements AutoCloseable {
  private final Connection conn;

  private DuckDb(Connection conn) throws SQLException {
    this.conn = conn;
    try (Statement s = conn.createStatement()) {
      for (String m : Sql.macros()) {
        s.execute(m);
      }
    }
  }

  static DuckDb open(Path db, boolean readOnly) throws SQLException {
    Properties p = new Properties();
    if (readOnly) {
      p.setProperty("duckdb.read_only", "true");
    }
    return new DuckDb(DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p));
  }

  /** Loads both files into tables {@code security} and {@code sysmon}. */
  void load(Path security, Path sysmon) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(Sql.loadSecurity(security.toAbsolutePath().toString()));
      s.execute(Sql.loadSysmon(sysmon.toAbsolutePath().toString()));
      s.execute("CHECKPOINT");
    }
  }

  long count(String table) throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Runs one hunt's SQL; returns its rows in canonical form (see {@link Rows}). */
  List<String> hunt(String hunt) throws SQLException {
    String sql = switch (hunt) {
      case Expected.FAITHFUL_A -> Sql.faithfulA();
      case Expected.INTENDED_A -> Sql.intendedA();
      case Expected.FAITHFUL_B -> Sql.faithfulB();
      default -> throw new IllegalArgumentException("unknown hunt " + hunt);
    };
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        if (hunt.equals(Expected.FAITHFUL_B)) {
          out.add(Rows.eql(r.getString(1), r.getString(2), r.getString(3)));
        } else {
          out.add(Rows.kql(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
              r.getString(6), strings(r.getArray(7)), strings(r.getArray(8))));
        }
      }
    }
    return out;
  }

  private static List<String> strings(Array a) throws SQLException {
    return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
