package org.huntindex.source;

import static org.huntindex.source.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {

  private static Format sniff(byte[] bytes) {
    return FormatSniffer.sniff(bytes, bytes.length);
  }

  @Test
  void evtxIsRecognisedByItsFileMagic() {
    assertEquals(Format.EVTX, sniff(utf8("ElfFile\0\0\0\0\0")));
  }

  @Test
  void jsonStartsWithABraceOrBracketAfterBomAndWhitespace() throws IOException {
    assertEquals(Format.JSON, sniff(utf8("{\"a\":1}")));
    assertEquals(Format.JSON, sniff(utf8(" \r\n\t[{}]")));
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    bom.write(Fixtures.BOM);
    bom.write(utf8("\n{}"));
    assertEquals(Format.JSON, sniff(bom.toByteArray()));
  }

  @Test
  void csvNeedsAHeaderRowOfAtLeastTwoNames() {
    assertEquals(Format.CSV, sniff(utf8("TimeGenerated [UTC],Computer,\"Command, Line\"\r\n1,2,3\r\n")));
    assertEquals(Format.CSV, sniff(utf8("\uFEFFa,b")));
    assertEquals(Format.UNKNOWN, sniff(utf8("just one column\n1\n")));
    assertEquals(Format.UNKNOWN, sniff(utf8("a,,b\n")));
  }

  @Test
  void csvHeaderIsFollowedByARowOfAsManyCellsWhenThereIsOne() {
    assertEquals(Format.CSV, sniff(utf8("a,b\n")));
    assertEquals(Format.CSV, sniff(utf8("a,b\r\n1,\"two\r\nlines, and a comma\"\r\n")));
    assertEquals(Format.CSV, sniff(utf8("a,b\n1,\"an unbalanced quote\n")));
    assertEquals(Format.CSV, sniff(utf8("a,b,c\n1,2,3")));
    assertEquals(Format.UNKNOWN, sniff(utf8("# Real Windows event data (third-party, redistributable)\n\n| a | b |\n")));
    assertEquals(Format.UNKNOWN, sniff(utf8("Notes, day one\nlogged in at 9\n")));
    assertEquals(Format.UNKNOWN, sniff(utf8("a,b\n1,2,3\n")));
    // Event Viewer's export leaves its sixth column, the description, unnamed
    assertEquals(Format.CSV, sniff(utf8("\uFEFFLevel,Date and Time,Source,Event ID,Task Category\r\n"
        + "Information,5/1/2024 10:00:00 AM,Sysmon,1,Process Create,\"Process Create:\r\nRuleName: -\"\r\n")));
    assertEquals(Format.UNKNOWN, sniff(utf8("Level,Date and Time,Source,Event ID,Task\r\nI,t,S,1,T,D\r\n")));
    assertEquals(Format.UNKNOWN, sniff(utf8("a,\"b\n")));
  }

  @Test
  void textAndBinaryAreUnknownAndDescribedByTheirFirstBytes() {
    byte[] bytes = utf8("MIT License\n\nCopyright");
    assertEquals(Format.UNKNOWN, sniff(bytes));
    assertEquals("first bytes 4d 49 54 20 4c 69 63 65 6e 73 65 0a 0a 43 6f 70 \"MIT License..Cop\"",
        FormatSniffer.describe(bytes, bytes.length));
    assertEquals(Format.UNKNOWN, sniff(new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0}));
    assertEquals(Format.UNKNOWN, sniff(new byte[0]));
  }
}
