package org.huntindex.source;

import static org.huntindex.source.Fixtures.BOM;
import static org.huntindex.source.Fixtures.readJson;
import static org.huntindex.source.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {

  @Test
  void jsonLinesGiveOneRecordPerLineWithItsLineNumber() throws IOException {
    CollectingSink sink = readJson("{\"a\":1}\n{\"a\":2}\r\n\n{\"a\":3}");
    assertEquals(List.of(1L, 2L, 4L), sink.positions());
    assertEquals(3L, sink.records.get(2).get("a"));
    assertEquals("json", sink.records.get(0).format());
    assertEquals("t.json", sink.records.get(0).location());
    assertEquals(List.of(), sink.errors);
  }

  @Test
  void threeBrokenLinesAmongAHundredGiveNinetySevenRecordsAndThreeErrors() throws IOException {
    String[] lines = Fixtures.jsonLines(100).split("\n");
    lines[9] = "{\"n\":10,";
    lines[49] = "{\"n\" 50}";
    lines[99] = "not json";
    CollectingSink sink = readJson(String.join("\n", lines) + "\n");
    assertEquals(97, sink.records.size());
    assertEquals(List.of("line 10", "line 50", "line 100"), sink.errorPositions());
    assertEquals(11L, sink.records.get(9).position());
  }

  @Test
  void anErrorSaysWhatAndWhereInTheFileNotWhereInJacksonsSource() throws IOException {
    CollectingSink sink = readJson("{\"a\":1}\n{\"EventID\":46\n{\"a\" 5}\n");
    assertEquals(List.of("line 2", "line 3"), sink.errorPositions());
    for (ReadError e : sink.errors) {
      assertTrue(e.toString().contains("(column "), e.toString());
      assertTrue(!e.toString().contains("Source") && !e.toString().contains("REDACTED"), e.toString());
    }
    assertTrue(sink.errors.getFirst().toString().contains("expected close marker for Object"),
        sink.errors.getFirst().toString());
  }

  @Test
  void anElasticsearchDocumentsSourceIsReadAsTheRecordItself() throws IOException {
    CollectingSink sink = readJson("{\"_index\":\"winlogbeat-1\",\"_id\":\"a1\",\"_source\":{\"@timestamp\":"
        + "\"2024-05-01T10:00:00Z\",\"event\":{\"code\":\"4688\"},\"host\":{\"name\":\"WS1\"}}}\n"
        + "{\"_index\":\"winlogbeat-1\",\"_id\":\"a2\",\"_source\":{\"host\":{\"name\":\"WS2\"}}}\n");
    assertEquals(List.of(1L, 2L), sink.positions());
    RawRecord first = sink.records.getFirst();
    assertEquals("4688", first.get("event.code"));
    assertEquals("WS1", first.get("host.name"));
    assertEquals("winlogbeat-1", first.get("_index"));
    assertEquals("a1", first.get("_id"));
    assertNull(first.get("_source.host.name"));
    assertEquals("WS2", sink.records.get(1).get("host.name"));
  }

  @Test
  void aSavedSearchResponseGivesOneRecordPerHitAtItsLine() throws IOException {
    CollectingSink sink = readJson("""
        {
          "took": 5,
          "timed_out": false,
          "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
              {"_index": "logs", "_id": "h1", "_source": {"host": {"name": "WS1"}}},
              {"_index": "logs", "_id": "h2",
               "_source": {"host": {"name": "WS2"}}}
            ]
          }
        }
        """);
    assertEquals(List.of(), sink.errors);
    assertEquals(List.of(7L, 8L), sink.positions());
    assertEquals(List.of("WS1", "WS2"), sink.records.stream().map(r -> r.get("host.name")).toList());
    assertNull(sink.records.getFirst().get("took"));
    // one line, as curl saves it
    CollectingSink line = readJson("{\"took\":1,\"hits\":{\"hits\":[{\"_source\":{\"a\":1}},{\"_source\":{\"a\":2}}]}}\n");
    assertEquals(List.of(1L, 1L), line.positions());
    assertEquals(List.of(1L, 2L), line.records.stream().map(r -> r.get("a")).toList());
  }

  @Test
  void aLogAnalyticsQueryResponseGivesOneRecordPerRowNamedByItsColumns() throws IOException {
    CollectingSink sink = readJson("""
        {
          "tables": [
            {
              "name": "PrimaryResult",
              "columns": [{"name": "TimeGenerated", "type": "datetime"}, {"name": "EventID", "type": "int"},
                          {"name": "CommandLine", "type": "string"}, {"type": "string"}],
              "rows": [
                ["2024-05-01T10:00:00Z", 4688, "cmd.exe /c whoami", "x"],
                ["2024-05-01T10:00:01Z", 4688, null, "y", "beyond the columns"]
              ]
            }
          ]
        }
        """);
    assertEquals(List.of(), sink.errors);
    assertEquals(List.of(8L, 9L), sink.positions());
    RawRecord first = sink.records.getFirst();
    assertEquals("2024-05-01T10:00:00Z", first.get("TimeGenerated"));
    assertEquals(4688L, first.get("EventID"));
    assertEquals("cmd.exe /c whoami", first.get("CommandLine"));
    assertEquals("x", first.get("column 4"));
    assertNull(sink.records.get(1).get("CommandLine"));
    assertEquals(3, sink.records.get(1).size(), "a null adds nothing, a value beyond the columns is left out");
    assertNull(first.get("tables.name"));
  }

  @Test
  void tableRowsBeforeTheirColumnsAreReportedNotMisnamed() throws IOException {
    CollectingSink sink = readJson("{\"tables\":[{\"rows\":[[1]],\"columns\":[{\"name\":\"a\"}]}]}\n");
    assertEquals(List.of(), sink.records);
    assertEquals(1, sink.errors.size());
    assertTrue(sink.errors.getFirst().toString().contains("table rows before their columns"), sink.errors.toString());
  }

  @Test
  void aSplunkExportRowIsItsResultAndEventXmlInItsRawIsThatEvent() throws IOException {
    String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>4688</EventID>"
        + "<TimeCreated SystemTime='2024-05-01T10:00:00.0000000Z'/><Channel>Security</Channel><Computer>WS1</Computer>"
        + "</System><EventData><Data Name='CommandLine'>cmd /c whoami</Data></EventData></Event>";
    CollectingSink sink = readJson("{\"preview\":false,\"offset\":0,\"result\":{\"_raw\":\"" + xml + "\","
        + "\"_time\":\"2024-05-01\",\"host\":\"WS1\",\"sourcetype\":\"XmlWinEventLog\"}}\n"
        + "{\"preview\":false,\"result\":{\"_raw\":\"LogName=Security\",\"EventCode\":\"4688\"}}\n"
        + "{\"preview\":false,\"result\":{\"_raw\":\"<Event><System>\",\"EventCode\":\"1\"},\"lastrow\":true}\n");
    assertEquals(List.of(1L, 2L, 3L), sink.positions());
    RawRecord event = sink.records.getFirst();
    assertEquals("xml", event.format());
    assertEquals("4688", event.get("System.EventID"));
    assertEquals("cmd /c whoami", event.get("EventData.CommandLine"));
    assertEquals("XmlWinEventLog", event.get("sourcetype"));
    assertNull(event.get("_raw"));
    assertNull(event.get("_time"));
    assertNull(event.get("preview"));
    assertNull(event.get("offset"));
    RawRecord classic = sink.records.get(1);
    assertEquals("4688", classic.get("EventCode"));
    assertEquals("LogName=Security", classic.get("_raw"));
    assertNull(classic.get("result.EventCode"));
    // XML that does not parse: said so, and the row kept as it was
    assertEquals("1", sink.records.get(2).get("EventCode"));
    assertNull(sink.records.get(2).get("lastrow"));
    assertEquals(List.of("line 3"), sink.errorPositions());
    assertTrue(sink.errors.getFirst().reason().startsWith("_raw holds no readable event XML: "), sink.errors.toString());
  }

  @Test
  void anEventWithHitsOfItsOwnIsNoSearchResponse() throws IOException {
    CollectingSink sink = readJson("{\"EventID\":1,\"hits\":{\"hits\":[{\"a\":1}]}}\n");
    assertEquals(1, sink.records.size());
    assertEquals(1L, sink.records.getFirst().get("EventID"));
    assertEquals(1L, sink.records.getFirst().get("hits.hits.a"));
  }

  @Test
  void topLevelArrayOfObjectsGivesOneRecordPerElementAtItsStartLine() throws IOException {
    CollectingSink sink = readJson("[\n  {\"a\": 1},\n  {\n    \"a\": 2\n  }\n]\n");
    assertEquals(List.of(2L, 3L), sink.positions());
    assertEquals(2L, sink.records.get(1).get("a"));
  }

  @Test
  void errorInsideAnArrayIsReportedAndReadingResumesAtTheNextRecord() throws IOException {
    CollectingSink sink = readJson("[\n{\"a\":1},\n{\"a\":},\n{\"a\":3}\n]");
    assertEquals(List.of(2L, 4L), sink.positions());
    assertEquals(3L, sink.records.get(1).get("a"));
    assertEquals(List.of("line 3"), sink.errorPositions());
  }

  @Test
  void damagedRecordsOfAPrettyPrintedArrayLoseOnlyThemselves() throws IOException {
    String record = "  {\n    \"EventID\": %d,\n    \"Data\": {\"x\": [1, 2]}\n  }";
    StringBuilder doc = new StringBuilder("[\n");
    for (int i = 1; i <= 6; i++) {
      String r = String.format(record, i);
      if (i == 2) {
        r = r.replace("[1, 2]", "[1, 2");
      } else if (i == 4) {
        r = r.replace("\"Data\"", "\"Da\u0001\"ta:");
      }
      doc.append(r).append(i < 6 ? ",\n" : "\n");
    }
    CollectingSink sink = readJson(doc.append("]\n").toString());
    assertEquals(List.of(1L, 3L, 5L, 6L), sink.records.stream().map(r -> r.get("EventID")).toList());
    assertEquals(List.of(2L, 10L, 18L, 22L), sink.positions());
    assertEquals(List.of("line 8", "line 16"), sink.errorPositions());
  }

  @Test
  void damagedPrettyPrintedObjectsOneAfterAnotherLoseOnlyThemselves() throws IOException {
    CollectingSink sink = readJson("{\n\"a\":1\n}\n{\n\"a\":\n}\n{\n\"a\":3\n}\n");
    assertEquals(List.of(1L, 7L), sink.positions());
    assertEquals(List.of("line 6"), sink.errorPositions());
  }

  @Test
  void aPrettyPrintedDocumentDamagedInItsFirstRecordIsStillReadAsOne() throws IOException {
    CollectingSink sink = readJson("{\n\"a\": 1,\n\"b\" 2\n}\n{\n\"a\": 2\n}\n{\n\"a\": 3\n}\n");
    assertEquals(List.of(5L, 8L), sink.positions());
    assertEquals(List.of("line 3"), sink.errorPositions());
  }

  @Test
  void aDocumentOnOneLineStillEndsAtItsFirstError() throws IOException {
    CollectingSink sink = readJson("[{\"a\":1},{\"a\":},{\"a\":3}]\n");
    assertEquals(List.of(1L), sink.positions());
    assertEquals(List.of("line 1"), sink.errorPositions());
  }

  @Test
  void singlePrettyPrintedObjectIsOneRecord() throws IOException {
    CollectingSink sink = readJson("{\n  \"Event\": {\n    \"System\": {\"EventID\": 4688}\n  }\n}\n");
    assertEquals(1, sink.records.size());
    assertEquals(4688L, sink.records.get(0).get("Event.System.EventID"));
    assertEquals(1L, sink.records.get(0).position());
  }

  @Test
  void concatenatedObjectsWithoutNewlinesAreSeparateRecords() throws IOException {
    CollectingSink sink = readJson("{\"a\":1}{\"a\":2} {\"a\":3}\n{\"a\":4}");
    assertEquals(List.of(1L, 1L, 1L, 2L), sink.positions());
  }

  @Test
  void prettyPrintedConcatenatedObjectsAreReadAsADocument() throws IOException {
    CollectingSink sink = readJson("{\n\"a\":1\n}\n{\n\"a\":2\n}\n");
    assertEquals(List.of(1L, 4L), sink.positions());
  }

  @Test
  void aFirstLineCutShortDoesNotTurnJsonLinesIntoADocument() throws IOException {
    CollectingSink sink = readJson("{\"a\":1,\"b\n{\"a\":2}\n{\"a\":3} {\"a\":\n{\"a\":4}\n");
    assertEquals(List.of(2L, 3L, 4L), sink.positions());
    assertEquals(List.of("line 1", "line 3"), sink.errorPositions());
  }

  @Test
  void byteOrderMarkIsSkipped() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(BOM);
    bytes.write(utf8("{\"a\":\"é\"}\n{\"a\":2}\n"));
    CollectingSink sink = readJson(bytes.toByteArray());
    assertEquals(List.of(1L, 2L), sink.positions());
    assertEquals("é", sink.records.get(0).get("a"));
    assertEquals(List.of(), sink.errors);
  }

  @Test
  void byteOrderMarkBeforeAnArrayIsSkipped() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(BOM);
    bytes.write(utf8("[{\"a\":1},{\"a\":2}]"));
    assertEquals(2, readJson(bytes.toByteArray()).records.size());
  }

  @Test
  void nestedObjectsAreFlattenedToDottedNames() throws IOException {
    RawRecord r = readJson("{\"process\":{\"name\":\"cmd.exe\",\"parent\":{\"pid\":4}},\"event_data\":{\"CommandLine\":\"x\"}}")
        .records.get(0);
    assertEquals(List.of("process.name", "process.parent.pid", "event_data.CommandLine"), names(r));
    assertEquals("cmd.exe", r.get("process.name"));
    assertEquals(4L, r.get("process.parent.pid"));
  }

  @Test
  void scalarsAreTypedAndNullsLeftOut() throws IOException {
    RawRecord r = readJson("{\"i\":-7,\"d\":1.5,\"e\":2e3,\"t\":true,\"f\":false,\"n\":null,\"big\":123456789012345678901234}")
        .records.get(0);
    assertEquals(-7L, r.get("i"));
    assertEquals(1.5, r.get("d"));
    assertEquals(2000.0, r.get("e"));
    assertEquals(Boolean.TRUE, r.get("t"));
    assertEquals(Boolean.FALSE, r.get("f"));
    assertNull(r.get("n"));
    assertEquals("123456789012345678901234", r.get("big"));
    assertEquals(6, r.size());
  }

  @Test
  void arraysOfScalarsBecomeListsAndArraysOfObjectsRepeatNames() throws IOException {
    RawRecord r = readJson("{\"tags\":[\"a\",1,[true]],\"empty\":[],\"hits\":[{\"ip\":\"1.2.3.4\"},{\"ip\":\"5.6.7.8\"}]}")
        .records.get(0);
    assertEquals(List.of("tags", "hits.ip", "hits.ip"), names(r));
    assertEquals(List.of("a", 1L, true), r.get("tags"));
    assertEquals("5.6.7.8", r.value(2));
  }

  @Test
  void nestingDeeperThanTheBoundIsCutButTheRecordKept() throws IOException {
    String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    RawRecord r = readJson("{\"keep\":1,\"deep\":" + deep + "}").records.get(0);
    assertEquals(1L, r.get("keep"));
    assertTrue(((String) r.get("_truncated")).startsWith("deep.a.a"));
  }

  @Test
  void aRecordOverTheValueBoundKeepsItsFirstValuesAndNamesTheCut() throws IOException {
    StringBuilder wide = new StringBuilder("{\"EventID\":1,\"list\":[1,2,3]");
    for (int i = 0; i < JsonFlattener.MAX_VALUES + 10; i++) {
      wide.append(",\"f").append(i).append("\":").append(i);
    }
    CollectingSink sink = readJson(wide.append("}\n{\"EventID\":2}\n").toString());
    RawRecord r = sink.records.get(0);
    assertEquals(JsonFlattener.MAX_VALUES - 4 + 3, r.size());
    assertEquals("f" + (JsonFlattener.MAX_VALUES - 4), r.get("_truncated"));
    assertEquals(List.of(1L, 2L), sink.positions());
  }

  @Test
  void aDocumentRecordOverTheTextBoundKeepsItsFirstValuesAndNamesTheCut() throws IOException {
    String big = "x".repeat(JsonFlattener.MAX_STRING_CHARS);
    StringBuilder doc = new StringBuilder("[\n{\"EventID\":1");
    for (int i = 0; i < 6; i++) {
      doc.append(",\n\"s").append(i).append("\":\"").append(big).append('"');
    }
    CollectingSink sink = readJson(doc.append("},\n{\"EventID\":2}\n]\n").toString());
    RawRecord r = sink.records.get(0);
    assertEquals("s4", r.get("_truncated"));
    assertEquals(big, r.get("s3"));
    assertNull(r.get("s4"));
    assertNull(r.get("s5"));
    assertEquals(List.of(2L, 9L), sink.positions());
  }

  @Test
  void oversizedLineIsReportedAndTheNextLinesRead() throws IOException {
    String big = "{\"a\":\"" + "x".repeat(200) + "\"}";
    String text = "{\"a\":1}\n" + big + "\n{\"a\":3}\n";
    CollectingSink sink = new CollectingSink();
    var batcher = new LineBatcher(new java.io.ByteArrayInputStream(utf8(text)), 16, 64);
    LineBatcher.Batch batch;
    while ((batch = batcher.next()) != null) {
      JsonRecordReader.parseBatch("t.json", batch, sink);
    }
    assertEquals(List.of(1L, 3L), sink.positions());
    assertEquals(List.of("line 2"), sink.errorPositions());
  }

  @Test
  void sloppyJsonFromRealExportsIsStillRead() throws IOException {
    // NaN, an unescaped backslash before a letter with no escape meaning, a raw tab inside a string
    CollectingSink sink = readJson("{\"a\":NaN,\"path\":\"C:\\Users\\x\",\"b\":\"tab\there\"}\n");
    assertEquals(List.of(), sink.errors);
    assertEquals("C:Usersx", sink.records.get(0).get("path"));
    assertEquals("tab\there", sink.records.get(0).get("b"));
  }

  @Test
  void nonObjectTopLevelValuesAreReported() throws IOException {
    CollectingSink sink = readJson("{\"a\":1}\n42\n[{\"a\":2},3]\n");
    assertEquals(List.of(1L, 3L), sink.positions());
    assertEquals(List.of("line 2", "line 3"), sink.errorPositions());
  }

  @Test
  void batchesParsedInParallelGiveTheSameRecords() throws Exception {
    String text = Fixtures.jsonLines(20_000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CollectingSink sink = new CollectingSink();
    new JsonRecordReader(pool).read(Fixtures.evidence("t.json", utf8(text)), sink);
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    List<Long> positions = new ArrayList<>(sink.positions());
    positions.sort(null);
    assertEquals(20_000, positions.size());
    assertEquals(20_000L, positions.get(19_999));
    for (RawRecord r : sink.records) {
      assertEquals(r.position(), r.get("n"));
    }
  }

  static List<String> names(RawRecord r) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      names.add(r.name(i));
    }
    return names;
  }
}
