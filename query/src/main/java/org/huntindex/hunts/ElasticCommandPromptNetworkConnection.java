package org.huntindex.hunts;

import java.util.List;
import java.util.Map;
import org.huntindex.exec.EvidenceLocation;
import org.huntindex.plan.Condition;
import org.huntindex.plan.Filter;
import org.huntindex.plan.Limit;
import org.huntindex.plan.Plan;
import org.huntindex.plan.Sequence;
import org.huntindex.render.Column;
import org.huntindex.schema.Field;

/**
 * Hunt B as Elasticsearch EQL runs it (HUNTS.md part B): a process start of cmd.exe followed, for the same
 * {@code process.entity_id}, by a network event of cmd.exe to an address outside the rule's CIDR list and a DNS name
 * outside its exclusions. API mode: every sequence, ascending by the last event; {@code --limit} keeps the most recent.
 */
public final class ElasticCommandPromptNetworkConnection implements Hunt {
  static final List<String> CIDRS = List.of("10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32",
      "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24",
      "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "240.0.0.0/4", "::1", "FE80::/10", "FF00::/8");
  static final List<String> DNS = List.of("wpad", "localhost", "ocsp.comodoca.com", "ocsp.digicert.com",
      "ocsp.sectigo.com", "crl.comodoca.com");
  static final List<Field> SHOWN = List.of(Field.TIMESTAMP, Field.EVENT_CATEGORY, Field.PROCESS_NAME,
      Field.PROCESS_ENTITY_ID, Field.DESTINATION_IP, Field.DNS_QUESTION_NAME, Field.EVENT_ID, Field.LOG_FILE_PATH,
      Field.LOG_FILE_LINE, Field.WINLOG_RECORD_ID, Field.RECOVERED);

  @Override
  public String id() {
    return "elastic-command-prompt-network-connection";
  }

  @Override
  public String title() {
    return "Command Prompt Network Connection (Elastic EQL sequence, faithful)";
  }

  @Override
  public String source() {
    return "elastic/detection-rules: rules/windows/execution_command_prompt_connecting_to_the_internet.toml @ 9c08869";
  }

  @Override
  public String reads() {
    return "process starts and network/DNS events (Sysmon 1/3/22, Elastic Defend, Defender for Endpoint, ECS): "
        + "@timestamp, event.category, event.type, host.os.type, process.name, process.entity_id, destination.ip, "
        + "dns.question.name";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.list("process", List.of("cmd.exe"), "process.name : these (ASCII case-insensitive, * and ? wildcards)"),
        Param.list("exclude-cidr", CIDRS, "not cidrmatch(destination.ip, these)"),
        Param.list("dns-exclude", DNS, "not dns.question.name : these"));
  }

  @Override
  public Plan plan(Params p) {
    Condition windows = Condition.equalsTo(Field.HOST_OS_TYPE, "windows");
    Condition process = Condition.equalsIgnoreCase(Field.PROCESS_NAME, p.list("process"));
    Condition start = p.events(Condition.equalsTo(Field.EVENT_CATEGORY, "process"), windows, process,
        Condition.equalsTo(Field.EVENT_TYPE, "start"));
    List<String> cidrs = p.list("exclude-cidr").stream().filter(c -> !c.isEmpty()).toList();
    List<String> dns = p.list("dns-exclude").stream().filter(c -> !c.isEmpty()).toList();
    List<Condition> network = new java.util.ArrayList<>(
        List.of(Condition.equalsTo(Field.EVENT_CATEGORY, "network"), windows, process));
    if (!cidrs.isEmpty()) {
      network.add(Condition.not(Condition.inCidrs(Field.DESTINATION_IP, cidrs)));
    }
    if (!dns.isEmpty()) {
      network.add(Condition.not(Condition.equalsIgnoreCase(Field.DNS_QUESTION_NAME, dns)));
    }
    Condition connection = p.events(network.toArray(Condition[]::new));
    Sequence seq = new Sequence(Field.PROCESS_ENTITY_ID, List.of(Filter.of(start), Filter.of(connection)),
        Field.TIMESTAMP, Field.EVENT_SEQUENCE, SHOWN);
    return new Plan.Sequencing(seq, Limit.NONE);
  }

  @Override
  public List<Column> columns() {
    return List.of(
        new Column("entity_id", r -> ((List<?>) r.get("join_keys")).get(0)),
        event("start", 0, Field.TIMESTAMP), event("network", 1, Field.TIMESTAMP),
        event("process", 1, Field.PROCESS_NAME), event("destination.ip", 1, Field.DESTINATION_IP),
        event("dns.question.name", 1, Field.DNS_QUESTION_NAME).narrowedFirst(),
        Column.evidence("start_evidence", r -> where(r, 0)), Column.evidence("network_evidence", r -> where(r, 1)));
  }

  private static Column event(String header, int index, Field field) {
    return new Column(header, r -> events(r).get(index).get(field.fieldName()));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> events(Map<String, Object> r) {
    return (List<Map<String, Object>>) r.get("events");
  }

  private static String where(Map<String, Object> r, int index) {
    Map<String, Object> e = events(r).get(index);
    return EvidenceLocation.of(e.get(Field.LOG_FILE_PATH.fieldName()), e.get(Field.LOG_FILE_LINE.fieldName()),
        e.get(Field.WINLOG_RECORD_ID.fieldName()), e.get(Field.RECOVERED.fieldName()) != null);
  }
}
