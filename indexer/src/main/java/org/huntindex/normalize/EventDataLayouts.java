package org.huntindex.normalize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a Windows event's data by position, for exports that keep only its values ({@code Get-WinEvent}'s
 * {@code Properties}), by provider, event id and the number of values. The number tells the layouts of one event apart
 * (Windows releases and Sysmon versions add fields at the end, or a first {@code RuleName}, under the same version
 * number); an event whose count is not listed keeps its values unnamed.
 *
 * <p>The layouts are the EventData names, in order, of the events in the real EVTX samples the tests read (35 of the
 * 41), and for Security 4688 version 0, 4689 and 5156, PowerShell 4104 and Sysmon 1 with {@code ParentUser} the
 * documented ones.
 */
final class EventDataLayouts {
  private static final String SECURITY = "Microsoft-Windows-Security-Auditing";
  private static final String SYSMON = "Microsoft-Windows-Sysmon";
  private static final List<String> SUBJECT = List.of("SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId");
  private static final Map<String, List<String>> LAYOUTS = new HashMap<>();

  static {
    List<String> process0 = join(SUBJECT, "NewProcessId", "NewProcessName", "TokenElevationType", "ProcessId");
    List<String> process1 = join(process0, "CommandLine");
    List<String> process2 = join(process1, "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId");
    add(SECURITY, 4688, process0, process1, process2, join(process2, "ParentProcessName", "MandatoryLabel"));
    List<String> logon0 = join(SUBJECT, "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId",
        "LogonType", "LogonProcessName", "AuthenticationPackageName", "WorkstationName", "LogonGuid",
        "TransmittedServices", "LmPackageName", "KeyLength", "ProcessId", "ProcessName", "IpAddress", "IpPort");
    List<String> logon1 = join(logon0, "ImpersonationLevel");
    add(SECURITY, 4624, logon0, logon1, join(logon1, "RestrictedAdminMode", "TargetOutboundUserName",
        "TargetOutboundDomainName", "VirtualAccount", "TargetLinkedLogonId", "ElevatedToken"));
    add(SECURITY, 4625, join(SUBJECT, "TargetUserSid", "TargetUserName", "TargetDomainName", "Status",
        "FailureReason", "SubStatus", "LogonType", "LogonProcessName", "AuthenticationPackageName", "WorkstationName",
        "TransmittedServices", "LmPackageName", "KeyLength", "ProcessId", "ProcessName", "IpAddress", "IpPort"));
    add(SECURITY, 4648, join(SUBJECT, "LogonGuid", "TargetUserName", "TargetDomainName", "TargetLogonGuid",
        "TargetServerName", "TargetInfo", "ProcessId", "ProcessName", "IpAddress", "IpPort"));
    add(SECURITY, 4672, join(SUBJECT, "PrivilegeList"));
    add(SECURITY, 4689, join(SUBJECT, "Status", "ProcessId", "ProcessName"));
    add("Microsoft-Windows-PowerShell", 4104, List.of("MessageNumber", "MessageTotal", "ScriptBlockText",
        "ScriptBlockId", "Path"));
    List<String> target = List.of("TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId");
    add(SECURITY, 4634, join(target, "LogonType"));
    add(SECURITY, 4647, target);
    add(SECURITY, 4697, join(SUBJECT, "ServiceName", "ServiceFileName", "ServiceType", "ServiceStartType",
        "ServiceAccount"));
    add(SECURITY, 4698, join(SUBJECT, "TaskName", "TaskContent"));
    add(SECURITY, 4720, join(join(List.of("TargetUserName", "TargetDomainName", "TargetSid"),
        SUBJECT.toArray(String[]::new)), "PrivilegeList", "SamAccountName", "DisplayName", "UserPrincipalName",
        "HomeDirectory", "HomePath", "ScriptPath", "ProfilePath", "UserWorkstations", "PasswordLastSet",
        "AccountExpires", "PrimaryGroupId", "AllowedToDelegateTo", "OldUacValue", "NewUacValue", "UserAccountControl",
        "UserParameters", "SidHistory", "LogonHours"));
    add(SECURITY, 4732, join(join(List.of("MemberName", "MemberSid", "TargetUserName", "TargetDomainName",
        "TargetSid"), SUBJECT.toArray(String[]::new)), "PrivilegeList"));
    add(SECURITY, 4768, List.of("TargetUserName", "TargetDomainName", "TargetSid", "ServiceName", "ServiceSid",
        "TicketOptions", "Status", "TicketEncryptionType", "PreAuthType", "IpAddress", "IpPort", "CertIssuerName",
        "CertSerialNumber", "CertThumbprint"));
    add(SECURITY, 4769, List.of("TargetUserName", "TargetDomainName", "ServiceName", "ServiceSid", "TicketOptions",
        "TicketEncryptionType", "IpAddress", "IpPort", "Status", "LogonGuid", "TransmittedServices"));
    add(SECURITY, 4776, List.of("PackageName", "TargetUserName", "Workstation", "Status"));
    List<String> share = join(SUBJECT, "ObjectType", "IpAddress", "IpPort", "ShareName", "ShareLocalPath");
    add(SECURITY, 5140, join(share, "AccessMask", "AccessList"));
    add(SECURITY, 5145, join(share, "RelativeTargetName", "AccessMask", "AccessList", "AccessReason"));
    add("Service Control Manager", 7045, List.of("ServiceName", "ImagePath", "ServiceType", "StartType",
        "AccountName"));
    List<String> connection0 = List.of("ProcessID", "Application", "Direction", "SourceAddress", "SourcePort",
        "DestAddress", "DestPort", "Protocol", "FilterRTID", "LayerName", "LayerRTID");
    add(SECURITY, 5156, connection0, join(connection0, "RemoteUserID", "RemoteMachineID"));

    List<String> start = List.of("UtcTime", "ProcessGuid", "ProcessId", "Image", "CommandLine", "CurrentDirectory",
        "User", "LogonGuid", "LogonId", "TerminalSessionId", "IntegrityLevel", "Hashes", "ParentProcessGuid",
        "ParentProcessId", "ParentImage", "ParentCommandLine");
    List<String> startWithFile = List.of("RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "FileVersion",
        "Description", "Product", "Company", "OriginalFileName", "CommandLine", "CurrentDirectory", "User",
        "LogonGuid", "LogonId", "TerminalSessionId", "IntegrityLevel", "Hashes", "ParentProcessGuid",
        "ParentProcessId", "ParentImage", "ParentCommandLine");
    add(SYSMON, 1, start, startWithFile, join(startWithFile, "ParentUser"));
    List<String> network = List.of("UtcTime", "ProcessGuid", "ProcessId", "Image", "User", "Protocol", "Initiated",
        "SourceIsIpv6", "SourceIp", "SourceHostname", "SourcePort", "SourcePortName", "DestinationIsIpv6",
        "DestinationIp", "DestinationHostname", "DestinationPort", "DestinationPortName");
    add(SYSMON, 3, network, ruled(network));
    List<String> file = List.of("UtcTime", "ProcessGuid", "ProcessId", "Image", "TargetFilename", "CreationUtcTime");
    add(SYSMON, 11, file, ruled(file));
    add(SYSMON, 7, List.of("RuleName", "UtcTime", "ProcessGuid", "ProcessId", "Image", "ImageLoaded", "FileVersion",
        "Description", "Product", "Company", "OriginalFileName", "Hashes", "Signed", "Signature", "SignatureStatus"));
    List<String> access = List.of("UtcTime", "SourceProcessGUID", "SourceProcessId", "SourceThreadId", "SourceImage",
        "TargetProcessGUID", "TargetProcessId", "TargetImage", "GrantedAccess", "CallTrace");
    add(SYSMON, 10, access, ruled(access));
    List<String> registry = List.of("EventType", "UtcTime", "ProcessGuid", "ProcessId", "Image", "TargetObject");
    add(SYSMON, 12, registry, ruled(registry));
    List<String> value = join(registry, "Details");
    add(SYSMON, 13, value, ruled(value));
    add(SYSMON, 22, List.of("RuleName", "UtcTime", "ProcessGuid", "ProcessId", "QueryName", "QueryStatus",
        "QueryResults", "Image"));
  }

  private EventDataLayouts() {}

  /** The names of an event's {@code count} data values, in order, or null when that layout is not known. */
  static List<String> of(String provider, long eventId, int count) {
    return provider == null ? null : LAYOUTS.get(key(provider, eventId, count));
  }

  @SafeVarargs
  private static void add(String provider, long eventId, List<String>... layouts) {
    for (List<String> names : layouts) {
      if (LAYOUTS.put(key(provider, eventId, names.size()), names) != null) {
        throw new IllegalStateException("two layouts of " + names.size() + " values for " + provider + " " + eventId);
      }
    }
  }

  private static String key(String provider, long eventId, int count) {
    return provider + '/' + eventId + '/' + count;
  }

  private static List<String> ruled(List<String> names) {
    return join(List.of("RuleName"), names.toArray(String[]::new));
  }

  private static List<String> join(List<String> head, String... tail) {
    String[] all = head.toArray(new String[head.size() + tail.length]);
    System.arraycopy(tail, 0, all, head.size(), tail.length);
    return List.of(all);
  }
}
