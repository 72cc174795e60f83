package org.huntindex.normalize;

import static org.huntindex.normalize.NormalizerTest.hasRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.huntindex.source.RawRecord;
import org.huntindex.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The classic PowerShell log's {@code Key=Value} details, as data fields a search can name. */
class PowerShellDetailsTest {
  private static final String DETAILS = String.join("\r\n", "\tNewEngineState=Available",
      "\tPreviousEngineState=None", "", "\tSequenceNumber=13", "", "\tHostName=ConsoleHost", "\tHostVersion=2.0",
      "\tHostId=5b4e7a3c-0f8d-4d8e-9c1b-2a7d6e5f4c3b", "\tHostApplication=powershell -version 2 -enc SQBFAFgA",
      "\tEngineVersion=2.0", "\tRunspaceId=0b7f2c9e-1d3a-4e5f-8a6b-7c9d0e1f2a3b", "\tPipelineId=", "\tCommandName=",
      "\tCommandType=", "\tScriptName=", "\tCommandPath=", "\tCommandLine=");

  private final Normalizer normalizer = new Normalizer();

  @Test
  void theDetailsOfAnUnnamedDataValueAreFieldsOfTheirOwn() {
    RawRecord r = new RawRecord("evtx", "Windows PowerShell.evtx", 3)
        .add("System.Channel", "Windows PowerShell").add("System.EventID", 400L)
        .add("System.TimeCreated.SystemTime", Instant.parse("2024-05-01T10:00:00Z"))
        .add("Data", "Available").add("Data", "None").add("Data", DETAILS);
    Event e = normalizer.normalize(r);
    assertTrue(hasRaw(e, "HostApplication", "powershell -version 2 -enc SQBFAFgA"));
    assertTrue(hasRaw(e, "EngineVersion", "2.0"));
    assertTrue(hasRaw(e, "HostName", "ConsoleHost"));
    assertFalse(rawNames(e).contains("CommandLine"), "an empty detail is no field");
    assertTrue(hasRaw(e, "Data", DETAILS), "the value stays whole");
  }

  @Test
  void theOperationalLogsContextGivesTheSameNames() {
    RawRecord r = new RawRecord("evtx", "PowerShell-Operational.evtx", 6)
        .add("System.Channel", "Microsoft-Windows-PowerShell/Operational").add("System.EventID", 4103L)
        .add("ContextInfo", String.join("\r\n", "        Severity = Informational", "        Host Name = ConsoleHost",
            "        Host Application = powershell.exe -nop -w hidden -enc SQBFAFgA", "        Engine Version = 5.1",
            "        Command Name = Invoke-Expression", "        Command Path = ", "        User = CORP\\alice", ""))
        .add("Payload", "CommandInvocation(Invoke-Expression): \"Invoke-Expression\"\r\nParameterBinding = x");
    Event e = normalizer.normalize(r);
    assertTrue(hasRaw(e, "HostApplication", "powershell.exe -nop -w hidden -enc SQBFAFgA"));
    assertTrue(hasRaw(e, "EngineVersion", "5.1"));
    assertTrue(hasRaw(e, "CommandName", "Invoke-Expression"));
    assertTrue(hasRaw(e, "User", "CORP\\alice"));
    assertFalse(rawNames(e).contains("CommandPath"));
    assertFalse(rawNames(e).contains("Severity"));
  }

  @Test
  void scriptTextThatLooksLikeADetailIsNotOneAndOtherLogsAreLeftAlone() {
    RawRecord r = new RawRecord("evtx", "Windows PowerShell.evtx", 4)
        .add("System.Channel", "Windows PowerShell").add("System.EventID", 800L)
        .add("Data", "\tHostApplication=powershell.exe\r\n\tEngineVersion=5.1.19041.1")
        .add("Data", "$a = 1\r\nfoo=bar\r\nHostApplication=not the host");
    Event e = normalizer.normalize(r);
    assertEquals(List.of("powershell.exe"), valuesOf(e, "HostApplication"));
    assertFalse(rawNames(e).contains("foo"));
    Event other = normalizer.normalize(new RawRecord("evtx", "a.evtx", 5).add("System.Channel", "Application")
        .add("System.EventID", 1L).add("Data", "\tHostApplication=x"));
    assertFalse(rawNames(other).contains("HostApplication"));
  }

  /**
   * Every real classic PowerShell event whose export holds the details (in its data, or in its message where the
   * export keeps only that) has them as fields, each value as the source wrote it: EVTX, Winlogbeat and NXLog alike.
   */
  @Test
  void realEventsOfEveryFormatGiveTheirHostApplication() {
    Map<String, LongAdder> byFormat = new ConcurrentHashMap<>();
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    SharedData.eachRecord(SharedData.realData(), r -> {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        for (Object v : r.value(i) instanceof List<?> list ? list : List.of(r.value(i))) {
          if (Values.text(v) instanceof String s && (s.contains("HostApplication=")
              || s.contains("Host Application = "))) {
            texts.add(s);
          }
        }
      }
      if (texts.isEmpty()) {
        return;
      }
      Event e = normalizer.normalize(r);
      String channel = e.string(org.huntindex.schema.Field.WINLOG_CHANNEL);
      boolean classic = "Windows PowerShell".equalsIgnoreCase(channel);
      if (!classic && !"Microsoft-Windows-PowerShell/Operational".equalsIgnoreCase(channel)) {
        return;
      }
      String label = classic ? "HostApplication=" : "Host Application = ";
      List<String> hosts = valuesOf(e, "HostApplication");
      if (hosts.size() != 1 || texts.stream().noneMatch(t -> t.contains(label + hosts.getFirst()))) {
        wrong.add(r.location() + ":" + r.position() + " " + hosts);
      }
      byFormat.computeIfAbsent((classic ? "classic " : "operational ")
          + e.string(org.huntindex.schema.Field.INPUT_TYPE), f -> new LongAdder()).increment();
    });
    assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), wrong.size() + " events");
    Map<String, Long> counts = new TreeMap<>();
    byFormat.forEach((f, n) -> counts.put(f, n.sum()));
    assertTrue(counts.keySet().containsAll(List.of("classic evtx", "classic nxlog", "classic winlogbeat",
        "operational evtx", "operational nxlog", "operational winlogbeat")), counts.toString());
  }

  private static List<String> valuesOf(Event e, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < e.rawSize(); i++) {
      if (e.rawName(i).equals(name)) {
        values.add(e.rawValue(i));
      }
    }
    return values;
  }

  private static List<String> rawNames(Event e) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < e.rawSize(); i++) {
      names.add(e.rawName(i));
    }
    return names;
  }
}
