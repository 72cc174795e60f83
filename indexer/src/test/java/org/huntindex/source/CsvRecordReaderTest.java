package org.huntindex.source;

import static org.huntindex.source.Fixtures.readCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  @Test
  void rowsBecomeRecordsNamedByTheHeaderAtTheirLine() throws IOException {
    CollectingSink sink = readCsv("TimeGenerated [UTC],Computer,EventID\r\n2024-01-01T00:00:00Z,HOST1,4688\r\n"
        + "2024-01-01T00:00:01Z,HOST2,4689\r\n");
    assertEquals(List.of(2L, 3L), sink.positions());
    RawRecord r = sink.records.get(1);
    assertEquals("HOST2", r.get("Computer"));
    assertEquals("4689", r.get("EventID"));
    assertEquals("2024-01-01T00:00:01Z", r.get("TimeGenerated [UTC]"));
    assertEquals("csv", r.format());
  }

  @Test
  void quotedCellsKeepCommasQuotesAndLineBreaks() throws IOException {
    CollectingSink sink = readCsv("Computer,CommandLine\n"
        + "H1,\"cmd.exe /c \"\"echo a,b\"\"\"\n"
        + "H2,\"line one\nline two\"\n"
        + "H3,plain\n");
    assertEquals(List.of(2L, 3L, 5L), sink.positions());
    assertEquals("cmd.exe /c \"echo a,b\"", sink.records.get(0).get("CommandLine"));
    assertEquals("line one\nline two", sink.records.get(1).get("CommandLine"));
    assertEquals(List.of(), sink.errors);
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
    CollectingSink sink = readCsv("\uFEFFComputer,Account\nH1,alice\n");
    assertEquals("H1", sink.records.get(0).get("Computer"));
  }

  @Test
  void emptyCellsAreLeftOut() throws IOException {
    RawRecord r = readCsv("a,b,c\n1,,3\n").records.get(0);
    assertEquals(2, r.size());
    assertNull(r.get("b"));
  }

  @Test
  void aRowOverTheValueBoundKeepsItsFirstCellsAndNamesTheCut() throws IOException {
    int columns = JsonFlattener.MAX_VALUES / 6 * 7 + 14;
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < columns; i++) {
      csv.append(i == 0 ? "" : ",").append("c").append(i);
    }
    csv.append('\n');
    for (int i = 0; i < columns; i++) {
      csv.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "" : "v");
    }
    CollectingSink sink = readCsv(csv.append("\n").toString());
    RawRecord r = sink.records.get(0);
    assertEquals(JsonFlattener.MAX_VALUES + 1, r.size());
    String cut = (String) r.get("_truncated");
    assertNull(r.get(cut));
    assertEquals("v", r.get("c" + (Integer.parseInt(cut.substring(1)) - 1)));
  }

  @Test
  void rowsWithTheWrongNumberOfCellsAreReportedAndSkipped() throws IOException {
    CollectingSink sink = readCsv("a,b\n1,2\n1\n1,2,3\n\n4,5\n");
    assertEquals(List.of(2L, 6L), sink.positions());
    assertEquals(List.of("line 3", "line 4"), sink.errorPositions());
    assertTrue(sink.errors.get(0).reason().contains("1 cells, header has 2"), sink.errors.get(0).reason());
  }

  @Test
  void eventViewersSixthCellIsTheDescriptionItsHeaderDoesNotName() throws IOException {
    CollectingSink sink = readCsv("\uFEFFLevel,Date and Time,Source,Event ID,Task Category\r\n"
        + "Information,5/1/2024 10:00:00 AM,Microsoft-Windows-Security-Auditing,4688,Process Creation,"
        + "\"A new process has been created.\r\n\r\nCreator Subject:\r\n\tAccount Name:\t\talice\"\r\n");
    assertEquals(List.of(), sink.errors);
    RawRecord r = sink.records.get(0);
    assertEquals("4688", r.get("Event ID"));
    assertTrue(((String) r.get("Description")).endsWith("Account Name:\t\talice"), (String) r.get("Description"));
    // under any other header a sixth cell is still a row that does not fit
    CollectingSink other = readCsv("Level,Date and Time,Source,Event ID,Task\r\nI,t,S,1,T,D\r\n");
    assertEquals(List.of("line 2"), other.errorPositions());
  }

  @Test
  void aRowThatAQuoteRunsOnForSeveralLinesIsReportedWithTheLinesItTook() throws IOException {
    CollectingSink sink = readCsv("a,b,c\n1,\"stray,2\n3,4,5\n\"x\",6,7\n8,9,10\n");
    assertEquals(List.of(5L), sink.positions());
    assertEquals(List.of("line 2"), sink.errorPositions());
    assertEquals("row spans lines 2-4 inside quotes and has 4 cells, header has 3: all 3 lines skipped (an unbalanced"
        + " quote?)", sink.errors.get(0).reason());
  }

  @Test
  void unterminatedQuoteAtTheEndKeepsTheRowsBefore() throws IOException {
    CollectingSink sink = readCsv("a,b\n1,2\n3,\"open\n");
    assertEquals(List.of(2L, 3L), sink.positions());
    assertEquals("open\n", sink.records.get(1).get("b"));
  }
}
