package org.huntindex.source;

import static org.huntindex.source.Fixtures.evidence;
import static org.huntindex.source.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.huntindex.normalize.Event;
import org.huntindex.normalize.Normalizer;
import org.huntindex.normalize.Ticks;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

/** Windows events as XML, the way Event Viewer saves them and {@code wevtutil} prints them. */
class XmlRecordReaderTest {
  /** A Security 4688 as Event Viewer's "Save as XML" writes it, rendered message included. */
  static final String PROCESS_CREATED = """
      <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider \
      Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4688</EventID>\
      <Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords>\
      <TimeCreated SystemTime='2021-06-03T12:12:14.6952611Z'/><EventRecordID>1953327</EventRecordID><Correlation/>\
      <Execution ProcessID='4' ThreadID='5388'/><Channel>Security</Channel><Computer>fs01.offsec.lan</Computer>\
      <Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-21-1</Data>\
      <Data Name='SubjectUserName'>admmig</Data><Data Name='SubjectDomainName'>OFFSEC</Data>\
      <Data Name='NewProcessId'>0x1ecc</Data><Data Name='NewProcessName'>C:\\Windows\\System32\\netsh.exe</Data>\
      <Data Name='ProcessId'>0x4d</Data><Data Name='CommandLine'>netsh interface portproxy add v4tov4 \
      listenaddress=0.0.0.0 connectaddress=45.76.1.2</Data><Data Name='TargetUserName'>-</Data>\
      <Data Name='ParentProcessName'>C:\\Windows\\System32\\cmd.exe</Data></EventData>\
      <RenderingInfo Culture='en-US'><Message>A new process has been created.</Message><Level>Information</Level>\
      </RenderingInfo></Event>""";

  static final String LOG_CLEARED = """
      <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider \
      Name='Microsoft-Windows-Eventlog'/><EventID>1102</EventID><TimeCreated SystemTime='2021-06-03T13:00:00Z'/>\
      <EventRecordID>7</EventRecordID><Channel>Security</Channel><Computer>fs01.offsec.lan</Computer></System>\
      <UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>\
      <SubjectUserName>admmig</SubjectUserName><SubjectDomainName>OFFSEC</SubjectDomainName></LogFileCleared>\
      </UserData></Event>""";

  private static CollectingSink read(byte[] bytes) throws IOException {
    CollectingSink sink = new CollectingSink();
    EvidenceReaders.standard().read(evidence("events.xml", bytes), sink);
    return sink;
  }

  @Test
  void eventViewersExportGivesOneRecordPerEventNamedAsTheEvtxReaderNamesThem() throws IOException {
    CollectingSink sink = read(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Events>\n" + PROCESS_CREATED + "\n"
        + LOG_CLEARED + "\n</Events>\n"));
    assertEquals(List.of(), sink.errors);
    assertEquals(List.of(3L, 4L), sink.positions());
    RawRecord created = sink.records.getFirst();
    assertEquals("xml", created.format());
    assertEquals("4688", created.get("System.EventID"));
    assertEquals("Microsoft-Windows-Security-Auditing", created.get("System.Provider.Name"));
    assertEquals("2021-06-03T12:12:14.6952611Z", created.get("System.TimeCreated.SystemTime"));
    assertEquals("1953327", created.get("System.EventRecordID"));
    assertEquals("5388", created.get("System.Execution.ThreadID"));
    assertEquals("C:\\Windows\\System32\\netsh.exe", created.get("EventData.NewProcessName"));
    assertEquals("-", created.get("EventData.TargetUserName"));
    assertEquals("A new process has been created.", created.get("RenderingInfo.Message"));
    assertNull(created.get("EventData.NewProcessName.Name"));
    assertNull(created.get("System"));
    RawRecord cleared = sink.records.get(1);
    assertEquals("admmig", cleared.get("UserData.LogFileCleared.SubjectUserName"));
  }

  @Test
  void wevtutilsEventsWithoutARootAndUtf16ExportsAreReadToo() throws IOException {
    CollectingSink bare = read(utf8(PROCESS_CREATED + LOG_CLEARED));
    assertEquals(List.of(), bare.errors);
    assertEquals(2, bare.records.size());
    byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Events>" + PROCESS_CREATED + "</Events>")
        .getBytes(StandardCharsets.UTF_16LE);
    CollectingSink wide = read(utf16);
    assertEquals(List.of(), wide.errors);
    assertEquals("admmig", wide.records.getFirst().get("EventData.SubjectUserName"));
    for (String start : List.of("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>", "<Events>", "")) {
      String end = start.isEmpty() ? "" : "</Events>";
      byte[] marked = utf8("\uFEFF" + start + PROCESS_CREATED + end);
      CollectingSink bom = read(marked);
      assertEquals(List.of(), bom.errors, start);
      assertEquals(1, bom.records.size(), start);
    }
  }

  @Test
  void aFileCutShortKeepsTheEventsBeforeTheCutAndSaysWhere() throws IOException {
    String whole = "<?xml version=\"1.0\"?>\n<Events>\n" + PROCESS_CREATED + "\n" + LOG_CLEARED + "\n</Events>";
    CollectingSink sink = read(utf8(whole.substring(0, whole.indexOf("<UserData>"))));
    assertEquals(1, sink.records.size());
    assertEquals(1, sink.errors.size());
    assertTrue(sink.errors.getFirst().position().startsWith("line 4, column "), sink.errors.toString());
  }

  @Test
  void aControlCharacterXmlDisallowsIsReadAsAReplacementNotTheEndOfTheFile() throws IOException {
    // evtxexport writes binary data's control characters raw; a strict parser would stop the file at the first
    String tainted = PROCESS_CREATED.replace("<Data Name='SubjectUserName'>admmig</Data>",
        "<Data Name='SubjectUserName'>adm\u0003mig\u0000</Data>");
    CollectingSink sink = read(utf8(tainted + "\n" + LOG_CLEARED));
    assertEquals(List.of(), sink.errors);
    assertEquals(2, sink.records.size());
    assertEquals("adm\uFFFDmig\uFFFD", sink.records.getFirst().get("EventData.SubjectUserName"));
    assertEquals("admmig", sink.records.get(1).get("UserData.LogFileCleared.SubjectUserName"));
  }

  @Test
  void noDtdNorEntityIsReadFromHostileXml() throws IOException {
    String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE Events [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">"
        + "<!ENTITY c SYSTEM \"file:///etc/passwd\">]>\n<Events><Event><System><EventID>&b;</EventID>"
        + "<Computer>&c;</Computer></System></Event></Events>";
    CollectingSink sink = read(utf8(laughs));
    assertTrue(sink.records.stream().noneMatch(r -> String.valueOf(r.get("System.Computer")).contains("root")),
        sink.records.toString());
    assertTrue(sink.records.stream().noneMatch(r -> String.valueOf(r.get("System.EventID")).contains("aaaa")),
        sink.records.toString());
    assertEquals(1, sink.errors.size(), sink.errors.toString());
  }

  @Test
  void nestingIsBounded() throws IOException {
    String deep = "<Event>" + "<a>".repeat(XmlRecordReader.MAX_DEPTH + 1) + "x" + "</a>".repeat(XmlRecordReader.MAX_DEPTH
        + 1) + "</Event>";
    CollectingSink sink = read(utf8(deep));
    assertEquals(List.of(), sink.records);
    assertTrue(sink.errors.getFirst().reason().contains("nested deeper than"), sink.errors.toString());
  }

  @Test
  void anExportedEventNormalizesAsTheSameEventReadFromEvtx() throws IOException {
    Event e = new Normalizer().normalize(read(utf8(PROCESS_CREATED)).records.getFirst());
    assertEquals("xml", e.string(Field.INPUT_TYPE));
    assertEquals(4688L, e.number(Field.EVENT_CODE));
    assertEquals(Ticks.of(Instant.parse("2021-06-03T12:12:14.6952611Z")), e.number(Field.TIMESTAMP));
    assertEquals("fs01.offsec.lan", e.string(Field.HOST_NAME));
    assertEquals(1953327L, e.number(Field.WINLOG_RECORD_ID));
    assertEquals("netsh.exe", e.string(Field.KQL_PROCESS));
    assertEquals("OFFSEC\\admmig", e.string(Field.KQL_ACCOUNT));
    assertEquals(0x1eccL, e.number(Field.PROCESS_PID));
    assertEquals(0x4dL, e.number(Field.PARENT_PID));
    assertEquals("cmd.exe", e.string(Field.PARENT_NAME));
    assertTrue(e.string(Field.PROCESS_COMMAND_LINE).startsWith("netsh interface portproxy"));
    assertEquals("A new process has been created.", e.string(Field.MESSAGE));
  }

  @Test
  void otherXmlIsNoEvidence() {
    byte[] task = utf8("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Task version=\"1.2\"><Triggers><EventTrigger>"
        + "<Subscription>x</Subscription></EventTrigger></Triggers></Task>");
    assertEquals(Format.UNKNOWN, FormatSniffer.sniff(task, task.length));
    byte[] events = utf8("<?xml version=\"1.0\"?><Events><Event xmlns='x'/></Events>");
    assertEquals(Format.XML, FormatSniffer.sniff(events, events.length));
  }
}
