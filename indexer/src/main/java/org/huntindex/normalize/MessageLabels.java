package org.huntindex.normalize;

import java.util.List;
import java.util.Map;

/**
 * The event data in a rendered message's {@code Label: value} lines, as Splunk's classic text and Event Viewer's CSV
 * carry it: Sysmon's labels are its data names, and the labels of 26 Security events (logons and logoffs, process
 * starts and ends, object and share access, privileges, services, scheduled tasks, Kerberos service tickets, NTLM
 * validation, filtering platform connections and binds) and of the System log's service installs (7045) are translated
 * here.
 */
final class MessageLabels {
  static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
  private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");
  /** At most this many message lines are read for labels. */
  private static final int MAX_LINES = 512;

  /** The one account of an event that names only its subject. */
  private static final Map<String, List<String>> SUBJECT = Map.of(
      "Security_ID", List.of("SubjectUserSid"),
      "Account_Name", List.of("SubjectUserName"),
      "Account_Domain", List.of("SubjectDomainName"),
      "Logon_ID", List.of("SubjectLogonId"));
  /** The subject's and, under a second heading (the target, the new logon, the account that failed), its account. */
  private static final Map<String, List<String>> SUBJECTS = Map.of(
      "Security_ID", List.of("SubjectUserSid", "TargetUserSid"),
      "Account_Name", List.of("SubjectUserName", "TargetUserName"),
      "Account_Domain", List.of("SubjectDomainName", "TargetDomainName"),
      "Logon_ID", List.of("SubjectLogonId", "TargetLogonId"));
  /** The one account of an event that names only its target (a logoff, a service ticket). */
  private static final Map<String, List<String>> TARGET = Map.of(
      "Security_ID", List.of("TargetUserSid"),
      "Account_Name", List.of("TargetUserName"),
      "Account_Domain", List.of("TargetDomainName"),
      "Logon_ID", List.of("TargetLogonId"));
  /** Where a logon, or a failed one, came from and how. */
  private static final Map<String, List<String>> LOGON = Map.of(
      "Logon_Type", List.of("LogonType"),
      "Workstation_Name", List.of("WorkstationName"),
      "Source_Network_Address", List.of("IpAddress"),
      "Source_Port", List.of("IpPort"),
      "Logon_Process", List.of("LogonProcessName"),
      "Authentication_Package", List.of("AuthenticationPackageName"),
      "Transited_Services", List.of("TransmittedServices"),
      "Package_Name_NTLM_only_", List.of("LmPackageName"),
      "Key_Length", List.of("KeyLength"));
  private static final Map<String, List<String>> PROCESS = Map.of(
      "Process_ID", List.of("ProcessId"),
      "Process_Name", List.of("ProcessName"));
  private static final Map<String, List<String>> OBJECT = Map.of(
      "Object_Server", List.of("ObjectServer"),
      "Object_Type", List.of("ObjectType"),
      "Object_Name", List.of("ObjectName"),
      "Handle_ID", List.of("HandleId"));
  private static final Map<String, List<String>> SHARE = Map.of(
      "Object_Type", List.of("ObjectType"),
      "Source_Address", List.of("IpAddress"),
      "Source_Port", List.of("IpPort"),
      "Share_Name", List.of("ShareName"),
      "Share_Path", List.of("ShareLocalPath"),
      "Access_Mask", List.of("AccessMask"));
  /** A filtering platform connection's (5152, 5156) or, less the destination and direction, bind's (5154, 5158). */
  private static final Map<String, List<String>> WFP = Map.of(
      "Application_Name", List.of("Application"),
      "Source_Address", List.of("SourceAddress"),
      "Source_Port", List.of("SourcePort"),
      "Protocol", List.of("Protocol"),
      "Filter_Run_Time_ID", List.of("FilterRTID"),
      "Layer_Name", List.of("LayerName"),
      "Layer_Run_Time_ID", List.of("LayerRTID"));
  private static final Map<String, List<String>> WFP_CONNECTION = merged(WFP, Map.of(
      "Process_ID", List.of("ProcessID"),
      "Direction", List.of("Direction"),
      "Destination_Address", List.of("DestAddress"),
      "Destination_Port", List.of("DestPort")));
  private static final Map<String, List<String>> WFP_BIND = merged(WFP, Map.of("Process_ID", List.of("ProcessId")));
  private static final Map<String, List<String>> SCHEDULED_TASK =
      merged(SUBJECT, Map.of("Task_Name", List.of("TaskName")));

  /**
   * Security events' message labels (non-alphanumeric runs as one {@code _}, as Splunk's add-on names its fields) and
   * the data names of their first and, for a label under two headings, second occurrence. Checked against the data of
   * every real rendered event the project has (NXLog's, which carry both).
   */
  private static final Map<Long, Map<String, List<String>>> LABELS = Map.ofEntries(
      Map.entry(4624L, merged(SUBJECTS, LOGON, PROCESS, Map.of(
          "Logon_GUID", List.of("LogonGuid"),
          "Linked_Logon_ID", List.of("TargetLinkedLogonId"),
          "Network_Account_Name", List.of("TargetOutboundUserName"),
          "Network_Account_Domain", List.of("TargetOutboundDomainName"),
          "Restricted_Admin_Mode", List.of("RestrictedAdminMode")))),
      Map.entry(4625L, merged(SUBJECTS, LOGON, Map.of(
          "Failure_Reason", List.of("FailureReason"),
          "Status", List.of("Status"),
          "Sub_Status", List.of("SubStatus"),
          "Caller_Process_ID", List.of("ProcessId"),
          "Caller_Process_Name", List.of("ProcessName")))),
      Map.entry(4634L, merged(TARGET, Map.of("Logon_Type", List.of("LogonType")))),
      Map.entry(4648L, merged(SUBJECTS, PROCESS, Map.of(
          "Logon_GUID", List.of("LogonGuid", "TargetLogonGuid"),
          "Target_Server_Name", List.of("TargetServerName"),
          "Additional_Information", List.of("TargetInfo"),
          "Network_Address", List.of("IpAddress"),
          "Port", List.of("IpPort")))),
      Map.entry(4656L, merged(SUBJECT, OBJECT, PROCESS, Map.of(
          "Transaction_ID", List.of("TransactionId"),
          "Access_Mask", List.of("AccessMask"),
          "Restricted_SID_Count", List.of("RestrictedSidCount")))),
      Map.entry(4658L, merged(SUBJECT, OBJECT, PROCESS)),
      Map.entry(4663L, merged(SUBJECT, OBJECT, PROCESS, Map.of(
          "Access_Mask", List.of("AccessMask"),
          "Resource_Attributes", List.of("ResourceAttributes")))),
      Map.entry(4670L, merged(SUBJECT, OBJECT, PROCESS, Map.of(
          "Original_Security_Descriptor", List.of("OldSd"),
          "New_Security_Descriptor", List.of("NewSd")))),
      Map.entry(4672L, SUBJECT),
      Map.entry(4673L, merged(SUBJECT, PROCESS, Map.of(
          "Server", List.of("ObjectServer"),
          "Service_Name", List.of("Service"),
          "Privileges", List.of("PrivilegeList")))),
      Map.entry(4674L, merged(SUBJECT, OBJECT, PROCESS, Map.of(
          "Object_Handle", List.of("HandleId"),
          "Privileges", List.of("PrivilegeList")))),
      Map.entry(4688L, merged(SUBJECTS, Map.of(
          "New_Process_ID", List.of("NewProcessId"),
          "New_Process_Name", List.of("NewProcessName"),
          "Token_Elevation_Type", List.of("TokenElevationType"),
          "Mandatory_Label", List.of("MandatoryLabel"),
          "Creator_Process_ID", List.of("ProcessId"),
          "Creator_Process_Name", List.of("ParentProcessName"),
          "Process_Command_Line", List.of("CommandLine")))),
      Map.entry(4689L, merged(SUBJECT, PROCESS, Map.of("Exit_Status", List.of("Status")))),
      Map.entry(4690L, merged(SUBJECT, Map.of(
          "Source_Handle_ID", List.of("SourceHandleId"),
          "Source_Process_ID", List.of("SourceProcessId"),
          "Target_Handle_ID", List.of("TargetHandleId"),
          "Target_Process_ID", List.of("TargetProcessId")))),
      Map.entry(4697L, merged(SUBJECT, Map.of(
          "Service_Name", List.of("ServiceName"),
          "Service_File_Name", List.of("ServiceFileName"),
          "Service_Type", List.of("ServiceType"),
          "Service_Start_Type", List.of("ServiceStartType"),
          "Service_Account", List.of("ServiceAccount")))),
      Map.entry(4698L, SCHEDULED_TASK),
      Map.entry(4702L, SCHEDULED_TASK),
      Map.entry(4703L, merged(SUBJECTS, PROCESS)),
      Map.entry(4769L, merged(TARGET, Map.of(
          "Logon_GUID", List.of("LogonGuid"),
          "Service_Name", List.of("ServiceName"),
          "Service_ID", List.of("ServiceSid"),
          "Client_Address", List.of("IpAddress"),
          "Client_Port", List.of("IpPort"),
          "Ticket_Options", List.of("TicketOptions"),
          "Ticket_Encryption_Type", List.of("TicketEncryptionType"),
          "Failure_Code", List.of("Status"),
          "Transited_Services", List.of("TransmittedServices")))),
      Map.entry(4776L, Map.of(
          "Authentication_Package", List.of("PackageName"),
          "Logon_Account", List.of("TargetUserName"),
          "Source_Workstation", List.of("Workstation"),
          "Error_Code", List.of("Status"))),
      Map.entry(5140L, merged(SUBJECT, SHARE)),
      Map.entry(5145L, merged(SUBJECT, SHARE, Map.of("Relative_Target_Name", List.of("RelativeTargetName")))),
      Map.entry(5152L, WFP_CONNECTION),
      Map.entry(5154L, WFP_BIND),
      Map.entry(5156L, WFP_CONNECTION),
      Map.entry(5158L, WFP_BIND));

  /** The System log's events' labels, likewise: a service installed (7045). */
  private static final Map<Long, Map<String, List<String>>> SYSTEM_LABELS = Map.of(
      7045L, Map.of(
          "Service_Name", List.of("ServiceName"),
          "Service_File_Name", List.of("ImagePath"),
          "Service_Type", List.of("ServiceType"),
          "Service_Start_Type", List.of("StartType"),
          "Service_Account", List.of("AccountName")));

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
   * The Security or System event's labels (non-alphanumeric runs as one {@code _}, as Splunk's add-on names its
   * fields) and the data names of their first and second occurrence; null for other events.
   */
  static Map<String, List<String>> of(WindowsRecord w) {
    if (w.eventId == null) {
      return null;
    }
    return "Security".equalsIgnoreCase(w.channel) ? LABELS.get(w.eventId)
        : "System".equalsIgnoreCase(w.channel) ? SYSTEM_LABELS.get(w.eventId) : null;
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
