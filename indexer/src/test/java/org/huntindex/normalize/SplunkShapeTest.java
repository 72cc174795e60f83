package org.huntindex.normalize;

import static org.huntindex.normalize.NormalizerTest.hasRaw;
import static org.huntindex.normalize.NormalizerTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

/** Splunk search results of the Windows add-on's classic text: extracted fields, or only {@code _raw}. */
class SplunkShapeTest {
  static final String PROCESS_RAW = String.join("\r\n",
      "05/01/2024 10:00:00 AM",
      "LogName=Security",
      "EventCode=4688",
      "EventType=0",
      "ComputerName=WS1.corp.local",
      "SourceName=Microsoft Windows security auditing.",
      "Type=Information",
      "RecordNumber=1953327",
      "Keywords=Audit Success",
      "TaskCategory=Process Creation",
      "OpCode=Info",
      "Message=A new process has been created.",
      "",
      "Creator Subject:",
      "\tSecurity ID:\t\tS-1-5-21-1-2-3-1001",
      "\tAccount Name:\t\talice",
      "\tAccount Domain:\t\tCORP",
      "\tLogon ID:\t\t0x3E7",
      "",
      "Target Subject:",
      "\tSecurity ID:\t\tS-1-0-0",
      "\tAccount Name:\t\t-",
      "\tAccount Domain:\t\t-",
      "\tLogon ID:\t\t0x0",
      "",
      "Process Information:",
      "\tNew Process ID:\t\t0x1ecc",
      "\tNew Process Name:\tC:\\Windows\\System32\\cmd.exe",
      "\tToken Elevation Type:\t%%1936",
      "\tMandatory Label:\t\tS-1-16-12288",
      "\tCreator Process ID:\t0x214",
      "\tCreator Process Name:\tC:\\Windows\\explorer.exe",
      "\tProcess Command Line:\tcmd.exe /c curl http://8.8.4.4/a",
      "",
      "Token Elevation Type indicates the type of token that was assigned to the new process.");

  private final Normalizer normalizer = new Normalizer();


  private static void assertProcessStart(Event e) {
    assertEquals("splunk", e.string(Field.INPUT_TYPE));
    assertEquals(Ticks.of(Instant.parse("2024-05-01T10:00:00Z")), e.number(Field.TIMESTAMP));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("Security", e.string(Field.WINLOG_CHANNEL));
    assertEquals("WS1.corp.local", e.string(Field.HOST_NAME));
    assertEquals(1953327L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals("cmd.exe /c curl http://8.8.4.4/a", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals("C:\\Windows\\System32\\cmd.exe", e.string(Field.PROCESS_EXECUTABLE));
    assertEquals(0x1eccL, e.number(Field.PROCESS_PID));
    assertEquals(0x214L, e.number(Field.PARENT_PID));
    assertEquals("explorer.exe", e.string(Field.PARENT_NAME));
    assertEquals("alice", e.string(Field.USER_NAME));
    assertEquals("CORP\\alice", e.string(Field.KQL_ACCOUNT));
    assertEquals("cmd.exe", e.string(Field.KQL_PROCESS));
    assertEquals(List.of("8.8.4.4"), e.all(Field.COMMAND_LINE_IP).stream().map(Object::toString).toList());
  }

  @Test
  void theAddOnsExtractedFieldsAreNamedAsTheEventsDataIs() {
    // a CSV export: a field under both headings is one cell of two lines, subject first
    Event e = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+0000", "host", "ws1",
        "source", "WinEventLog:Security", "sourcetype", "WinEventLog", "EventCode", "4688",
        "ComputerName", "WS1.corp.local", "RecordNumber", "1953327",
        "Process_Command_Line", "cmd.exe /c curl http://8.8.4.4/a", "New_Process_Name", "C:\\Windows\\System32\\cmd.exe",
        "New_Process_ID", "0x1ecc", "Creator_Process_Name", "C:\\Windows\\explorer.exe", "Creator_Process_ID", "0x214",
        "Account_Name", "alice\n-", "Account_Domain", "CORP\n-", "_bkt", "main~1~X", "_cd", "1:2"));
    assertProcessStart(e);
    assertTrue(hasRaw(e, "TargetUserName", "-"));
    assertFalse(hasRaw(e, "_bkt", "main~1~X"), "Splunk's internal fields are not the event's");
    assertTrue(hasRaw(e, "sourcetype", "WinEventLog"));
  }

  @Test
  void rawTextAloneGivesTheSameEvent() {
    Event e = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+00:00", "host", "ws1",
        "source", "WinEventLog:Security", "sourcetype", "WinEventLog", "_raw", PROCESS_RAW));
    assertProcessStart(e);
    assertTrue(hasRaw(e, "TargetUserSid", "S-1-0-0"));
    assertTrue(hasRaw(e, "MandatoryLabel", "S-1-16-12288"));
    assertTrue(e.string(Field.MESSAGE).startsWith("A new process has been created."), e.string(Field.MESSAGE));
    assertEquals("Microsoft Windows security auditing.", e.string(Field.EVENT_PROVIDER));
  }

  @Test
  void sysmonLabelsAreItsDataNamesAndAConnectionsDirectionWordIsADirection() {
    String sysmon = String.join("\n", "LogName=Microsoft-Windows-Sysmon/Operational", "EventCode=1",
        "ComputerName=WS1", "Message=Process Create:", "RuleName: -", "UtcTime: 2024-05-01 10:00:00.123",
        "ProcessGuid: {11111111-2222-3333-4444-555555555555}", "ProcessId: 4242",
        "Image: C:\\Windows\\System32\\cmd.exe", "CommandLine: cmd.exe /c echo a: b", "User: CORP\\alice");
    Event start = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+0000",
        "source", "WinEventLog:Microsoft-Windows-Sysmon/Operational", "sourcetype", "WinEventLog", "_raw", sysmon));
    assertEquals(1L, start.number(Field.EVENT_CODE));
    assertEquals("{11111111-2222-3333-4444-555555555555}", start.string(Field.PROCESS_ENTITY_ID));
    assertEquals("cmd.exe /c echo a: b", start.string(Field.PROCESS_COMMAND_LINE));
    assertEquals(4242L, start.number(Field.PROCESS_PID));
    assertEquals(List.of("process"), start.all(Field.EVENT_CATEGORY));
    Event connection = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+0000", "host", "ws1",
        "source", "WinEventLog:Security", "sourcetype", "WinEventLog", "EventCode", "5156",
        "Application_Name", "\\device\\harddiskvolume2\\windows\\system32\\cmd.exe", "Direction", "Outbound",
        "Destination_Address", "8.8.4.4", "Destination_Port", "443", "Protocol", "6", "Process_ID", "4242"));
    assertEquals("egress", connection.string(Field.NETWORK_DIRECTION));
    assertEquals("8.8.4.4", connection.string(Field.DESTINATION_IP));
    assertEquals(443L, connection.number(Field.DESTINATION_PORT));
    assertEquals("tcp", connection.string(Field.NETWORK_TRANSPORT));
    assertEquals("cmd.exe", connection.string(Field.PROCESS_NAME));
  }

  @Test
  void aTableOfChosenFieldsWithoutSourcetypeIsStillAWindowsEvent() {
    // | table _time host EventCode LogName ComputerName Process_Command_Line New_Process_Name
    Event e = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+0000", "host", "ws1", "EventCode", "4688",
        "LogName", "Security", "ComputerName", "WS1.corp.local", "Process_Command_Line", "cmd.exe /c whoami",
        "New_Process_Name", "C:\\Windows\\System32\\cmd.exe"));
    assertEquals("splunk", e.string(Field.INPUT_TYPE));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("cmd.exe /c whoami", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals("cmd.exe", e.string(Field.PROCESS_NAME));
  }

  @Test
  void logonsAreNamedFromTheirLabelsToo() {
    String logon = String.join("\r\n", "LogName=Security", "EventCode=4624", "ComputerName=WS1",
        "Message=An account was successfully logged on.", "", "Subject:", "\tSecurity ID:\t\tS-1-5-18",
        "\tAccount Name:\t\tWS1$", "\tAccount Domain:\t\tCORP", "\tLogon ID:\t\t0x3E7", "", "Logon Information:",
        "\tLogon Type:\t\t3", "", "New Logon:", "\tSecurity ID:\t\tS-1-5-21-1-2-3-1001", "\tAccount Name:\t\talice",
        "\tAccount Domain:\t\tCORP", "\tLogon ID:\t\t0x1D2F3", "\tLinked Logon ID:\t\t0x0", "",
        "Process Information:", "\tProcess ID:\t\t0x0", "\tProcess Name:\t\t-", "", "Network Information:",
        "\tWorkstation Name:\tKALI", "\tSource Network Address:\t10.0.0.66", "\tSource Port:\t\t49812", "",
        "Detailed Authentication Information:", "\tLogon Process:\t\tNtLmSsp ", "\tAuthentication Package:\tNTLM");
    Event e = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+0000", "sourcetype", "WinEventLog",
        "_raw", logon));
    assertEquals(4624L, e.number(Field.EVENT_CODE));
    assertEquals("success", e.string(Field.EVENT_OUTCOME));
    assertEquals("alice", e.string(Field.USER_NAME));
    assertEquals("10.0.0.66", e.string(Field.SOURCE_IP));
    assertEquals(49812L, e.number(Field.SOURCE_PORT));
    assertTrue(hasRaw(e, "LogonType", "3"));
    assertTrue(hasRaw(e, "SubjectUserName", "WS1$"));
    assertTrue(hasRaw(e, "TargetLogonId", "0x1D2F3"));
    assertTrue(hasRaw(e, "AuthenticationPackageName", "NTLM"));
    // a failed logon from the add-on's fields: the account that failed is the second Account_Name
    Event failed = normalizer.normalize(json("_time", "2024-05-01T10:00:01.000+0000", "sourcetype", "WinEventLog",
        "EventCode", "4625", "LogName", "Security", "ComputerName", "WS1", "Account_Name", "WS1$\nadmin",
        "Account_Domain", "CORP\nWS1", "Logon_Type", "2", "Status", "0xC000006D", "Sub_Status", "0xC0000064",
        "Source_Network_Address", "10.0.0.66"));
    assertEquals("failure", failed.string(Field.EVENT_OUTCOME));
    assertEquals("admin", failed.string(Field.USER_NAME));
    assertEquals("10.0.0.66", failed.string(Field.SOURCE_IP));
    assertTrue(hasRaw(failed, "SubStatus", "0xC0000064"));
  }

  @Test
  void otherSplunkResultsAreNotThisShape() {
    Event e = normalizer.normalize(json("_time", "2024-05-01T10:00:00.000+0000", "sourcetype", "access_combined",
        "_raw", "GET / HTTP/1.1"));
    assertNull(e.get(Field.EVENT_CODE));
    assertFalse("splunk".equals(e.string(Field.INPUT_TYPE)));
  }
}
