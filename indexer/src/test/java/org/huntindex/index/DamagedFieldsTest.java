package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;
import org.junit.jupiter.api.Test;

/**
 * Evidence is attacker-controlled: any field of any export shape may be missing or hold a value of the wrong type, and
 * the record must still be normalized and turned into a document (an exception there would drop it from the index).
 */
class DamagedFieldsTest {
  /** One record of every shape the normalizer knows, with the fields its profiles map. */
  private static final List<Object[]> RECORDS = List.of(
      new Object[] {"json", "TimeGenerated", "2024-05-01T10:00:00Z", "EventID", 4688L, "Computer", "WS1",
          "Channel", "Security", "Process", "cmd.exe", "Account", "CORP\\alice", "NewProcessName",
          "C:\\Windows\\System32\\cmd.exe", "NewProcessId", "0x1f4", "ProcessId", "0x10", "CommandLine",
          "cmd /c ping 8.8.8.8", "ParentProcessName", "C:\\Windows\\explorer.exe", "SubjectUserName", "alice",
          "SubjectDomainName", "CORP", "EventRecordId", 7L, "TimeCollected", "2024-05-01T10:00:01Z"},
      new Object[] {"json", "TimeGenerated", "2024-05-01T10:00:00Z", "EventID", 4625L, "Computer", "DC1",
          "TargetUserName", "bob", "TargetDomainName", "CORP", "IpAddress", "10.1.2.3", "IpPort", "445",
          "ProcessName", "C:\\x\\lsass.exe"},
      new Object[] {"json", "TimeGenerated", "2024-05-01T10:00:00Z", "EventID", 5156L, "Computer", "WS1",
          "Application", "\\device\\x\\tomcat9.exe", "ProcessID", "3936", "SourceAddress", "10.0.0.1", "SourcePort",
          "50000", "DestAddress", "192.168.2.5", "DestPort", "443", "Protocol", "6", "Direction", "%%14593"},
      new Object[] {"json", "TimeGenerated", "2022-05-13T08:54:06Z", "Channel", "Microsoft-Windows-Sysmon/Operational",
          "Computer", "WS5", "EventID", 3L, "Type", "WindowsEvent", "EventData",
          "{\"UtcTime\":\"2022-05-13T08:54:05.123Z\",\"ProcessGuid\":\"{f3329a35}\","
              + "\"DestinationIp\":\"192.168.2.5\"}"},
      new Object[] {"json", "TimeGenerated", "2022-05-13T08:54:06Z", "Channel", "Security", "Computer", "WS5",
          "EventID", 5156L, "EventData", "<EventData><Data Name=\"ProcessID\">3936</Data></EventData>"},
      new Object[] {"json", "EventID", 1L, "Channel", "Microsoft-Windows-Sysmon/Operational", "Hostname", "WS5",
          "TimeCreated", "2021-06-11T09:07:15.635Z", "@timestamp", "2021-06-11T09:07:16Z", "UtcTime",
          "2021-06-12 01:07:15.633", "ProcessGuid", "{b1}", "ProcessId", "4", "Image", "C:\\x\\ping.exe", "User",
          "WS5\\apt", "CommandLine", "ping 1.1.1.1", "ParentProcessGuid", "{b0}", "ParentProcessId", "3",
          "ParentImage", "C:\\x\\cmd.exe", "ParentCommandLine", "cmd", "Message", "Process Create"},
      new Object[] {"json", "EventID", 3L, "Channel", "Microsoft-Windows-Sysmon/Operational", "Hostname", "WS5",
          "UtcTime", "2021-06-12 01:07:15.633", "SourceIp", "10.0.0.5", "SourcePort", "5000", "DestinationIp",
          "8.8.8.8", "DestinationPort", "53", "Protocol", "udp", "Initiated", "true"},
      new Object[] {"json", "EventID", 22L, "Channel", "Microsoft-Windows-Sysmon/Operational", "Hostname", "WS5",
          "UtcTime", "2021-06-12 01:07:15.633", "QueryName", "evil.example.com"},
      new Object[] {"json", "@timestamp", "2019-05-18T20:19:21.130Z", "computer_name", "HR001", "log_name",
          "Microsoft-Windows-Sysmon/Operational", "event_id", 3L, "record_number", "2187870", "source_name", "Sysmon",
          "event_data.UtcTime", "2019-05-07 11:32:37.933", "event_data.DestinationIp", "10.0.10.106",
          "user_data.x", "y", "message", "m"},
      new Object[] {"json", "@timestamp", "2019-05-18T20:19:21.130Z", "event.created", "2019-05-18T20:19:22Z",
          "winlog.channel", "Security", "winlog.event_id", 4688L, "winlog.computer_name", "HR001",
          "winlog.record_id", 5L, "winlog.provider_name", "Microsoft-Windows-Security-Auditing",
          "winlog.event_data.NewProcessName", "C:\\x\\cmd.exe", "winlog.event_data.CommandLine", "cmd /c x",
          "process.pid", 4L, "message", "m"},
      new Object[] {"json", "Event.System.Provider.#attributes.Name", "Microsoft-Windows-Security-Auditing",
          "Event.System.EventID", 4688L, "Event.System.TimeCreated.#attributes.SystemTime", "2021-06-03T12:17:58Z",
          "Event.System.EventRecordID", 1953363L, "Event.System.Channel", "Security", "Event.System.Computer", "fs01",
          "Event.EventData.NewProcessName", "C:\\x\\netsh.exe", "Event.EventData.CommandLine", "netsh c=1.1.1.1"},
      new Object[] {"evtx", "System.EventID", 4688L, "System.Channel", "Security", "System.Computer", "fs01",
          "System.EventRecordID", 9L, "System.Provider.Name", "Microsoft-Windows-Security-Auditing",
          "System.TimeCreated.SystemTime", "2021-06-03T12:17:58Z", "EventData.NewProcessName", "C:\\x\\netsh.exe",
          "EventData.CommandLine", "netsh c=1.1.1.1", "UserData.a.b", "c"},
      new Object[] {"json", "@timestamp", "2024-05-01T00:00:00.425Z", "event.id", "n1", "event.code", "1",
          "event.category", List.of("process"), "event.type", List.of("start"), "host.name", "h",
          "process.entity_id", "{A}", "process.pid", 5L, "process.executable", "C:\\x\\cmd.exe",
          "process.command_line", "cmd /c ping 8.8.8.8", "process.parent.executable", "C:\\x\\explorer.exe",
          "source.ip", "10.0.0.1", "destination.ip", "8.8.8.8", "destination.port", 53L, "user.name", "u"});

  /** Values of every type a reader can produce, and the strings that upset parsers. */
  private static final List<Object> ODD_VALUES = Arrays.asList("", "-", " ", "0x", "0xZZ", "not a time",
      "99999-99-99T99:99:99Z", "2024-02-30", "{00000000-0000-0000-0000-000000000000}", "\u0000", "ж\u202E",
      "\uD800", "x".repeat(40_000), 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1.5, -0.0, 1e300, Double.NaN,
      Double.POSITIVE_INFINITY, Boolean.TRUE, java.time.Instant.MAX,
      // a FILETIME of 0x8000000000000000 read as signed: ~27,600 BC, beyond what 64-bit ticks since 1970 hold
      java.time.Instant.ofEpochSecond(Long.MIN_VALUE / 10_000_000L - 11_644_473_600L), List.of(), List.of("a", "b"),
      List.of(1L, "x", 2.5), List.of(List.of("nested")));

  private final Normalizer normalizer = new Normalizer();

  @Test
  void everyFieldMissingOrOddStillGivesADocument() {
    int cases = 0;
    int fieldsInAll = 0;
    for (Object[] shape : RECORDS) {
      fieldsInAll += (shape.length - 1) / 2;
      int fields = (shape.length - 1) / 2;
      for (int damaged = 0; damaged < fields; damaged++) {
        check(shape, damaged, null);
        cases++;
        for (Object odd : ODD_VALUES) {
          check(shape, damaged, odd);
          cases++;
        }
      }
    }
    assertEquals(fieldsInAll * (1 + ODD_VALUES.size()), cases);
  }

  /** Normalizes and builds the record with field {@code damaged} removed (odd null) or set to {@code odd}. */
  private void check(Object[] shape, int damaged, Object odd) {
    RawRecord r = new RawRecord((String) shape[0], "t.json", 3);
    List<String> names = new ArrayList<>();
    for (int i = 1; i < shape.length; i += 2) {
      String name = (String) shape[i];
      boolean hit = (i - 1) / 2 == damaged;
      if (hit && odd == null) {
        continue;
      }
      names.add(name);
      r.add(name, hit ? odd : shape[i + 1]);
    }
    try {
      Event e = normalizer.normalize(r);
      e.set(Field.EVENT_SEQUENCE, 1L);
      Document doc = EventDocuments.of(e);
      assertNotNull(doc.getField(Field.LOG_FILE_PATH.fieldName()), "provenance lost");
    } catch (RuntimeException ex) {
      String value = odd == null ? "removed" : odd instanceof String s && s.length() > 40 ? "a long string"
          : String.valueOf(odd);
      fail("record " + names + " with field " + shape[1 + 2 * damaged] + " " + value + ": " + ex, ex);
    }
  }
}
