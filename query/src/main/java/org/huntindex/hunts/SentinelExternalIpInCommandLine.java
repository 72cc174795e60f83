package org.huntindex.hunts;

import java.util.List;
import java.util.Set;
import org.huntindex.extract.KqlIpv4Extractor;
import org.huntindex.plan.Aggregate;
import org.huntindex.plan.Condition;
import org.huntindex.plan.Extract;
import org.huntindex.plan.Filter;
import org.huntindex.plan.Limit;
import org.huntindex.plan.Plan;
import org.huntindex.plan.Residual;
import org.huntindex.plan.ValueTest;
import org.huntindex.render.Column;
import org.huntindex.schema.Field;

/**
 * Hunt A as Sentinel runs it (HUNTS.md part A): {@code EventID == 4688}, {@code Process has_any (processes)}, group 1
 * of the first regex match, {@code not(ipv4_is_private)} with null dropping the row, the exclusion prefixes, then
 * {@code summarize} by IP, CommandLine, Process with {@code makeset} capped at 128, sorted by Host_count.
 */
public final class SentinelExternalIpInCommandLine implements Hunt {
  static final List<String> COLUMNS =
      List.of("Host_count", "IP", "Process", "CommandLine", "FirstSeen", "LastSeen", "Hosts", "Accounts");

  @Override
  public String id() {
    return "sentinel-external-ip-in-command-line";
  }

  @Override
  public String title() {
    return "External IP address in Command Line (Sentinel KQL, faithful, quirks included)";
  }

  @Override
  public String source() {
    return "Azure/Azure-Sentinel: Hunting Queries/SecurityEvent/ExternalIPaddressinCommandLine.yaml";
  }

  @Override
  public String reads() {
    return "Security 4688 (SecurityEvent): Process, CommandLine, Computer, Account, TimeGenerated";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.list("process", List.of("cmd.exe", "powershell"), "Process has_any these (Kusto terms)"),
        Param.text("regex", KqlIpv4Extractor.REGEX, "regex whose group 1 is the IP (default: the query's)"),
        Param.list("exclude-prefix", List.of(""), "has_any_ipv4_prefix exclusion_ranges (default [\"\"]: none)"),
        Param.integer("cap", 128, "makeset size cap"));
  }

  @Override
  public Plan plan(Params p) {
    List<String> processes = p.list("process");
    Condition filter = p.events(Condition.equalsTo(Field.EVENT_CODE, 4688));
    Extract.Source ip;
    if (p.text("regex").equals(KqlIpv4Extractor.REGEX)) {
      filter = Condition.all(filter, Condition.exists(Field.KQL_IP));
      ip = new Extract.Indexed(Field.KQL_IP);
    } else {
      ip = new Extract.FirstMatch(Field.PROCESS_COMMAND_LINE, p.text("regex"), 1);
    }
    Extract extract = new Extract(ip,
        List.of(new ValueTest.NotPrivateIpv4(), new ValueTest.NoIpv4Prefix(p.list("exclude-prefix"))));
    return new Plan.Aggregation(Filter.of(filter).confirmedBy(new Residual.KustoHasAny(Field.KQL_PROCESS, processes)),
        extract, aggregate(p.integer("cap"), List.of()), Limit.NONE);
  }

  /** The summarize, sort and project-reorder of hunt A, plus any extra measures (appended as last columns). */
  static Aggregate aggregate(int cap, List<Aggregate.Measure> extra) {
    List<Aggregate.Measure> measures = new java.util.ArrayList<>(List.of(
        new Aggregate.Earliest(Field.TIMESTAMP, "FirstSeen", 7),
        new Aggregate.Latest(Field.TIMESTAMP, "LastSeen", 7),
        new Aggregate.DistinctSet(Field.HOST_NAME, "Hosts", cap),
        new Aggregate.DistinctSet(Field.KQL_ACCOUNT, "Accounts", cap),
        new Aggregate.SetSize("Hosts", "Host_count")));
    measures.addAll(extra);
    List<String> columns = new java.util.ArrayList<>(COLUMNS);
    extra.forEach(m -> columns.add(m.name()));
    return new Aggregate(
        List.of(new Aggregate.ExtractedKey("IP"), new Aggregate.FieldKey(Field.PROCESS_COMMAND_LINE, "CommandLine"),
            new Aggregate.FieldKey(Field.KQL_PROCESS, "Process")),
        measures,
        List.of(new Aggregate.Order("Host_count", true), new Aggregate.Order("IP", false),
            new Aggregate.Order("CommandLine", false), new Aggregate.Order("Process", false)),
        columns);
  }

  @Override
  public List<Column> columns() {
    return columns(COLUMNS);
  }

  /** Hunt A's columns: free text and lists narrow first in a table. */
  static List<Column> columns(List<String> names) {
    Set<String> text = Set.of("Process", "CommandLine", "Hosts", "Accounts");
    return names.stream().map(n -> n.equals("Evidence") ? Column.evidence(n, r -> r.get(n))
        : text.contains(n) ? Column.of(n).narrowedFirst() : Column.of(n)).toList();
  }
}
