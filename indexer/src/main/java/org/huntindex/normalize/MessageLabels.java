package org.huntindex.normalize;

import java.util.List;
import java.util.Map;

/**
 * The event data in a rendered message's {@code Label: value} lines, as Splunk's classic text and Event Viewer's CSV
 * carry it: Sysmon's labels are its data names, and Security 4624's, 4625's, 4688's and 5156's are translated here.
 */
final class MessageLabels {
  static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
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

  private MessageLabels() {}

  /**
   * The Security event's labels (non-alphanumeric runs as one {@code _}, as Splunk's add-on names its fields) and the
   * data names of their first and second occurrence; null for other events.
   */
  static Map<String, List<String>> of(WindowsRecord w) {
    return "Security".equalsIgnoreCase(w.channel) && w.eventId != null ? LABELS.get(w.eventId) : null;
  }

  /**
   * The message's {@code Label: value} lines: Sysmon's labels are its data names, Security's are translated; a name the
   * export already gave keeps its value.
   */
  static void fromMessage(WindowsRecord w) {
    Map<String, List<String>> labels = of(w);
    String message = w.message;
    if (message == null || labels == null && !SYSMON.equalsIgnoreCase(w.channel)) {
      return;
    }
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
