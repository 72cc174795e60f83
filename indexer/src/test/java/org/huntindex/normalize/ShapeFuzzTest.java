package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.huntindex.source.RawRecord;
import org.junit.jupiter.api.Test;

/**
 * Records that look like each export shape, with random values in their marker fields (text with the separators the
 * shapes split on, numbers, lists, embedded JSON and XML, cut short): every one normalizes without an exception.
 */
class ShapeFuzzTest {
  private static final List<String> NAMES = List.of("_time", "sourcetype", "source", "_raw", "EventCode", "LogName",
      "Message", "Account_Name", "Process_Command_Line", "EventId", "Channel", "Payload", "Computer", "EventTime",
      "EventID", "EventData", "System.Channel", "System.EventID.Value", "System.TimeCreated.SystemTime", "Id",
      "LogName", "MachineName", "ProviderName", "Properties.Value", "Properties.Value.Value", "DeviceName",
      "ActionType", "Timestamp", "RemoteIP", "ProcessCreationTime", "InitiatingProcessCreationTime", "ProcessId",
      "InitiatingProcessId", "TimeGenerated", "EventLog", "Source", "Protocol", "Direction", "Date and Time",
      "Event ID", "Description", "AdditionalFields", "ContextInfo", "Hashes", "Data");
  private static final List<String> PIECES = List.of("WinEventLog", "XmlWinEventLog:Security", "Security",
      "Microsoft-Windows-Sysmon/Operational", "4688", "5156", "1", "\n", "\r\n", ":", "=", "Message=", "LogName=",
      "EventCode=", "\tNew Process Name:\t", "Account Name:", "Image: ", "{\"EventData\":{\"Data\":[", "{\"@Name\":\"a\",",
      "\"#text\":\"b\"}", "]}}", "{\"UserData\":{", "<EventData><Data Name=\"x\">", "</Data>", "2024-05-01T10:00:00Z",
      "0x1ecc", "-", "", " ", "Outbound", "ProcessCreated", "ConnectionSuccess", "8.8.4.4", "é", "\u0000", "{", "[",
      "\"", "DnsQueryResponse", "{\"DnsQueryString\":", "Sysmon", "Microsoft Windows security auditing.",
      "5/1/2024 10:00:00 AM", "Windows PowerShell", "Microsoft-Windows-PowerShell/Operational", "HostApplication=",
      "Host Application = ", "SHA256=", ",", "Service Control Manager", "Service Name:  ");

  @Test
  void randomRecordsOfEveryShapeNormalize() {
    Normalizer normalizer = new Normalizer();
    Random random = new Random(12);
    java.util.Set<String> shapes = new java.util.TreeSet<>();
    for (int round = 0; round < 20_000; round++) {
      RawRecord r = new RawRecord(random.nextInt(4) == 0 ? "csv" : "json", "fuzz", round);
      int fields = 1 + random.nextInt(12);
      for (int f = 0; f < fields; f++) {
        r.add(NAMES.get(random.nextInt(NAMES.size())), value(random));
      }
      shapes.add(normalizer.normalize(r).string(org.huntindex.schema.Field.INPUT_TYPE));
    }
    // the records reached every shape they were made to look like
    assertTrue(shapes.containsAll(List.of("splunk", "evtxecmd", "velociraptor", "defender", "get-winevent",
        "sentinel", "eventviewer")), shapes.toString());
  }

  private static Object value(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextLong();
      case 1 -> random.nextDouble() * 2e9;
      case 2 -> List.of(text(random), text(random));
      default -> text(random);
    };
  }

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    int pieces = random.nextInt(10);
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return s.toString();
  }
}
