package org.huntindex.normalize;

import static org.huntindex.normalize.NormalizerTest.hasRaw;
import static org.huntindex.normalize.NormalizerTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

/** Event Viewer's "Save All Events As" CSV rows: the data comes from the description's labelled lines. */
class EventViewerShapeTest {
  /** The rendered message of a Security 4688, as Windows writes it. */
  static final String PROCESS_DESCRIPTION =
      SplunkShapeTest.PROCESS_RAW.substring(SplunkShapeTest.PROCESS_RAW.indexOf("Message=") + "Message=".length());

  private final Normalizer normalizer = new Normalizer();

  @Test
  void aSecurityProcessStartIsReadFromItsDescription() {
    Event e = normalizer.normalize(json("Level", "Information", "Date and Time", "5/1/2024 10:00:00 AM",
        "Source", "Microsoft Windows security auditing.", "Event ID", "4688", "Task Category", "Process Creation",
        "Description", PROCESS_DESCRIPTION));
    assertEquals("eventviewer", e.string(Field.INPUT_TYPE));
    assertEquals(Ticks.of(Instant.parse("2024-05-01T10:00:00Z")), e.number(Field.TIMESTAMP));
    assertEquals("Security", e.string(Field.WINLOG_CHANNEL));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("cmd.exe /c curl http://8.8.4.4/a", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals("C:\\Windows\\System32\\cmd.exe", e.string(Field.PROCESS_EXECUTABLE));
    assertEquals(0x1eccL, e.number(Field.PROCESS_PID));
    assertEquals("explorer.exe", e.string(Field.PARENT_NAME));
    assertEquals("CORP\\alice", e.string(Field.KQL_ACCOUNT));
    assertEquals("cmd.exe", e.string(Field.KQL_PROCESS));
    assertEquals(List.of("8.8.4.4"), e.all(Field.COMMAND_LINE_IP).stream().map(Object::toString).toList());
    assertTrue(hasRaw(e, "TargetUserSid", "S-1-0-0"));
    assertTrue(hasRaw(e, "Task Category", "Process Creation"));
    assertTrue(e.string(Field.MESSAGE).startsWith("A new process has been created."));
    assertNull(e.get(Field.HOST_NAME), "the export names no computer");
  }

  @Test
  void sysmonLabelsAreItsDataNames() {
    String description = String.join("\r\n", "Process Create:", "RuleName: -",
        "UtcTime: 2024-05-01 10:00:00.123", "ProcessGuid: {11111111-2222-3333-4444-555555555555}",
        "ProcessId: 4242", "Image: C:\\Windows\\System32\\cmd.exe", "CommandLine: cmd.exe /c ping 8.8.8.8",
        "ParentImage: C:\\Windows\\explorer.exe");
    Event e = normalizer.normalize(json("Level", "Information", "Date and Time", "5/1/2024 12:00:00 PM",
        "Source", "Sysmon", "Event ID", "1", "Task Category", "Process Create (rule: ProcessCreate)",
        "Description", description));
    assertEquals("Microsoft-Windows-Sysmon/Operational", e.string(Field.WINLOG_CHANNEL));
    // the export's local time gives way to Sysmon's own UTC time
    assertEquals(Ticks.of(Instant.parse("2024-05-01T10:00:00.123Z")), e.number(Field.TIMESTAMP));
    assertEquals(List.of("process"), e.all(Field.EVENT_CATEGORY));
    assertEquals("{11111111-2222-3333-4444-555555555555}", e.string(Field.PROCESS_ENTITY_ID));
    assertEquals("cmd.exe", e.string(Field.PROCESS_NAME));
    assertEquals("cmd.exe /c ping 8.8.8.8", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals("explorer.exe", e.string(Field.PARENT_NAME));
  }

  @Test
  void aServiceInstallIsASystemEventWithItsData() {
    Event e = normalizer.normalize(json("Level", "Information", "Date and Time", "5/1/2024 10:00:00 AM",
        "Source", "Service Control Manager", "Event ID", "7045", "Task Category", "None",
        "Description", String.join("\r\n", "A service was installed in the system.", "",
            "Service Name:  PSEXESVC", "Service File Name:  %SystemRoot%\\PSEXESVC.exe",
            "Service Type:  user mode service", "Service Start Type:  demand start", "Service Account:  LocalSystem")));
    assertEquals("System", e.string(Field.WINLOG_CHANNEL));
    assertTrue(hasRaw(e, "ServiceName", "PSEXESVC"));
    assertTrue(hasRaw(e, "ImagePath", "%SystemRoot%\\PSEXESVC.exe"));
    assertTrue(hasRaw(e, "AccountName", "LocalSystem"));
  }

  @Test
  void anotherSourceKeepsItsDescriptionAsTheMessage() {
    Event e = normalizer.normalize(json("Level", "Error", "Date and Time", "5/1/2024 10:00:00 AM",
        "Source", "Application Error", "Event ID", "1000", "Task Category", "(100)",
        "Description", "Faulting application name: foo.exe, version: 1.0.0.0\r\nException code: 0xc0000005"));
    assertNull(e.get(Field.WINLOG_CHANNEL));
    assertEquals("Application Error", e.string(Field.EVENT_PROVIDER));
    assertEquals(1000L, e.number(Field.EVENT_CODE));
    assertTrue(e.string(Field.MESSAGE).contains("Exception code: 0xc0000005"));
  }
}
