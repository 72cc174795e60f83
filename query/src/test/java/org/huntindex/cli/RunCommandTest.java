package org.huntindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huntindex.index.IndexBuilder;
import org.huntindex.index.IngestReport;
import org.huntindex.testing.SharedData;
import org.huntindex.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt run} and {@code hunt list} as a user runs them: data on stdout only, notes on stderr. */
class RunCommandTest {
  private static final String HUNT_A = "sentinel-external-ip-in-command-line";
  private static final String HUNT_B = "elastic-command-prompt-network-connection";

  @TempDir
  static Path dir;

  private static String index;

  @BeforeAll
  static void build() throws IOException {
    Path events = dir.resolve("events.json");
    Files.writeString(events, """
        {"EventID":4688,"Process":"cmd.exe","CommandLine":"cmd /c ping 8.8.8.80","Computer":"WS1","Account":"C\\\\a","TimeGenerated":"2024-05-01T10:00:00Z"}
        {"EventID":4688,"Process":"cmd.exe","CommandLine":"=cmd /c ping 9.9.9.99","Computer":"WS1","Account":"C\\\\a","TimeGenerated":"2024-05-01T10:00:00Z"}
        {"@timestamp":1000,"event":{"id":"s1","category":["process"],"type":["start"]},"host":{"os":{"type":"windows"}},"process":{"name":"cmd.exe","entity_id":"{A}"}}
        {"@timestamp":2000,"event":{"id":"n1","category":["network"],"type":["start"]},"host":{"os":{"type":"windows"}},"process":{"name":"cmd.exe","entity_id":"{A}"},"destination":{"ip":"8.8.8.8"}}
        """);
    Path idx = dir.resolve("idx");
    new IndexBuilder(idx, IndexBuilder.Options.defaults(new PrintStream(OutputStream.nullOutputStream())))
        .index(List.of(events));
    index = idx.toString();
  }

  /** A real Security log in which an attacker's netsh port forwarding is live and, earlier, in slack space. */
  private static Path netshLog() {
    return SharedData.require().resolve("data/real/evtx-to-mitre-attack/TA0011-Command and Control/"
        + "T1572-Protocol tunneling/ID4688-netsh RDP port forwarding abuse.evtx");
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void helpNamesEverySubcommandWhetherAskedFirstOrAfterAnother() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"}, new String[0])) {
      CliRun r = run(args);
      for (String command : List.of("index", "stats", "list", "run", "demo", "search", "fields", "help")) {
        assertTrue(r.out().contains("\n  " + command + " ") || r.err().contains("\n  " + command + " "),
            String.join(" ", args) + " lists " + command + ":\n" + r.out() + r.err());
      }
    }
    CliRun runHelp = run("help", "run");
    assertEquals(0, runHelp.exit(), runHelp.err());
    assertTrue(runHelp.out().contains("Usage: hunt run"), runHelp.out());
    CliRun unknown = run("hunts");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("Unmatched argument") && unknown.err().contains("hunts"), unknown.err());
  }

  @Test
  void ndjsonPrintsOneObjectPerResultAndTimingsGoToStderr() {
    CliRun r = run("run", HUNT_A, "-i", index, "--format", "ndjson");
    assertEquals(0, r.exit());
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length, r.out());
    for (String line : lines) {
      assertTrue(line.startsWith("{\"Host_count\":1,\"IP\":") && line.endsWith("]}"), line);
    }
    assertTrue(r.err().contains(HUNT_A + ": 2 results in") && !r.err().contains("recovered"), r.err());
  }

  @Test
  void noResultsMeansEmptyStdoutAndExitZeroButJsonPrintsAnEmptyArray() {
    CliRun table = run("run", HUNT_B, "-i", index, "--process", "nothing.exe");
    assertEquals(0, table.exit());
    assertEquals("", table.out());
    CliRun json = run("run", HUNT_B, "-i", index, "--process", "nothing.exe", "--format", "json");
    assertEquals(0, json.exit());
    assertEquals("[]", json.out().strip());
  }

  @Test
  void limitKeepsTheFirstGroupsOrTheLatestSequences() {
    assertEquals("1\n", run("run", HUNT_A, "-i", index, "--limit", "1", "--count").out());
    assertEquals("1\n", run("run", HUNT_B, "-i", index, "--limit", "10", "--count").out());
  }

  @Test
  void fromAndToLimitEveryStageToATimeWindowAsATimePickerDoes() {
    assertEquals("2\n", run("run", HUNT_A, "-i", index, "--count", "--from", "2024-05-01").out());
    assertEquals("2\n", run("run", HUNT_A, "-i", index, "--count", "--from", "2024-05-01T10", "--to",
        "2024-05-01T10").out());
    assertEquals("0\n", run("run", HUNT_A, "-i", index, "--count", "--from", "2024-05-01T10:01").out());
    assertEquals("0\n", run("run", HUNT_A, "-i", index, "--count", "--to", "2024-04").out());
    assertEquals("2\n", run("run", HUNT_A, "-i", index, "--count", "--from", "last-1h").out());
    // the sequence's start (1970-01-01T00:00:01Z) and its connection (00:00:02Z) must both lie in the window
    assertEquals("1\n", run("run", HUNT_B, "-i", index, "--count", "--from", "1970", "--to", "1970-01-01T00:00:02")
        .out());
    assertEquals("0\n", run("run", HUNT_B, "-i", index, "--count", "--from", "1970-01-01T00:00:02").out());
    assertEquals("0\n", run("run", HUNT_B, "-i", index, "--count", "--to", "1970-01-01T00:00:01").out());
    CliRun backwards = run("run", HUNT_A, "-i", index, "--from", "2024-05-02", "--to", "2024-05-01");
    assertEquals(2, backwards.exit());
    assertTrue(backwards.err().contains("--from 2024-05-02 is after --to 2024-05-01"), backwards.err());
    CliRun notATime = run("run", HUNT_A, "-i", index, "--from", "yesterday");
    assertEquals(2, notATime.exit());
    assertTrue(notATime.err().contains("--from: 'yesterday' is not a time"), notATime.err());
  }

  @Test
  void csvIsExcelSafe() {
    CliRun r = run("run", HUNT_A, "-i", index, "--format", "csv");
    assertTrue(r.out().contains(",'=cmd /c ping 9.9.9.99,"), r.out());
  }

  @Test
  void listParametersTakeCommasAndRepeat() {
    assertEquals("2\n", run("run", HUNT_A, "-i", index, "--count", "--process", "nope,x", "--process", "cmd.exe").out());
  }

  @Test
  void mistakesExitNonZeroWithAMessageOnStderr() {
    CliRun unknown = run("run", "no-such-hunt", "-i", index);
    assertEquals(2, unknown.exit());
    assertEquals("", unknown.out());
    assertTrue(unknown.err().contains("known hunts"), unknown.err());
    CliRun wrongParam = run("run", HUNT_B, "-i", index, "--regex", "x");
    assertEquals(2, wrongParam.exit());
    assertTrue(wrongParam.err().contains("has no parameter --regex"), wrongParam.err());
    String events = dir.resolve("events.json").toString();
    CliRun fileAsIndex = run("index", "--no-progress", "-i", events, events);
    assertEquals(2, fileAsIndex.exit());
    assertTrue(fileAsIndex.err().contains(events + " is a file; -i names the index directory"), fileAsIndex.err());
  }

  @Test
  void indexingOnlyFilesThatHoldNoEventLogExitsOneWithoutAnError() throws IOException {
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(notes.resolve("README.md"), "# case notes\n");
    CliRun r = run("index", "--no-progress", "-i", dir.resolve("notes.idx").toString(), notes.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("note: skipped 1 file holding no event log"), r.err());
    assertTrue(r.err().contains(", 0 errors;") && r.err().contains("hunt: no readable input"), r.err());
  }

  /**
   * A real Security log in which an earlier run of an attacker's {@code netsh interface portproxy} survives only in
   * slack space: {@code --recovered} brings its time into the row, and search marks the recovered copies.
   */
  @Test
  void recoveredEventsAreHuntedOnRequestAndMarkedAsSuch() throws IOException {
    Path evtx = netshLog();
    Path idx = dir.resolve("netsh");
    IngestReport report = new IndexBuilder(idx,
        IndexBuilder.Options.defaults(new PrintStream(OutputStream.nullOutputStream()))).index(List.of(evtx));
    assertTrue(report.events() > 0 && report.recovered() > 0, report.toString());
    String[] hunt = {"run", HUNT_A, "-i", idx.toString(), "--process", "netsh", "--regex",
        "(\\d+\\.\\d+\\.\\d+\\.\\d+)", "--format", "csv"};
    String portproxy = "netsh  interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=48333 "
        + "connectaddress=127.0.0.1 connectport=80,";
    CliRun live = run(hunt);
    assertEquals(0, live.exit(), live.err());
    assertTrue(live.err().contains(String.format("%,d events recovered from EVTX slack space left out; --recovered "
        + "hunts them too", report.recovered())), live.err());
    assertTrue(live.out().contains(portproxy + "2021-06-03T12:18:04.3122222Z,2021-06-03T12:18:04.3122222Z,"),
        live.out());
    String[] withRecovered = java.util.Arrays.copyOf(hunt, hunt.length + 1);
    withRecovered[hunt.length] = "--recovered";
    CliRun all = run(withRecovered);
    assertEquals(0, all.exit(), all.err());
    assertTrue(!all.err().contains("left out"), "nothing is left out: " + all.err());
    assertTrue(all.out().contains(portproxy + "2021-06-03T12:12:14.6952611Z,2021-06-03T12:18:04.3122222Z,"),
        all.out());

    CliRun recovered = run("search", "-i", idx.toString(), "recovered:true", "--limit", "0", "--format", "csv",
        "--fields", "winlog.record_id");
    assertEquals(0, recovered.exit(), recovered.err());
    List<String> rows = recovered.out().lines().skip(1).toList();
    assertEquals(report.recovered(), rows.size(), recovered.out());
    assertTrue(recovered.err().contains(String.format("hunt: %,d hits (%,d recovered from EVTX slack space; NOT "
        + "recovered:true leaves them out)", rows.size(), rows.size())), recovered.err());
    rows.forEach(row -> assertTrue(row.endsWith(".evtx#" + row.substring(0, row.indexOf(',')) + " (recovered)"), row));
    CliRun table = run("search", "-i", idx.toString(), "process.command_line:portproxy", "--fields", "@timestamp");
    assertEquals(0, table.exit(), table.err());
    List<String> lines = table.out().lines().skip(1).toList();
    String shown = "\\S+ +ID4688-netsh RDP port forwarding abuse\\.evtx#\\d+( \\(recovered\\))?";
    assertTrue(lines.size() >= 2 && lines.stream().anyMatch(l -> l.endsWith(" (recovered)"))
        && lines.stream().allMatch(l -> l.matches(shown)), "a table shows the file name and the mark:\n" + table.out());
    CliRun liveOnly = run("search", "-i", idx.toString(), "NOT recovered:true", "--limit", "0", "--format", "csv");
    assertEquals(0, liveOnly.exit(), liveOnly.err());
    assertEquals(report.events(), liveOnly.out().lines().skip(1).count(), liveOnly.out());
    assertTrue(!liveOnly.err().contains("recovered from"), liveOnly.err());
    assertTrue(liveOnly.out().lines().skip(1).noneMatch(row -> row.contains("(recovered)")), liveOnly.out());
  }

  /**
   * The same log as XML (what {@code evtxexport -f xml} prints, less its banner line: the events one after another, as
   * {@code wevtutil qe /f:xml} prints them), and as Splunk's JSON and CSV exports of its events' XML, gives the same hunt
   * rows as the EVTX file itself.
   */
  @Test
  void eventsExportedAsXmlGiveTheRowsTheirEvtxFileGives() throws IOException, InterruptedException {
    Path evtx = netshLog();
    Path xml = dir.resolve("netsh.xml");
    Tools.XmlExport printed = evtxexportXml(evtx);
    Files.writeString(xml, printed.xml());
    // the same events as a Splunk export of XmlWinEventLog: each event's XML in a row's _raw
    Path splunk = dir.resolve("netsh-splunk.json");
    List<Object> splunkRows = new java.util.ArrayList<>();
    for (String event : printed.events()) {
      // in the order Splunk writes a row's fields, which the reader relies on; Map.of's order varies by run
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("preview", false);
      row.put("offset", splunkRows.size());
      row.put("result", Map.of("_raw", event, "sourcetype", "XmlWinEventLog"));
      splunkRows.add(row);
    }
    org.huntindex.hunts.Json.writeLines(splunk, splunkRows);
    // and as Splunk's CSV export of the same search
    Path splunkCsv = dir.resolve("netsh-splunk.csv");
    try (var csv = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(splunkCsv),
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader("_time", "host", "sourcetype", "_raw").get())) {
      for (Object row : splunkRows) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((Map<String, Object>) row).get("result");
        csv.printRecord("2021-06-03T12:17:58.000+0000", "fs01", result.get("sourcetype"), result.get("_raw"));
      }
    }
    List<String> rows = netshRows(List.of(evtx, xml, splunk, splunkCsv));
    assertTrue(rows.getFirst().lines().count() > 1, "the EVTX file has rows: " + rows.getFirst());
    assertEquals(rows.getFirst(), rows.get(1));
    assertEquals(rows.getFirst(), rows.get(2));
    assertEquals(rows.getFirst(), rows.get(3));
  }

  /**
   * The same log as {@code Get-WinEvent | ConvertTo-Json} objects (PowerShell 7's times; data values by position, hex
   * numbers as numbers) gives the same hunt rows as the EVTX file: the 4688s' layout names their values.
   */
  @Test
  void getWinEventObjectsGiveTheRowsTheirEvtxFileGives() throws IOException, InterruptedException {
    Path evtx = netshLog();
    Tools.XmlExport printed = evtxexportXml(evtx);
    List<Object> objects = new java.util.ArrayList<>();
    for (String xml : printed.events()) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("Id", Long.parseLong(xmlText(xml, "<EventID[^>]*>(\\d+)<")));
      object.put("ProviderName", xmlText(xml, "<Provider Name=\"([^\"]*)\""));
      object.put("LogName", xmlText(xml, "<Channel>([^<]*)<"));
      object.put("MachineName", xmlText(xml, "<Computer>([^<]*)<"));
      object.put("RecordId", Long.parseLong(xmlText(xml, "<EventRecordID>(\\d+)<")));
      object.put("TimeCreated", xmlText(xml, "SystemTime=\"([^\"]*)Z\"") + "+00:00");
      List<Object> properties = new java.util.ArrayList<>();
      for (Map.Entry<String, String> data : data(xml)) {
        String value = data.getValue();
        properties.add(Map.of("Value", value.matches("0x[0-9a-fA-F]+") ? Long.decode(value) : value));
      }
      object.put("Properties", properties);
      objects.add(object);
    }
    assertTrue(objects.size() > 1, printed.printed());
    Path json = dir.resolve("netsh-get-winevent.json");
    // ConvertTo-Json writes the objects as one array
    org.huntindex.hunts.Json.writeLines(json, List.of(objects));
    List<String> rows = netshRows(List.of(evtx, json));
    assertTrue(rows.getFirst().lines().count() > 1, "the EVTX file has rows: " + rows.getFirst());
    assertEquals(rows.getFirst(), rows.get(1));
  }

  /** The same log as EvtxECmd's CSV (KAPE's output): its EventData as JSON in Payload gives the EVTX file's rows. */
  @Test
  void evtxECmdCsvGivesTheRowsItsEvtxFileGives() throws IOException, InterruptedException {
    Path evtx = netshLog();
    Tools.XmlExport printed = evtxexportXml(evtx);
    Path csvFile = dir.resolve("netsh-evtxecmd.csv");
    int rows = 0;
    try (var csv = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(csvFile),
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader("RecordNumber", "EventRecordId", "TimeCreated",
            "EventId", "Level", "Provider", "Channel", "ProcessId", "Computer", "MapDescription", "Payload").get())) {
      for (String xml : printed.events()) {
        List<Object> items = new java.util.ArrayList<>();
        for (Map.Entry<String, String> data : data(xml)) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("@Name", data.getKey());
          if (!data.getValue().isEmpty()) {
            item.put("#text", data.getValue());
          }
          items.add(item);
        }
        Path payload = dir.resolve("payload.json");
        org.huntindex.hunts.Json.writeLines(payload, List.of(Map.of("EventData", Map.of("Data", items))));
        String systemTime = xmlText(xml, "SystemTime=\"([^\"]*)Z\"");
        csv.printRecord(++rows, xmlText(xml, "<EventRecordID>(\\d+)<"), systemTime.replace('T', ' '),
            xmlText(xml, "<EventID[^>]*>(\\d+)<"), "Info", xmlText(xml, "<Provider Name=\"([^\"]*)\""),
            xmlText(xml, "<Channel>([^<]*)<"), 4, xmlText(xml, "<Computer>([^<]*)<"), "",
            Files.readString(payload).strip());
      }
    }
    assertTrue(rows > 1, printed.printed());
    List<String> hunted = netshRows(List.of(evtx, csvFile));
    assertTrue(hunted.getFirst().lines().count() > 1, "the EVTX file has rows: " + hunted.getFirst());
    assertEquals(hunted.getFirst(), hunted.get(1));
  }

  /**
   * Defender for Endpoint's advanced hunting rows, as JSON and as the portal's CSV: cmd.exe's start and its connection
   * to a public address are one hunt B sequence; its connection to a private one and another process's are none.
   */
  @Test
  void huntBRunsOnDefenderProcessAndNetworkEvents() throws IOException {
    String[] columns = {"Timestamp", "DeviceId", "DeviceName", "ActionType", "FileName", "FolderPath",
        "ProcessCommandLine", "ProcessId", "ProcessCreationTime", "InitiatingProcessFileName",
        "InitiatingProcessFolderPath", "InitiatingProcessId", "InitiatingProcessCreationTime", "RemoteIP",
        "RemotePort", "Protocol"};
    String cmd = "C:\\Windows\\System32\\cmd.exe";
    List<List<Object>> rows = List.of(
        List.of("2024-05-01T10:00:00Z", "d1", "ws1", "ProcessCreated", "cmd.exe", cmd, "cmd.exe /c curl 8.8.4.4", 4242,
            "2024-05-01T10:00:00Z", "explorer.exe", "C:\\Windows\\explorer.exe", 900, "2024-05-01T08:00:00Z", "",
            "", ""),
        List.of("2024-05-01T10:00:01Z", "d1", "ws1", "ConnectionSuccess", "", "", "", "", "", "cmd.exe", cmd, 4242,
            "2024-05-01T10:00:00Z", "8.8.4.4", 80, "Tcp"),
        List.of("2024-05-01T10:00:02Z", "d1", "ws1", "ConnectionSuccess", "", "", "", "", "", "cmd.exe", cmd, 4242,
            "2024-05-01T10:00:00Z", "10.0.0.1", 445, "Tcp"),
        // the same pid, another process: started later, never seen starting
        List.of("2024-05-02T10:00:01Z", "d1", "ws1", "ConnectionSuccess", "", "", "", "", "", "cmd.exe", cmd, 4242,
            "2024-05-02T09:00:00Z", "8.8.8.8", 80, "Tcp"));
    for (Path source : defenderExports("defender", columns, rows)) {
      List<String> sequences = ndjson(HUNT_B, source);
      assertEquals(1, sequences.size(), source + ": " + sequences);
      assertTrue(sequences.getFirst().contains("\"destination.ip\":\"8.8.4.4\""), sequences.getFirst());
      assertTrue(sequences.getFirst().contains("\"join_keys\":[\"d1|4242|"), sequences.getFirst());
    }
  }

  /**
   * cmd.exe's DNS queries from {@code DeviceEvents}, with {@code AdditionalFields} as an object (JSON) and as text
   * (CSV): a query for a public name follows the start as hunt B's network event; one for {@code wpad} does not.
   */
  @Test
  void huntBRunsOnDefenderDnsQueries() throws IOException {
    String[] columns = {"Timestamp", "DeviceId", "DeviceName", "ActionType", "FileName", "FolderPath", "ProcessId",
        "ProcessCreationTime", "InitiatingProcessFileName", "InitiatingProcessFolderPath", "InitiatingProcessId",
        "InitiatingProcessCreationTime", "AdditionalFields"};
    String cmd = "C:\\Windows\\System32\\cmd.exe";
    String explorer = "C:\\Windows\\explorer.exe";
    List<List<Object>> rows = List.of(
        List.of("2024-05-01T10:00:00Z", "d1", "ws1", "ProcessCreated", "cmd.exe", cmd, 4242, "2024-05-01T10:00:00Z",
            "explorer.exe", explorer, 900, "2024-05-01T08:00:00Z", ""),
        List.of("2024-05-01T10:00:01Z", "d1", "ws1", "DnsQueryResponse", "", "", "", "", "cmd.exe", cmd, 4242,
            "2024-05-01T10:00:00Z", Map.of("DnsQueryString", "evil.example.com")),
        List.of("2024-05-01T11:00:00Z", "d1", "ws1", "ProcessCreated", "cmd.exe", cmd, 5151, "2024-05-01T11:00:00Z",
            "explorer.exe", explorer, 900, "2024-05-01T08:00:00Z", ""),
        List.of("2024-05-01T11:00:01Z", "d1", "ws1", "DnsQueryResponse", "", "", "", "", "cmd.exe", cmd, 5151,
            "2024-05-01T11:00:00Z", Map.of("DnsQueryString", "WPAD")));
    for (Path source : defenderExports("defender-dns", columns, rows)) {
      List<String> sequences = ndjson(HUNT_B, source);
      assertEquals(1, sequences.size(), source + ": " + sequences);
      assertTrue(sequences.getFirst().contains("\"dns.question.name\":\"evil.example.com\""), sequences.getFirst());
      assertTrue(sequences.getFirst().contains("\"join_keys\":[\"d1|4242|"), sequences.getFirst());
    }
  }

  /**
   * The rows as Defender's JSON (an empty cell left out) and as its portal's CSV (its time column and format; an
   * object cell written as JSON text, as the portal writes {@code AdditionalFields}).
   */
  private List<Path> defenderExports(String name, String[] columns, List<List<Object>> rows) throws IOException {
    Path json = dir.resolve(name + ".json");
    List<Object> objects = new java.util.ArrayList<>();
    for (List<Object> row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.length; i++) {
        if (!"".equals(row.get(i))) {
          object.put(columns[i], row.get(i));
        }
      }
      objects.add(object);
    }
    org.huntindex.hunts.Json.writeLines(json, objects);
    // the portal's CSV: its time column and its time format
    Path csv = dir.resolve(name + ".csv");
    try (var printer = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(csv),
        org.apache.commons.csv.CSVFormat.DEFAULT)) {
      List<String> header = new java.util.ArrayList<>(List.of(columns));
      header.set(0, "Timestamp [UTC]");
      printer.printRecord(header);
      for (List<Object> row : rows) {
        List<Object> cells = new java.util.ArrayList<>(row);
        java.time.LocalDateTime t = java.time.LocalDateTime.parse(((String) row.get(0)).replace("Z", ""));
        cells.set(0, t.format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss.SSS a",
            java.util.Locale.ROOT)));
        for (int i = 0; i < cells.size(); i++) {
          if (cells.get(i) instanceof Map<?, ?> m) {
            cells.set(i, org.huntindex.hunts.Json.text(m));
          }
        }
        printer.printRecord(cells);
      }
    }
    return List.of(json, csv);
  }

  /**
   * Event Viewer's "Save All Events As" CSV (five named columns, the description a sixth): a 4688 whose command line
   * holds a public address is hunt A's row, taken from the description's labelled lines; a private one is not.
   */
  @Test
  void huntARunsOnEventViewersCsv() throws IOException {
    Path csv = dir.resolve("security-eventviewer.csv");
    try (var printer = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(csv),
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
      printer.printRecord("Level", "Date and Time", "Source", "Event ID", "Task Category");
      printer.printRecord("Information", "5/1/2024 10:00:00 AM", "Microsoft-Windows-Security-Auditing", "4688",
          "Process Creation", processCreated("cmd.exe /c ping 8.8.8.80"));
      printer.printRecord("Information", "5/1/2024 10:05:00 AM", "Microsoft-Windows-Security-Auditing", "4688",
          "Process Creation", processCreated("cmd.exe /c x 10.0.0.10 8.8.8.8"));
    }
    List<String> rows = ndjson(HUNT_A, csv);
    assertEquals(1, rows.size(), rows.toString());
    // the private address's event is indexed too, and left out by the hunt
    assertEquals("2\n", run("search", "-i", dir.resolve("as-" + csv.getFileName()).toString(), "EventID:4688",
        "--count").out());
    assertTrue(rows.getFirst().contains("\"IP\":\"8.8.8.80\""), rows.getFirst());
    assertTrue(rows.getFirst().contains("\"Accounts\":[\"CORP\\\\alice\"]"), rows.getFirst());
    assertTrue(rows.getFirst().contains("\"FirstSeen\":\"2024-05-01T10:00:00.0000000Z\""), rows.getFirst());
  }

  /**
   * Event Viewer's CSV of a Sysmon log: cmd.exe's start and its connection to a public address are one hunt B sequence,
   * timed by Sysmon's own UTC times; its connection to a private address is none.
   */
  @Test
  void huntBRunsOnEventViewersCsvOfSysmon() throws IOException {
    String guid = "{11111111-2222-3333-4444-555555555555}";
    String cmd = "C:\\Windows\\System32\\cmd.exe";
    Path csv = dir.resolve("sysmon-eventviewer.csv");
    try (var printer = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(csv),
        org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
      printer.printRecord("Level", "Date and Time", "Source", "Event ID", "Task Category");
      printer.printRecord("Information", "5/1/2024 12:00:00 PM", "Sysmon", "1",
          "Process Create (rule: ProcessCreate)", String.join("\r\n", "Process Create:", "RuleName: -",
              "UtcTime: 2024-05-01 10:00:00.000", "ProcessGuid: " + guid, "ProcessId: 4242", "Image: " + cmd,
              "CommandLine: cmd.exe /c curl example.com", "ParentImage: C:\\Windows\\explorer.exe"));
      for (String address : List.of("10.0.0.7", "8.8.4.4")) {
        printer.printRecord("Information", "5/1/2024 12:00:02 PM", "Sysmon", "3",
            "Network connection detected (rule: NetworkConnect)", String.join("\r\n",
                "Network connection detected:", "RuleName: -", "UtcTime: 2024-05-01 10:00:01.500",
                "ProcessGuid: " + guid, "ProcessId: 4242", "Image: " + cmd, "Protocol: tcp", "Initiated: true",
                "SourceIsIpv6: false", "SourceIp: 10.0.0.5", "SourcePort: 50123", "DestinationIsIpv6: false",
                "DestinationIp: " + address, "DestinationPort: 443"));
      }
    }
    List<String> sequences = ndjson(HUNT_B, csv);
    assertEquals(1, sequences.size(), sequences.toString());
    assertTrue(sequences.getFirst().contains("\"destination.ip\":\"8.8.4.4\""), sequences.getFirst());
    assertTrue(sequences.getFirst().contains("\"@timestamp\":\"2024-05-01T10:00:01.500Z\""), sequences.getFirst());
  }

  /** A Security 4688's rendered message, as Windows writes it. */
  private static String processCreated(String commandLine) {
    return String.join("\r\n", "A new process has been created.", "", "Creator Subject:",
        "\tSecurity ID:\t\tS-1-5-21-1-2-3-1001", "\tAccount Name:\t\talice", "\tAccount Domain:\t\tCORP",
        "\tLogon ID:\t\t0x3E7", "", "Target Subject:", "\tSecurity ID:\t\tS-1-0-0", "\tAccount Name:\t\t-",
        "\tAccount Domain:\t\t-", "\tLogon ID:\t\t0x0", "", "Process Information:", "\tNew Process ID:\t\t0x1ecc",
        "\tNew Process Name:\tC:\\Windows\\System32\\cmd.exe", "\tToken Elevation Type:\t%%1936",
        "\tMandatory Label:\t\tS-1-16-12288", "\tCreator Process ID:\t0x214",
        "\tCreator Process Name:\tC:\\Windows\\explorer.exe", "\tProcess Command Line:\t" + commandLine);
  }

  /** An event's {@code Data} names and their text, XML's entities read; an empty element's text is empty. */
  private static List<Map.Entry<String, String>> data(String xml) {
    return java.util.regex.Pattern.compile("<Data Name=\"([^\"]*)\"(?:/>|>([^<]*)</Data>)").matcher(xml).results()
        .map(m -> Map.entry(m.group(1), m.group(2) == null ? "" : m.group(2).replace("&lt;", "<")
            .replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")))
        .toList();
  }

  private static String xmlText(String xml, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(xml);
    assertTrue(m.find(), regex + " in " + xml);
    return m.group(1);
  }

  /** What {@code evtxexport -f xml} prints for the file; the test is skipped where it is not installed. */
  private static Tools.XmlExport evtxexportXml(Path evtx) throws IOException, InterruptedException {
    Tools.XmlExport export = Tools.evtxexportXml(evtx);
    assertEquals(0, export.exit());
    return export;
  }

  /** Hunt A's rows for netsh with any dotted quad, over an index of each source alone, as CSV. */
  /** The hunt's NDJSON lines over a new index of {@code source} alone, which must index without an error. */
  private List<String> ndjson(String hunt, Path source) throws IOException {
    Path idx = dir.resolve("as-" + source.getFileName());
    IngestReport report = new IndexBuilder(idx,
        IndexBuilder.Options.defaults(new PrintStream(OutputStream.nullOutputStream()))).index(List.of(source));
    assertEquals(0, report.errors(), source.toString());
    CliRun r = run("run", hunt, "-i", idx.toString(), "--format", "ndjson");
    assertEquals(0, r.exit(), r.err());
    return r.out().lines().toList();
  }

  private List<String> netshRows(List<Path> sources) throws IOException {
    String[] hunt = {"run", HUNT_A, "--process", "netsh", "--regex", "(\\d+\\.\\d+\\.\\d+\\.\\d+)", "--format",
        "csv", "-i"};
    List<String> rows = new java.util.ArrayList<>();
    for (Path source : sources) {
      Path idx = dir.resolve("as-" + source.getFileName());
      IngestReport report = new IndexBuilder(idx,
          IndexBuilder.Options.defaults(new PrintStream(OutputStream.nullOutputStream()))).index(List.of(source));
      assertEquals(0, report.errors(), source.toString());
      String[] args = java.util.Arrays.copyOf(hunt, hunt.length + 1);
      args[hunt.length] = idx.toString();
      CliRun r = run(args);
      assertEquals(0, r.exit(), r.err());
      rows.add(r.out());
    }
    return rows;
  }

  @Test
  void searchTakesWindowsFieldNamesForTheValuesNormalizationMoved() {
    CliRun r = run("search", "-i", index, "CommandLine:ping AND EventID:4688", "--fields", "Computer,CommandLine",
        "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    List<String> rows = r.out().lines().toList();
    assertEquals("Computer,CommandLine,evidence", rows.getFirst());
    assertEquals(List.of("WS1,cmd /c ping 8.8.8.80,", "WS1,'=cmd /c ping 9.9.9.99,"),
        rows.stream().skip(1).map(l -> l.substring(0, l.lastIndexOf(',') + 1)).toList());
  }

  @Test
  void listNamesEveryHuntWithItsSource() {
    String out = run("list").out();
    for (String id : List.of(HUNT_A, HUNT_B, "external-ip-in-command-line")) {
      assertTrue(out.contains(id), out);
    }
    assertTrue(out.contains("execution_command_prompt_connecting_to_the_internet.toml"), out);
  }
}
