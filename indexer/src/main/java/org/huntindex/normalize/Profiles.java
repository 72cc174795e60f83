package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.huntindex.normalize.Profile.Copy;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;

/**
 * The mapping profiles, keyed by lower-cased channel and event id, following the Sentinel and Elastic mappings of
 * HUNTS.md A.2 and B.2. A record with no profile keeps its time, host, channel, code and raw fields.
 */
final class Profiles {
  static final String SECURITY = "security";
  static final String SYSMON = "microsoft-windows-sysmon/operational";
  private static final String NO_PROCESS = "{00000000-0000-0000-0000-000000000000}";
  /** The algorithms Sysmon's {@code HashAlgorithms} setting names. */
  private static final java.util.Set<String> HASHES = java.util.Set.of("MD5", "SHA1", "SHA256", "IMPHASH");

  private static final List<Copy> SYSMON_COMMON = List.of(copy("ProcessGuid", Field.PROCESS_ENTITY_ID),
      copy("Image", Field.PROCESS_EXECUTABLE), copy("ProcessId", Field.PROCESS_PID));
  private static final Profile SYSMON_OTHER = new Profile(SYSMON_COMMON, Profiles::sysmonCommon);
  /**
   * A process acting on another (8, remote thread; 10, process access, LSASS dumps among them): the acting one is the
   * event's process, as Elastic's Sysmon mapping has it; the target stays in its own fields.
   */
  private static final Profile SYSMON_SOURCE = new Profile(List.of(copy("SourceProcessGuid", Field.PROCESS_ENTITY_ID),
      copy("SourceProcessGUID", Field.PROCESS_ENTITY_ID), copy("SourceImage", Field.PROCESS_EXECUTABLE),
      copy("SourceProcessId", Field.PROCESS_PID)), Profiles::sysmonCommon);

  private static final Map<String, Profile> BY_KEY = Map.of(
      SECURITY + "/4624", securityLogon("success"),
      SECURITY + "/4625", securityLogon("failure"),
      SECURITY + "/4688", new Profile(List.of(copy("NewProcessName", Field.PROCESS_EXECUTABLE),
          copy("CommandLine", Field.PROCESS_COMMAND_LINE), copy("ParentProcessName", Field.PARENT_EXECUTABLE),
          copy("SubjectUserName", Field.USER_NAME), copy("SubjectDomainName", Field.USER_DOMAIN),
          hexCopy("NewProcessId", Field.PROCESS_PID), hexCopy("ProcessId", Field.PARENT_PID)),
          Profiles::securityProcessCreate),
      SECURITY + "/4689", new Profile(List.of(copy("ProcessName", Field.PROCESS_EXECUTABLE),
          copy("SubjectUserName", Field.USER_NAME), copy("SubjectDomainName", Field.USER_DOMAIN),
          hexCopy("ProcessId", Field.PROCESS_PID)), Profiles::securityProcessExit),
      SECURITY + "/5156", new Profile(List.of(copy("Application", Field.PROCESS_EXECUTABLE),
          copy("SourceAddress", Field.SOURCE_IP), copy("DestAddress", Field.DESTINATION_IP),
          copy("SourcePort", Field.SOURCE_PORT), copy("DestPort", Field.DESTINATION_PORT),
          copy("ProcessId", Field.PROCESS_PID), copy("ProcessID", Field.PROCESS_PID)), Profiles::securityConnection),
      SYSMON + "/1", sysmon(List.of(copy("CommandLine", Field.PROCESS_COMMAND_LINE),
          copy("ParentProcessGuid", Field.PARENT_ENTITY_ID), copy("ParentImage", Field.PARENT_EXECUTABLE),
          copy("ParentCommandLine", Field.PARENT_COMMAND_LINE), copy("ParentProcessId", Field.PARENT_PID)),
          Profiles::sysmonProcessCreate),
      SYSMON + "/3", sysmon(List.of(copy("SourceIp", Field.SOURCE_IP), copy("DestinationIp", Field.DESTINATION_IP),
          copy("Protocol", Field.NETWORK_TRANSPORT), copy("SourcePort", Field.SOURCE_PORT),
          copy("DestinationPort", Field.DESTINATION_PORT)), Profiles::sysmonNetwork),
      SYSMON + "/22", sysmon(List.of(copy("QueryName", Field.DNS_QUESTION_NAME)), Profiles::sysmonDns),
      SYSMON + "/8", SYSMON_SOURCE,
      SYSMON + "/10", SYSMON_SOURCE);

  private Profiles() {}

  /** The profile for a channel and event id, or null. */
  static Profile find(String channel, Long eventId) {
    if (channel == null || eventId == null) {
      return null;
    }
    Profile p = BY_KEY.get(Ascii.lower(channel) + "/" + eventId);
    if (p == null && Ascii.lower(channel).equals(SYSMON)) {
      return SYSMON_OTHER;
    }
    return p;
  }

  /** Every profile by its lower-cased channel and event id; a null id stands for the channel's other events. */
  static Map<String, Map<Long, Profile>> all() {
    Map<String, Map<Long, Profile>> out = new TreeMap<>();
    BY_KEY.forEach((key, p) -> {
      int slash = key.lastIndexOf('/');
      out.computeIfAbsent(key.substring(0, slash), k -> new HashMap<>()).put(Long.valueOf(key.substring(slash + 1)), p);
    });
    out.get(SYSMON).put(null, SYSMON_OTHER);
    return out;
  }

  private static Copy copy(String source, Field field) {
    return new Copy(source, field, false);
  }

  /** A copy of a field Windows writes in hexadecimal. */
  private static Copy hexCopy(String source, Field field) {
    return new Copy(source, field, true);
  }

  /** A Sysmon event's profile: what every Sysmon event maps, then the event's own copies and mapping. */
  private static Profile sysmon(List<Copy> copies, BiConsumer<WindowsRecord, Event> rest) {
    List<Copy> all = new ArrayList<>(SYSMON_COMMON);
    all.addAll(copies);
    return new Profile(List.copyOf(all), (w, e) -> {
      sysmonCommon(w, e);
      rest.accept(w, e);
    });
  }

  static void securityProcessCreate(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "start");
    String image = e.string(Field.PROCESS_EXECUTABLE);
    String process = w.sentinelProcess != null ? w.sentinelProcess : Values.basename(image);
    e.set(Field.PROCESS_NAME, image != null ? Values.basename(image) : Values.basename(w.sentinelProcess));
    e.set(Field.PARENT_NAME, Values.basename(e.string(Field.PARENT_EXECUTABLE)));
    String user = e.string(Field.USER_NAME);
    String domain = e.string(Field.USER_DOMAIN);
    String account = w.sentinelAccount;
    if (account == null && user != null) {
      account = domain == null ? user : domain + "\\" + user;
    }
    e.set(Field.KQL_PROCESS, process).set(Field.KQL_ACCOUNT, account);
  }

  /** 4624 and 4625 as Winlogbeat's Security module maps them: the account logged on (or tried to) is the user. */
  private static Profile securityLogon(String outcome) {
    return new Profile(List.of(copy("TargetUserName", Field.USER_NAME), copy("TargetDomainName", Field.USER_DOMAIN),
        copy("IpAddress", Field.SOURCE_IP), copy("ProcessName", Field.PROCESS_EXECUTABLE),
        copy("IpPort", Field.SOURCE_PORT), hexCopy("ProcessId", Field.PROCESS_PID)), (w, e) -> {
          e.add(Field.EVENT_CATEGORY, "authentication").add(Field.EVENT_TYPE, "start").set(Field.EVENT_OUTCOME, outcome);
          e.set(Field.PROCESS_NAME, Values.basename(e.string(Field.PROCESS_EXECUTABLE)));
        });
  }

  static void securityProcessExit(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "end");
    e.set(Field.PROCESS_NAME, Values.basename(e.string(Field.PROCESS_EXECUTABLE)));
  }

  static void securityConnection(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "network").add(Field.EVENT_TYPE, "connection").add(Field.EVENT_TYPE, "allowed");
    e.set(Field.PROCESS_NAME, Values.basename(e.string(Field.PROCESS_EXECUTABLE)));
    e.set(Field.NETWORK_TRANSPORT, ianaProtocol(w.take("Protocol")));
    String direction = w.take("Direction");
    // the message's words where an export rendered it (Splunk's classic text)
    if ("%%14592".equals(direction) || "Inbound".equalsIgnoreCase(direction)) {
      e.set(Field.NETWORK_DIRECTION, "ingress");
    } else if ("%%14593".equals(direction) || "Outbound".equalsIgnoreCase(direction)) {
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
    dropUnknownProcess(e, Field.PROCESS_ENTITY_ID);
    e.set(Field.PROCESS_NAME, Values.basename(e.string(Field.PROCESS_EXECUTABLE)));
    hashes(w);
    String user = w.peek("User");
    if (user != null) {
      // split into user.name and user.domain, and kept whole as the raw User that Sigma rules and analysts query
      int slash = user.indexOf('\\');
      e.set(Field.USER_NAME, slash < 0 ? user : user.substring(slash + 1));
      e.set(Field.USER_DOMAIN, slash < 0 ? null : user.substring(0, slash));
    }
  }

  static void sysmonProcessCreate(WindowsRecord w, Event e) {
    e.add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_TYPE, "start");
    e.set(Field.EVENT_ACTION, "Process creation");
    dropUnknownProcess(e, Field.PARENT_ENTITY_ID);
    e.set(Field.PARENT_NAME, Values.basename(e.string(Field.PARENT_EXECUTABLE)));
  }

  static void sysmonNetwork(WindowsRecord w, Event e) {
    for (String t : List.of("start", "connection", "protocol")) {
      e.add(Field.EVENT_TYPE, t);
    }
    e.add(Field.EVENT_CATEGORY, "network").set(Field.EVENT_ACTION, "Network connection");
    String initiated = w.take("Initiated");
    if (initiated != null) {
      e.set(Field.NETWORK_DIRECTION, initiated.equalsIgnoreCase("true") ? "egress" : "ingress");
    }
  }

  static void sysmonDns(WindowsRecord w, Event e) {
    for (String t : List.of("connection", "protocol", "info")) {
      e.add(Field.EVENT_TYPE, t);
    }
    e.add(Field.EVENT_CATEGORY, "network").set(Field.EVENT_ACTION, "DNSEvent (DNS query)");
    e.set(Field.NETWORK_PROTOCOL, "dns");
  }

  /**
   * Sysmon's {@code Hashes} ({@code SHA1=...,MD5=...,SHA256=...,IMPHASH=...}) also as one field per algorithm, so that
   * an indicator is found by {@code SHA256:...}; the whole value stays.
   */
  private static void hashes(WindowsRecord w) {
    String hashes = w.peek("Hashes");
    if (hashes == null) {
      return;
    }
    for (String part : hashes.split(",", 8)) {
      int eq = part.indexOf('=');
      String algorithm = eq < 0 ? "" : part.substring(0, eq).strip();
      String hash = part.substring(eq + 1).strip();
      if (HASHES.contains(algorithm) && !hash.isEmpty() && !w.data.containsKey(algorithm)) {
        w.put(algorithm, hash);
      }
    }
  }

  /** Sysmon logs an all-zero GUID for an unknown process; the Elastic pipeline drops it, and so do we. */
  private static void dropUnknownProcess(Event e, Field field) {
    if (NO_PROCESS.equals(e.string(field))) {
      e.set(field, null);
    }
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
