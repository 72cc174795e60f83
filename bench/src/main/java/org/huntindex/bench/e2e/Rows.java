package org.huntindex.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huntindex.bench.reference.EqlSequence;
import org.huntindex.bench.reference.Expected;
import org.huntindex.bench.reference.Json;
import org.huntindex.bench.reference.KqlHunt;
import org.huntindex.bench.reference.KqlRow;

/**
 * One canonical text per result row, so that three engines' outputs compare as lists of strings: the reference models,
 * the hunt engine's NDJSON, and DuckDB's rows. Sets compare sorted; a set cut by {@code makeset}'s cap of 128 compares
 * by its size only (which 128 are kept is unspecified); evidence locations are left out.
 */
final class Rows {
  private Rows() {}

  static String kql(long hostCount, String ip, String process, String commandLine, String first, String last,
      List<String> hosts, List<String> accounts) {
    return hostCount + " | " + ip + " | " + process + " | " + commandLine + " | " + first + " | " + last + " | "
        + set(hosts) + " | " + set(accounts);
  }

  static String eql(String key, String startId, String networkId) {
    return key + " | " + startId + " -> " + networkId;
  }

  private static String set(List<String> values) {
    return values.size() >= KqlHunt.SET_CAP ? "(" + KqlHunt.SET_CAP + " of a larger set)"
        : values.stream().sorted().toList().toString();
  }

  /** The reference models' rows for one hunt. */
  static List<String> reference(Expected.Results r, String hunt) {
    List<String> out = new ArrayList<>();
    switch (hunt) {
      case Expected.FAITHFUL_B -> {
        for (EqlSequence s : r.faithfulB()) {
          out.add(eql(s.joinKey(), s.start().eventId(), s.network().eventId()));
        }
      }
      default -> {
        for (KqlRow k : hunt.equals(Expected.FAITHFUL_A) ? r.faithfulA() : r.intendedA()) {
          out.add(kql(k.hostCount(), k.ip(), k.process(), k.commandLine(), k.firstSeen(), k.lastSeen(),
              k.allHosts(), k.allAccounts()));
        }
      }
    }
    return out;
  }

  /** The hunt engine's NDJSON output for one hunt. */
  @SuppressWarnings("unchecked")
  static List<String> engine(String ndjson, String hunt) {
    List<String> out = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> m = (Map<String, Object>) Json.parse(line);
      if (hunt.equals(Expected.FAITHFUL_B)) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) m.get("events");
        out.add(eql(((List<String>) m.get("join_keys")).get(0), (String) events.get(0).get("event.id"),
            (String) events.get(events.size() - 1).get("event.id")));
      } else {
        out.add(kql(((Number) m.get("Host_count")).longValue(), (String) m.get("IP"), (String) m.get("Process"),
            (String) m.get("CommandLine"), (String) m.get("FirstSeen"), (String) m.get("LastSeen"),
            (List<String>) m.get("Hosts"), (List<String>) m.get("Accounts")));
      }
    }
    return out;
  }
}
