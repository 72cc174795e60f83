package org.huntindex.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.bench.reference.EqlHunt;
import org.huntindex.bench.reference.IntendedHunt;
import org.huntindex.bench.reference.KqlHunt;

/**
 * The DuckDB side: how the generated files are loaded, and each hunt as one SQL query over the loaded tables.
 *
 * <ul>
 *   <li>Hunt A faithful: {@code regexp_extract} with the query's regex (DuckDB uses RE2: {@code \b} is ASCII, so the
 *       benchmark data has no non-ASCII word character next to a quad — K37 is left out of it); {@code has_any} as a
 *       regex over the lower-cased Process; {@code ipv4_is_private} as a macro returning NULL on anything but a whole
 *       {@code a.b.c.d[/n]}, so {@code NOT NULL} drops the row as in Kusto; {@code makeset} as
 *       {@code list(DISTINCT ...)} with the count capped at 128.
 *   <li>Hunt A intended: quads that are a folder of a Windows path blanked out (versions, not addresses), the command
 *       line split into tokens at characters that cannot be part of an address, tokens that are a dotted quad (with an
 *       optional {@code :port} or full stop) kept, then the NOT_PUBLIC IPv4 blocks left out. IPv4 only: the generated command lines of cmd.exe and PowerShell hold no public IPv6 literal.
 *   <li>Hunt B: the B.4.3 state machine with window functions. Per {@code process.entity_id}, in time order, a
 *       qualifying network event N closes a sequence iff some start S precedes it and no qualifying network event lies
 *       strictly between the latest such S and N (that one would have consumed S); the latest preceding start is
 *       {@code last_value(... IGNORE NULLS)} over {@code ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING}. An event that
 *       is both (E37) consumes first, then becomes the pending start, which the {@code <=} covers. Ordering is by
 *       {@code @timestamp} alone: the generator writes strictly increasing milliseconds, so there are no ties to break.
 *       {@code cidrmatch} is a macro over the IPv4 integer and the RFC 5952 text of IPv6 (as Sysmon writes it).
 * </ul>
 */
final class Sql {
  private static final String QUAD = "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}";
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";

  private Sql() {}

  static String loadSecurity(String file) {
    return "CREATE OR REPLACE TABLE security AS SELECT * FROM read_json('" + file + "', format = 'newline_delimited', "
        + "columns = {TenantId: 'VARCHAR', TimeGenerated: 'VARCHAR', SourceSystem: 'VARCHAR', Account: 'VARCHAR', "
        + "AccountType: 'VARCHAR', Computer: 'VARCHAR', EventSourceName: 'VARCHAR', Channel: 'VARCHAR', "
        + "EventID: 'INTEGER', Activity: 'VARCHAR', SubjectUserSid: 'VARCHAR', SubjectUserName: 'VARCHAR', "
        + "SubjectDomainName: 'VARCHAR', SubjectLogonId: 'VARCHAR', NewProcessId: 'VARCHAR', NewProcessName: 'VARCHAR', "
        + "TokenElevationType: 'VARCHAR', ProcessId: 'VARCHAR', CommandLine: 'VARCHAR', ParentProcessName: 'VARCHAR', "
        + "MandatoryLabel: 'VARCHAR', Process: 'VARCHAR', Status: 'VARCHAR', ProcessName: 'VARCHAR', "
        + "TargetUserSid: 'VARCHAR', TargetUserName: 'VARCHAR', TargetDomainName: 'VARCHAR', LogonType: 'INTEGER', "
        + "LogonProcessName: 'VARCHAR', AuthenticationPackageName: 'VARCHAR', WorkstationName: 'VARCHAR', "
        + "IpAddress: 'VARCHAR', IpPort: 'VARCHAR', SubStatus: 'VARCHAR', FailureReason: 'VARCHAR', "
        + "Application: 'VARCHAR', Direction: 'VARCHAR', SourceAddress: 'VARCHAR', "
        + "SourcePort: 'VARCHAR', DestAddress: 'VARCHAR', DestPort: 'VARCHAR', Protocol: 'VARCHAR', "
        + "FilterRTID: 'VARCHAR', LayerName: 'VARCHAR', LayerRTID: 'VARCHAR', Type: 'VARCHAR'})";
  }

  static String loadSysmon(String file) {
    String proc = "STRUCT(entity_id VARCHAR, pid BIGINT, executable VARCHAR, name VARCHAR, command_line VARCHAR)";
    return "CREATE OR REPLACE TABLE sysmon AS SELECT * FROM read_json('" + file + "', format = 'newline_delimited', "
        + "columns = {\"@timestamp\": 'TIMESTAMP', "
        + "event: 'STRUCT(id VARCHAR, code VARCHAR, kind VARCHAR, provider VARCHAR, module VARCHAR, dataset VARCHAR, "
        + "category VARCHAR[], type VARCHAR[], action VARCHAR)', "
        + "host: 'STRUCT(name VARCHAR, os STRUCT(type VARCHAR, family VARCHAR, build VARCHAR))', "
        + "process: 'STRUCT(entity_id VARCHAR, pid BIGINT, executable VARCHAR, name VARCHAR, command_line VARCHAR, "
        + "parent " + proc + ")', "
        + "user: 'STRUCT(name VARCHAR, domain VARCHAR)', source: 'STRUCT(ip VARCHAR, port INTEGER)', "
        + "destination: 'STRUCT(ip VARCHAR, port INTEGER)', "
        + "network: 'STRUCT(transport VARCHAR, direction VARCHAR, type VARCHAR, protocol VARCHAR)', "
        + "dns: 'STRUCT(question STRUCT(name VARCHAR))', dll: 'STRUCT(path VARCHAR, name VARCHAR)', "
        + "file: 'STRUCT(path VARCHAR, name VARCHAR)', registry: 'STRUCT(path VARCHAR, value VARCHAR)'})";
  }

  /** Macros every hunt query uses; run once per connection. */
  static List<String> macros() {
    List<String> m = new ArrayList<>();
    m.add("CREATE OR REPLACE TEMP MACRO v4int(s) AS (CAST(split_part(s, '.', 1) AS BIGINT) * 16777216 "
        + "+ CAST(split_part(s, '.', 2) AS BIGINT) * 65536 + CAST(split_part(s, '.', 3) AS BIGINT) * 256 "
        + "+ CAST(split_part(s, '.', 4) AS BIGINT))");
    m.add("CREATE OR REPLACE TEMP MACRO v4ok(s) AS (regexp_full_match(s, '" + QUAD + "') "
        + "AND CAST(split_part(s, '.', 1) AS INT) <= 255 AND CAST(split_part(s, '.', 2) AS INT) <= 255 "
        + "AND CAST(split_part(s, '.', 3) AS INT) <= 255 AND CAST(split_part(s, '.', 4) AS INT) <= 255)");
    // ipv4_is_private: NULL unless the whole string is a.b.c.d[/n] with octets <= 255 and n <= 32.
    m.add("CREATE OR REPLACE TEMP MACRO kql_masked(s, p) AS "
        + "(CASE WHEN p = 0 THEN 0 ELSE (v4int(s) >> (32 - p)) << (32 - p) END)");
    m.add("CREATE OR REPLACE TEMP MACRO kql_private_masked(v) AS "
        + "((v >> 24) = 10 OR (v >> 20) = 2753 OR (v >> 16) = 49320)");
    m.add("CREATE OR REPLACE TEMP MACRO ipv4_is_private(s) AS (CASE "
        + "WHEN NOT regexp_full_match(s, '" + QUAD + "(/[0-9]{1,2})?') THEN NULL "
        + "WHEN NOT v4ok(split_part(s, '/', 1)) THEN NULL "
        + "WHEN contains(s, '/') AND CAST(split_part(s, '/', 2) AS INT) > 32 THEN NULL "
        + "ELSE kql_private_masked(kql_masked(split_part(s, '/', 1), "
        + "CASE WHEN contains(s, '/') THEN CAST(split_part(s, '/', 2) AS INT) ELSE 32 END)) END)");
    m.add("CREATE OR REPLACE TEMP MACRO eql_v4_excluded(v) AS (" + v4Blocks(EqlHunt.CIDRS) + ")");
    m.add("CREATE OR REPLACE TEMP MACRO eql_cidr_any(ip) AS (CASE "
        + "WHEN ip IS NULL THEN false "
        + "WHEN v4ok(ip) THEN eql_v4_excluded(v4int(ip)) "
        + "WHEN lower(ip) LIKE '::ffff:%' AND v4ok(substr(ip, 8)) THEN eql_v4_excluded(v4int(substr(ip, 8))) "
        + "WHEN contains(ip, ':') THEN ip = '::1' OR regexp_full_match(lower(ip), 'fe[89ab][0-9a-f]:.*') "
        + "OR regexp_full_match(lower(ip), 'ff[0-9a-f]{2}:.*') "
        + "ELSE false END)");
    m.add("CREATE OR REPLACE TEMP MACRO intended_v4_not_public(v) AS (" + v4Blocks(IntendedHunt.NOT_PUBLIC) + ")");
    m.add("CREATE OR REPLACE TEMP MACRO kql_has_any(p) AS (regexp_matches(lower(coalesce(p, '')), "
        + "'(^|[^a-z0-9])(cmd\\.exe|powershell)($|[^a-z0-9])'))");
    return m;
  }

  /** An OR of IPv4 CIDR tests on an integer {@code v}; IPv6 entries are skipped. */
  private static String v4Blocks(List<String> cidrs) {
    List<String> tests = new ArrayList<>();
    for (String c : cidrs) {
      if (c.contains(":")) {
        continue;
      }
      String addr = c.contains("/") ? c.substring(0, c.indexOf('/')) : c;
      int len = c.contains("/") ? Integer.parseInt(c.substring(c.indexOf('/') + 1)) : 32;
      String[] o = addr.split("\\.");
      long v = Long.parseLong(o[0]) << 24 | Long.parseLong(o[1]) << 16 | Long.parseLong(o[2]) << 8 | Long.parseLong(o[3]);
      tests.add("(v >> " + (32 - len) + ") = " + (v >> (32 - len)));
    }
    return String.join(" OR ", tests);
  }

  /** Hunt A faithful; columns Host_count, IP, Process, CommandLine, FirstSeen, LastSeen, Hosts, Accounts. */
  static String faithfulA() {
    return "WITH r AS (SELECT TimeGenerated, Computer, coalesce(Account, '') AS Account, coalesce(Process, '') AS Process, "
        + "CommandLine, regexp_extract(CommandLine, '" + KqlHunt.REGEX.replace("'", "''") + "', 1) AS IP "
        + "FROM security WHERE EventID = 4688 AND kql_has_any(Process)) "
        + "SELECT least(count(DISTINCT Computer), " + KqlHunt.SET_CAP + ") AS Host_count, IP, Process, CommandLine, "
        + "min(TimeGenerated) AS FirstSeen, max(TimeGenerated) AS LastSeen, list(DISTINCT Computer) AS Hosts, "
        + "list(DISTINCT Account) AS Accounts FROM r WHERE IP <> '' AND ipv4_is_private(IP) = false "
        + "GROUP BY IP, CommandLine, Process ORDER BY Host_count DESC, IP, CommandLine, Process";
  }

  /** Hunt A intended (IPv4); same columns. */
  static String intendedA() {
    return "WITH r AS (SELECT TimeGenerated, Computer, coalesce(Account, '') AS Account, coalesce(Process, '') AS Process, "
        + "CommandLine, unnest(string_split_regex(" + withoutVersionFolders("CommandLine") + ", '[^\\p{L}\\p{N}_.:]+')) AS tok "
        + "FROM security WHERE EventID = 4688 AND kql_has_any(Process) AND regexp_matches(CommandLine, '[0-9]\\.[0-9]')), "
        + "a AS (SELECT *, regexp_extract(tok, '^(" + OCTET + "(?:\\." + OCTET + "){3})(?::[0-9]*)?\\.?$', 1) AS IP FROM r) "
        + "SELECT least(count(DISTINCT Computer), " + KqlHunt.SET_CAP + ") AS Host_count, IP, Process, CommandLine, "
        + "min(TimeGenerated) AS FirstSeen, max(TimeGenerated) AS LastSeen, list(DISTINCT Computer) AS Hosts, "
        + "list(DISTINCT Account) AS Accounts FROM a WHERE IP <> '' AND NOT intended_v4_not_public(v4int(IP)) "
        + "GROUP BY IP, CommandLine, Process ORDER BY Host_count DESC, IP, CommandLine, Process";
  }

  /**
   * The text with every quad that is a folder of a Windows path ({@code \EdgeUpdate\1.3.185.29\}: a version, not
   * an address; {@code \\host\} stays) blanked out. Applied twice, as a match consumes the backslash after its quad.
   */
  private static String withoutVersionFolders(String column) {
    String rx = "'([^\\\\])\\\\" + OCTET + "(?:\\." + OCTET + "){3}\\\\'"; // ([^\\])\\quad\\ in the SQL text
    String once = "regexp_replace(%s, " + rx + ", '\\1\\\\_\\\\', 'g')";
    return once.formatted(once.formatted(column));
  }

  /** Hunt B; columns join_key, start_id, network_id, start_ts, network_ts, ascending by the network event. */
  static String faithfulB() {
    String dns = String.join(", ", EqlHunt.DNS.stream().map(d -> "'" + d + "'").toList());
    return "WITH ev AS (SELECT \"@timestamp\" AS ts, event.id AS id, process.entity_id AS k, "
        + "(list_contains(event.category, 'process') AND host.os.type = 'windows' "
        + "AND lower(process.name) = 'cmd.exe' AND list_contains(event.type, 'start')) AS s1, "
        + "(list_contains(event.category, 'network') AND host.os.type = 'windows' AND lower(process.name) = 'cmd.exe' "
        + "AND NOT coalesce(eql_cidr_any(destination.ip), false) "
        + "AND NOT coalesce(lower(dns.question.name) IN (" + dns + "), false)) AS s2 "
        + "FROM sysmon WHERE process.entity_id IS NOT NULL), "
        + "c AS (SELECT * FROM ev WHERE s1 OR s2), "
        + "w AS (SELECT *, last_value(CASE WHEN s1 THEN id END IGNORE NULLS) OVER win AS start_id, "
        + "last_value(CASE WHEN s1 THEN ts END IGNORE NULLS) OVER win AS start_ts, "
        + "max(CASE WHEN s1 THEN ts END) OVER win AS last_s1, max(CASE WHEN s2 THEN ts END) OVER win AS last_s2 "
        + "FROM c WINDOW win AS (PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) "
        + "SELECT k AS join_key, start_id, id AS network_id, strftime(start_ts, '%Y-%m-%dT%H:%M:%S.%gZ') AS start_ts, "
        + "strftime(ts, '%Y-%m-%dT%H:%M:%S.%gZ') AS network_ts FROM w "
        + "WHERE s2 AND last_s1 IS NOT NULL AND (last_s2 IS NULL OR last_s2 <= last_s1) ORDER BY ts";
  }
}
