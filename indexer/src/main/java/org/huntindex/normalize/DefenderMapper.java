package org.huntindex.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;

/**
 * Microsoft Defender for Endpoint advanced hunting rows, as Defender's portal or Sentinel exports them: {@code
 * DeviceProcessEvents} ({@code ProcessCreated}) as process starts, {@code DeviceNetworkEvents} as connections of their
 * initiating process and {@code DeviceEvents}' {@code DnsQueryResponse} as its DNS queries, in ECS names, so hunt B's
 * sequence runs on them. Defender has no process id that survives reuse, so {@code process.entity_id} is the device,
 * the process id and the process's creation time together, which a process's start and its connections share. Every
 * other row (a file, registry or logon event, an alert's evidence) names its initiating process as {@code process.*},
 * as ECS names the acting process, and keeps its time, device, action and other columns; a logon ({@code
 * DeviceLogonEvents}) is an authentication event whose {@code user.*} is the account that logged on and whose {@code
 * source.ip} is where from, as a Security 4624 or 4625 is. {@code AdditionalFields}, a
 * JSON object that exports write as text, also gives its top-level values as {@code AdditionalFields.<name>}, as a JSON
 * export's object does.
 */
final class DefenderMapper {
  private static final String CREATED = "ProcessCreated";
  private static final String ADDITIONAL = "AdditionalFields";
  /** The queried name in {@code AdditionalFields}, by action: a DNS query's, and an inspected DNS connection's. */
  private static final Map<String, String> QUERY_NAME = Map.of(
      "DnsQueryResponse", ADDITIONAL + ".DnsQueryString", "DnsConnectionInspected", ADDITIONAL + ".query");
  private static final int MAX_ADDITIONAL = 256;
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> TIME = Set.of("Timestamp", "Timestamp [UTC]");

  /** A process start's columns: the new process and, as its parent, the initiating one. */
  private static final Map<String, Field> PROCESS = Map.ofEntries(
      Map.entry("FileName", Field.PROCESS_NAME), Map.entry("FolderPath", Field.PROCESS_EXECUTABLE),
      Map.entry("ProcessCommandLine", Field.PROCESS_COMMAND_LINE), Map.entry("ProcessId", Field.PROCESS_PID),
      Map.entry("AccountName", Field.USER_NAME), Map.entry("AccountDomain", Field.USER_DOMAIN),
      Map.entry("InitiatingProcessFileName", Field.PARENT_NAME),
      Map.entry("InitiatingProcessFolderPath", Field.PARENT_EXECUTABLE),
      Map.entry("InitiatingProcessCommandLine", Field.PARENT_COMMAND_LINE),
      Map.entry("InitiatingProcessId", Field.PARENT_PID));
  /** Every other row's columns (a connection's, a DNS query's, a file or registry change's): the initiating process. */
  private static final Map<String, Field> ACTING = Map.ofEntries(
      Map.entry("InitiatingProcessFileName", Field.PROCESS_NAME),
      Map.entry("InitiatingProcessFolderPath", Field.PROCESS_EXECUTABLE),
      Map.entry("InitiatingProcessCommandLine", Field.PROCESS_COMMAND_LINE),
      Map.entry("InitiatingProcessId", Field.PROCESS_PID),
      Map.entry("InitiatingProcessAccountName", Field.USER_NAME),
      Map.entry("InitiatingProcessAccountDomain", Field.USER_DOMAIN),
      Map.entry("InitiatingProcessParentFileName", Field.PARENT_NAME),
      Map.entry("InitiatingProcessParentId", Field.PARENT_PID),
      Map.entry("RemoteIP", Field.DESTINATION_IP), Map.entry("RemotePort", Field.DESTINATION_PORT),
      Map.entry("LocalIP", Field.SOURCE_IP), Map.entry("LocalPort", Field.SOURCE_PORT));

  /** A logon's columns ({@code DeviceLogonEvents}): the account that logged on, from where, and the acting process. */
  private static final Map<String, Field> LOGON = logonColumns();

  private DefenderMapper() {}

  private static Map<String, Field> logonColumns() {
    Map<String, Field> columns = new java.util.HashMap<>(ACTING);
    columns.remove("InitiatingProcessAccountName");
    columns.remove("InitiatingProcessAccountDomain");
    columns.remove("RemoteIP");
    columns.remove("RemotePort");
    columns.putAll(Map.of("AccountName", Field.USER_NAME, "AccountDomain", Field.USER_DOMAIN,
        "RemoteIP", Field.SOURCE_IP, "RemotePort", Field.SOURCE_PORT));
    return Map.copyOf(columns);
  }

  static boolean matches(RawRecord r) {
    return r.get("DeviceName") != null && r.get("ActionType") != null
        && (r.get("Timestamp") != null || r.get("Timestamp [UTC]") != null);
  }

  static void map(RawRecord r, Event e) {
    String action = Values.text(r.get("ActionType"));
    boolean process = CREATED.equals(action);
    boolean logon = action != null && action.startsWith("Logon");
    boolean dns = "DnsQueryResponse".equals(action);
    boolean connection = !process && !logon && (dns || r.get("RemoteIP") != null);
    Map<String, Field> columns = process ? PROCESS : logon ? LOGON : ACTING;
    for (int i = 0; i < r.size(); i++) {
      String name = r.name(i);
      Object value = r.value(i);
      Field f = columns.get(name);
      if (f != null) {
        EcsMapper.put(f, value, e);
      } else if (TIME.contains(name)) {
        e.set(Field.TIMESTAMP, Ticks.parse(value));
      } else if (name.equals("DeviceName")) {
        e.set(Field.HOST_NAME, Values.text(value));
      } else if (name.equals("ActionType")) {
        e.set(Field.EVENT_ACTION, Values.text(value));
      } else if (name.equals("Protocol") && connection && Values.text(value) instanceof String protocol) {
        e.set(Field.NETWORK_TRANSPORT, protocol.toLowerCase(Locale.ROOT));
      } else if (name.equals(ADDITIONAL) && Values.text(value) instanceof String text && !text.isEmpty()) {
        e.raw(name, text);
        additionalFields(text, e);
      } else {
        String text = Values.text(value);
        if (text != null && !text.isEmpty()) {
          e.raw(name, text);
        }
      }
    }
    String device = Values.text(r.get("DeviceId") != null ? r.get("DeviceId") : r.get("DeviceName"));
    if (process) {
      e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "start");
      setId(e, Field.PROCESS_ENTITY_ID, device, r.get("ProcessId"), r.get("ProcessCreationTime"));
      setId(e, Field.PARENT_ENTITY_ID, device, r.get("InitiatingProcessId"),
          r.get("InitiatingProcessCreationTime"));
    } else {
      if (logon) {
        e.add(Field.EVENT_CATEGORY, "authentication").add(Field.EVENT_TYPE, "start");
        e.set(Field.EVENT_OUTCOME, action.equals("LogonSuccess") ? "success"
            : action.equals("LogonFailed") ? "failure" : null);
      }
      if (connection) {
        e.add(Field.EVENT_CATEGORY, "network").add(Field.EVENT_TYPE, "connection");
        if (dns) {
          e.add(Field.EVENT_TYPE, "protocol").add(Field.EVENT_TYPE, "info").set(Field.NETWORK_PROTOCOL, "dns");
        } else {
          e.set(Field.NETWORK_DIRECTION, action != null && action.startsWith("Inbound") ? "ingress" : "egress");
        }
        String query = QUERY_NAME.get(action);
        for (int i = 0; query != null && i < e.rawSize(); i++) {
          if (e.rawName(i).equals(query)) {
            e.set(Field.DNS_QUESTION_NAME, e.rawValue(i));
            break;
          }
        }
      }
      setId(e, Field.PROCESS_ENTITY_ID, device, r.get("InitiatingProcessId"),
          r.get("InitiatingProcessCreationTime"));
    }
    String path = e.string(Field.PROCESS_EXECUTABLE);
    if (path != null && (path.indexOf(":\\") == 1 || path.startsWith("\\"))) {
      e.set(Field.HOST_OS_TYPE, "windows");
    }
  }

  /** The object's top-level values, at most {@value #MAX_ADDITIONAL}; text that is no JSON object adds nothing. */
  private static void additionalFields(String text, Event e) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      for (int n = 0; n < MAX_ADDITIONAL && p.nextToken() == JsonToken.FIELD_NAME; n++) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL && !p.getText().isEmpty()) {
          e.raw(ADDITIONAL + '.' + name, p.getText());
        }
      }
    } catch (IOException malformed) {
      // the text stays as it is, under AdditionalFields
    }
  }

  /**
   * {@code device|pid|creation time} (the time in UTC with seven digits, however the export wrote it), when all three
   * are known.
   */
  private static void setId(Event e, Field field, String device, Object pid, Object created) {
    Long id = Values.integer(pid);
    Long ticks = Ticks.parse(created);
    if (device != null && id != null && ticks != null) {
      e.set(field, device + '|' + id + '|' + Ticks.format7(ticks));
    }
  }
}
