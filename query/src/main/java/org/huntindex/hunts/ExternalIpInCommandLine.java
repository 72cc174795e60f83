package org.huntindex.hunts;

import java.util.ArrayList;
import java.util.List;
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
 * Hunt A as its author meant it: every public address in the command line of cmd.exe or PowerShell, IPv4 and IPv6,
 * wherever it stands in the text (the addresses the indexer found, not the first regex match), with the evidence of
 * each group.
 */
public final class ExternalIpInCommandLine implements Hunt {
  /**
   * Not public: unspecified, private, shared (CGNAT), loopback, link-local, documentation, benchmarking, multicast,
   * reserved; IPv4 blocks cover IPv4-mapped IPv6 too.
   */
  static final List<String> NOT_PUBLIC = List.of(
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
      "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "224.0.0.0/4", "240.0.0.0/4",
      "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "fc00::/7",
      "fe80::/10", "fec0::/10", "ff00::/8");
  static final int EVIDENCE_CAP = 10;

  @Override
  public String id() {
    return "external-ip-in-command-line";
  }

  @Override
  public String title() {
    return "External IP address in Command Line (as intended: every public IPv4/IPv6 address in the command line)";
  }

  @Override
  public String source() {
    return "Azure/Azure-Sentinel: Hunting Queries/SecurityEvent/ExternalIPaddressinCommandLine.yaml"
        + " (its intent, not its letter)";
  }

  @Override
  public String reads() {
    return "Security 4688 (SecurityEvent): Process, process.command_line.ip (found at ingest), Computer, Account, time";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.list("process", List.of("cmd.exe", "powershell"), "Process has_any these (Kusto terms)"),
        Param.list("exclude-cidr", List.of(), "further CIDR blocks to leave out (known-good ranges)"),
        Param.integer("cap", 128, "Hosts/Accounts size cap"));
  }

  @Override
  public Plan plan(Params p) {
    List<String> processes = p.list("process");
    Condition filter = p.events(Condition.equalsTo(Field.EVENT_CODE, 4688), Condition.exists(Field.COMMAND_LINE_IP));
    List<String> excluded = new ArrayList<>(NOT_PUBLIC);
    p.list("exclude-cidr").stream().filter(c -> !c.isEmpty()).forEach(excluded::add);
    Extract extract = new Extract(new Extract.EachAddress(Field.COMMAND_LINE_IP),
        List.of(new ValueTest.OutsideCidrs(excluded)));
    return new Plan.Aggregation(Filter.of(filter).confirmedBy(new Residual.KustoHasAny(Field.KQL_PROCESS, processes)),
        extract, SentinelExternalIpInCommandLine.aggregate(p.integer("cap"),
            List.of(new Aggregate.Evidence("Evidence", EVIDENCE_CAP))), Limit.NONE);
  }

  @Override
  public List<Column> columns() {
    List<String> names = new ArrayList<>(SentinelExternalIpInCommandLine.COLUMNS);
    names.add("Evidence");
    return SentinelExternalIpInCommandLine.columns(names);
  }
}
