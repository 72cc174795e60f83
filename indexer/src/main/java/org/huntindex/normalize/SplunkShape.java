package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huntindex.source.RawRecord;

/**
 * Windows events exported from Splunk as search results (CSV, or JSON rows once their {@code result} is unwrapped) of
 * sourcetype {@code WinEventLog}, the Windows add-on's classic text, or any with an {@code EventCode} (a table of chosen
 * fields may leave the sourcetype out). ({@code XmlWinEventLog} rows carry the event's
 * XML in {@code _raw} and are read as that XML.) {@code _time} is the event time; {@code EventCode}, {@code LogName},
 * {@code ComputerName}, {@code RecordNumber} and {@code Message} its System part, read from the {@code _raw} text's
 * {@code key=value} lines when the export lacks them. The event data is named from the rendered message's labels,
 * which the add-on extracts as fields with underscores ({@code New_Process_Name}): Sysmon's labels are its data names,
 * and Security 4624's, 4625's, 4688's and 5156's are translated by {@link #LABELS}; others stay raw as the add-on named
 * them.
 */
final class SplunkShape implements RecordShape {
  private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
  private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");
  /** At most this many message lines are read for labels. */
  private static final int MAX_LINES = 512;

  /** The subject's and, under a second heading (the target, the new logon, the account that failed), its account. */
  private static final Map<String, List<String>> SUBJECTS = Map.of(
      "Security_ID", List.of("SubjectUserSid", "TargetUserSid"),
      "Account_Name", List.of("SubjectUserName", "TargetUserName"),
      "Account_Domain", List.of("SubjectDomainName", "TargetDomainName"),
      "Logon_ID", List.of("SubjectLogonId", "TargetLogonId"));
  /** Where a logon, or a failed one, came from and how. */
  private static final Map<String, List<String>> LOGON = Map.of(
      "Logon_Type", List.of("LogonType"),
      "Workstation_Name", List.of("WorkstationName"),
      "Source_Network_Address", List.of("IpAddress"),
      "Source_Port", List.of("IpPort"),
      "Logon_Process", List.of("LogonProcessName"),
      "Authentication_Package", List.of("AuthenticationPackageName"),
      "Key_Length", List.of("KeyLength"));

  /**
   * Security events' message labels (non-alphanumeric runs as one {@code _}, as the add-on names its fields) and the
   * data names of their first and, for a label under two headings, second occurrence.
   */
  private static final Map<Long, Map<String, List<String>>> LABELS = Map.of(
      4624L, merged(SUBJECTS, LOGON, Map.of(
          "Logon_GUID", List.of("LogonGuid"),
          "Process_ID", List.of("ProcessId"),
          "Process_Name", List.of("ProcessName"))),
      4625L, merged(SUBJECTS, LOGON, Map.of(
          "Failure_Reason", List.of("FailureReason"),
          "Status", List.of("Status"),
          "Sub_Status", List.of("SubStatus"),
          "Caller_Process_ID", List.of("ProcessId"),
          "Caller_Process_Name", List.of("ProcessName"))),
      4688L, merged(SUBJECTS, Map.of(
          "New_Process_ID", List.of("NewProcessId"),
          "New_Process_Name", List.of("NewProcessName"),
          "Token_Elevation_Type", List.of("TokenElevationType"),
          "Mandatory_Label", List.of("MandatoryLabel"),
          "Creator_Process_ID", List.of("ProcessId"),
          "Creator_Process_Name", List.of("ParentProcessName"),
          "Process_Command_Line", List.of("CommandLine"))),
      5156L, Map.ofEntries(
          Map.entry("Process_ID", List.of("ProcessID")),
          Map.entry("Application_Name", List.of("Application")),
          Map.entry("Direction", List.of("Direction")),
          Map.entry("Source_Address", List.of("SourceAddress")),
          Map.entry("Source_Port", List.of("SourcePort")),
          Map.entry("Destination_Address", List.of("DestAddress")),
          Map.entry("Destination_Port", List.of("DestPort")),
          Map.entry("Protocol", List.of("Protocol")),
          Map.entry("Filter_Run_Time_ID", List.of("FilterRTID")),
          Map.entry("Layer_Name", List.of("LayerName")),
          Map.entry("Layer_Run_Time_ID", List.of("LayerRTID"))));

  @SafeVarargs
  private static Map<String, List<String>> merged(Map<String, List<String>>... parts) {
    Map<String, List<String>> all = new java.util.HashMap<>();
    for (Map<String, List<String>> part : parts) {
      all.putAll(part);
    }
    return Map.copyOf(all);
  }

  @Override
  public String name() {
    return "splunk";
  }

  @Override
  public boolean matches(RawRecord r) {
    // a table of chosen fields (| table _time host EventCode ...) may leave the sourcetype out; EventCode stays
    return r.get("_time") != null && (isWinEventLog(r.get("sourcetype")) || isWinEventLog(r.get("source"))
        || r.get("EventCode") != null);
  }

  private static boolean isWinEventLog(Object value) {
    return value instanceof String s && s.toLowerCase(Locale.ROOT).contains("wineventlog");
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    String host = null;
    String source = null;
    String raw = null;
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "_time" -> w.time = Ticks.parse(value);
        case "EventCode" -> w.eventId = Values.integer(value);
        case "LogName" -> w.channel = Values.text(value);
        case "ComputerName" -> w.computer = Values.text(value);
        case "SourceName" -> w.provider = Values.text(value);
        case "RecordNumber" -> w.recordId = Values.integer(value);
        case "Message" -> w.message = Values.text(value);
        case "host" -> host = Values.text(value);
        case "source" -> {
          source = Values.text(value);
          w.put(key, value);
        }
        case "_raw" -> raw = Values.text(value);
        default -> {
          if (!key.startsWith("_")) {
            w.put(key, value);
          }
        }
      }
    }
    if (raw != null) {
      header(raw, w);
    }
    if (w.channel == null && source != null && source.indexOf(':') > 0) {
      w.channel = source.substring(source.indexOf(':') + 1);
    }
    w.computer = w.computer != null ? w.computer : host;
    name(w);
    return w;
  }

  /** The System fields the {@code _raw} text's {@code key=value} lines give and the export left out, and its message. */
  private static void header(String raw, WindowsRecord w) {
    int lines = 0;
    for (int start = 0, end; start < raw.length() && lines++ < MAX_LINES; start = end + 1) {
      end = raw.indexOf('\n', start);
      end = end < 0 ? raw.length() : end;
      String line = raw.substring(start, end).strip();
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String value = line.substring(eq + 1);
      switch (line.substring(0, eq)) {
        case "LogName" -> w.channel = w.channel != null ? w.channel : value;
        case "EventCode" -> w.eventId = w.eventId != null ? w.eventId : Values.integer(value);
        case "ComputerName" -> w.computer = w.computer != null ? w.computer : value;
        case "SourceName" -> w.provider = w.provider != null ? w.provider : value;
        case "RecordNumber" -> w.recordId = w.recordId != null ? w.recordId : Values.integer(value);
        case "Message" -> {
          // the rest of the text is the message
          if (w.message == null) {
            w.message = raw.substring(raw.indexOf("Message=", start) + "Message=".length()).strip();
          }
          return;
        }
        default -> {}
      }
    }
  }

  /** Names the event data from the add-on's fields and, where they are missing, from the message's labels. */
  private static void name(WindowsRecord w) {
    boolean sysmon = SYSMON.equalsIgnoreCase(w.channel);
    Map<String, List<String>> labels = "Security".equalsIgnoreCase(w.channel) && w.eventId != null
        ? LABELS.get(w.eventId) : null;
    if (labels != null) {
      labels.forEach((label, names) -> {
        Object extracted = w.data.remove(label);
        if (extracted != null) {
          // several values: a JSON array, or one CSV cell with a line each
          List<Object> values = extracted instanceof WindowsRecord.MultiValue m ? m.values
              : extracted instanceof List<?> l ? new ArrayList<>(l)
              : extracted instanceof String text && text.indexOf('\n') >= 0 ? List.of((Object[]) text.split("\r?\n"))
              : List.of(extracted);
          for (int i = 0; i < values.size() && i < names.size(); i++) {
            w.put(names.get(i), values.get(i));
          }
        }
      });
    }
    if ((labels != null || sysmon) && w.message != null) {
      fromMessage(w.message, labels, w);
    }
  }

  /**
   * The message's {@code Label: value} lines: Sysmon's labels are its data names, Security's are translated; a name the
   * export already gave keeps its value.
   */
  private static void fromMessage(String message, Map<String, List<String>> labels, WindowsRecord w) {
    Map<String, Integer> seen = new java.util.HashMap<>();
    int lines = 0;
    for (int start = 0, end; start < message.length() && lines++ < MAX_LINES; start = end + 1) {
      end = message.indexOf('\n', start);
      end = end < 0 ? message.length() : end;
      String line = message.substring(start, end);
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String label = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (value.isEmpty() || label.isEmpty()) {
        continue;
      }
      String name;
      if (labels == null) {
        name = label.chars().allMatch(Character::isLetterOrDigit) ? label : null;
      } else {
        List<String> names = labels.get(NOT_ALPHANUMERIC.matcher(label).replaceAll("_"));
        int occurrence = names == null ? 0 : seen.merge(label, 1, Integer::sum) - 1;
        name = names != null && occurrence < names.size() ? names.get(occurrence) : null;
      }
      if (name != null && !w.data.containsKey(name)) {
        w.put(name, value);
      }
    }
  }
}
