package org.huntindex.normalize;

import java.util.List;
import org.huntindex.schema.Ascii;
import java.util.Map;
import org.huntindex.schema.Field;

/**
 * The mapping profiles, keyed by lower-cased channel and event id, following the Sentinel and Elastic mappings of
 * HUNTS.md A.2 and B.2. A record with no profile keeps its time, host, channel, code and raw fields.
 */
final class Profiles {
  static final String SECURITY = "security";
  static final String SYSMON = "microsoft-windows-sysmon/operational";

  private static final Map<String, Profile> BY_KEY = Map.of(
      SECURITY + "/4624", (w, e) -> securityLogon(w, e, "success"),
      SECURITY + "/4625", (w, e) -> securityLogon(w, e, "failure"),
      SECURITY + "/4688", Profiles::securityProcessCreate,
      SECURITY + "/4689", Profiles::securityProcessExit,
      SECURITY + "/5156", Profiles::securityConnection,
      SYSMON + "/1", Profiles::sysmonProcessCreate,
      SYSMON + "/3", Profiles::sysmonNetwork,
      SYSMON + "/22", Profiles::sysmonDns);

  private Profiles() {}

  /** The profile for a channel and event id, or null. */
  static Profile find(String channel, Long eventId) {
    if (channel == null || eventId == null) {
      return null;
    }
    Profile p = BY_KEY.get(Ascii.lower(channel) + "/" + eventId);
    if (p == null && Ascii.lower(channel).equals(SYSMON)) {
      return Profiles::sysmonCommon;
    }
    return p;
  }

  static void securityProcessCreate(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "start");
    String image = w.take("NewProcessName");
    e.set(Field.PROCESS_EXECUTABLE, image);
    String process = w.sentinelProcess != null ? w.sentinelProcess : Values.basename(image);
    e.set(Field.PROCESS_NAME, image != null ? Values.basename(image) : Values.basename(w.sentinelProcess));
    e.set(Field.PROCESS_PID, Values.integer(w.take("NewProcessId")));
    e.set(Field.PROCESS_COMMAND_LINE, w.take("CommandLine"));
    String parent = w.take("ParentProcessName");
    e.set(Field.PARENT_EXECUTABLE, parent).set(Field.PARENT_NAME, Values.basename(parent));
    e.set(Field.PARENT_PID, Values.integer(w.take("ProcessId")));
    String user = w.take("SubjectUserName");
    String domain = w.take("SubjectDomainName");
    e.set(Field.USER_NAME, user).set(Field.USER_DOMAIN, domain);
    String account = w.sentinelAccount;
    if (account == null && user != null) {
      account = domain == null ? user : domain + "\\" + user;
    }
    e.set(Field.KQL_PROCESS, process).set(Field.KQL_ACCOUNT, account);
  }

  /** 4624 and 4625 as Winlogbeat's Security module maps them: the account logged on (or tried to) is the user. */
  static void securityLogon(WindowsRecord w, Event e, String outcome) {
    e.add(Field.EVENT_CATEGORY, "authentication").add(Field.EVENT_TYPE, "start").set(Field.EVENT_OUTCOME, outcome);
    e.set(Field.USER_NAME, w.take("TargetUserName")).set(Field.USER_DOMAIN, w.take("TargetDomainName"));
    e.set(Field.SOURCE_IP, w.take("IpAddress")).set(Field.SOURCE_PORT, Values.integer(w.take("IpPort")));
    String image = w.take("ProcessName");
    e.set(Field.PROCESS_EXECUTABLE, image).set(Field.PROCESS_NAME, Values.basename(image));
    e.set(Field.PROCESS_PID, Values.integer(w.take("ProcessId")));
  }

  static void securityProcessExit(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "end");
    String image = w.take("ProcessName");
    e.set(Field.PROCESS_EXECUTABLE, image).set(Field.PROCESS_NAME, Values.basename(image));
    e.set(Field.PROCESS_PID, Values.integer(w.take("ProcessId")));
    e.set(Field.USER_NAME, w.take("SubjectUserName")).set(Field.USER_DOMAIN, w.take("SubjectDomainName"));
  }

  static void securityConnection(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "network").add(Field.EVENT_TYPE, "connection").add(Field.EVENT_TYPE, "allowed");
    String app = w.take("Application");
    e.set(Field.PROCESS_EXECUTABLE, app).set(Field.PROCESS_NAME, Values.basename(app));
    String pid = w.take("ProcessID");
    e.set(Field.PROCESS_PID, Values.integer(pid != null ? pid : w.take("ProcessId")));
    e.set(Field.SOURCE_IP, w.take("SourceAddress")).set(Field.SOURCE_PORT, Values.integer(w.take("SourcePort")));
    e.set(Field.DESTINATION_IP, w.take("DestAddress")).set(Field.DESTINATION_PORT, Values.integer(w.take("DestPort")));
    e.set(Field.NETWORK_TRANSPORT, ianaProtocol(w.take("Protocol")));
    String direction = w.take("Direction");
    if ("%%14592".equals(direction)) {
      e.set(Field.NETWORK_DIRECTION, "ingress");
    } else if ("%%14593".equals(direction)) {
      e.set(Field.NETWORK_DIRECTION, "egress");
    } else if (direction != null) {
      w.put("Direction", direction);
    }
  }

  static void sysmonCommon(WindowsRecord w, Event e) {
    Long utc = Ticks.parse(w.peek("UtcTime"));
    if (utc != null) {
      w.take("UtcTime");
      e.set(Field.TIMESTAMP, utc);
    }
    e.set(Field.PROCESS_ENTITY_ID, entityId(w.take("ProcessGuid")));
    e.set(Field.PROCESS_PID, Values.integer(w.take("ProcessId")));
    String image = w.take("Image");
    e.set(Field.PROCESS_EXECUTABLE, image).set(Field.PROCESS_NAME, Values.basename(image));
    String user = w.take("User");
    if (user != null) {
      int slash = user.indexOf('\\');
      e.set(Field.USER_NAME, slash < 0 ? user : user.substring(slash + 1));
      e.set(Field.USER_DOMAIN, slash < 0 ? null : user.substring(0, slash));
    }
  }

  static void sysmonProcessCreate(WindowsRecord w, Event e) {
    sysmonCommon(w, e);
    e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "start");
    e.set(Field.EVENT_ACTION, "Process creation");
    e.set(Field.PROCESS_COMMAND_LINE, w.take("CommandLine"));
    e.set(Field.PARENT_ENTITY_ID, entityId(w.take("ParentProcessGuid")));
    e.set(Field.PARENT_PID, Values.integer(w.take("ParentProcessId")));
    String parent = w.take("ParentImage");
    e.set(Field.PARENT_EXECUTABLE, parent).set(Field.PARENT_NAME, Values.basename(parent));
    e.set(Field.PARENT_COMMAND_LINE, w.take("ParentCommandLine"));
  }

  static void sysmonNetwork(WindowsRecord w, Event e) {
    sysmonCommon(w, e);
    for (String t : List.of("start", "connection", "protocol")) {
      e.add(Field.EVENT_TYPE, t);
    }
    e.add(Field.EVENT_CATEGORY, "network").set(Field.EVENT_ACTION, "Network connection");
    e.set(Field.SOURCE_IP, w.take("SourceIp")).set(Field.SOURCE_PORT, Values.integer(w.take("SourcePort")));
    e.set(Field.DESTINATION_IP, w.take("DestinationIp"));
    e.set(Field.DESTINATION_PORT, Values.integer(w.take("DestinationPort")));
    e.set(Field.NETWORK_TRANSPORT, w.take("Protocol"));
    String initiated = w.take("Initiated");
    if (initiated != null) {
      e.set(Field.NETWORK_DIRECTION, initiated.equalsIgnoreCase("true") ? "egress" : "ingress");
    }
  }

  static void sysmonDns(WindowsRecord w, Event e) {
    sysmonCommon(w, e);
    for (String t : List.of("connection", "protocol", "info")) {
      e.add(Field.EVENT_TYPE, t);
    }
    e.add(Field.EVENT_CATEGORY, "network").set(Field.EVENT_ACTION, "DNSEvent (DNS query)");
    e.set(Field.NETWORK_PROTOCOL, "dns");
    e.set(Field.DNS_QUESTION_NAME, w.take("QueryName"));
  }

  /** Sysmon logs an all-zero GUID for an unknown process; the Elastic pipeline drops it, and so do we. */
  private static String entityId(String guid) {
    return guid == null || guid.equals("{00000000-0000-0000-0000-000000000000}") ? null : guid;
  }

  private static String ianaProtocol(String number) {
    if (number == null) {
      return null;
    }
    return switch (number) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      case "58" -> "ipv6-icmp";
      default -> number;
    };
  }
}
