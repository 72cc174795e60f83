package org.huntindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

/** Counts per value from doc values, over the fixture collection. */
class CountByTest extends FixtureIndexTest {
  private static CountBy countBy(String query, Field field) throws IOException {
    return idx.countBy(idx.parse(query), field);
  }

  @Test
  void multiValuedEventTypeCountsEachValueOfEachEvent() throws IOException {
    CountBy c = countBy("*:*", Field.EVENT_TYPE);
    assertEquals(List.of(new CountBy.Count("start", 10), new CountBy.Count("connection", 4),
        new CountBy.Count("info", 1), new CountBy.Count("protocol", 1)), c.counts());
    assertEquals(14, c.hits());
    assertEquals(0, c.missing());
  }

  @Test
  void multiValuedCategoryCountsOnlyTheHits() throws IOException {
    CountBy c = countBy("host.name:ws0043*", Field.EVENT_CATEGORY);
    assertEquals(List.of(new CountBy.Count("network", 2), new CountBy.Count("process", 2)), c.counts());
  }

  @Test
  void failedLogonsPerHostMostFrequentFirst() throws IOException {
    CountBy c = countBy("event.code:4625", Field.HOST_NAME);
    assertEquals(List.of(new CountBy.Count("DC01.contoso.local", 2), new CountBy.Count("WS0042.contoso.local", 1)),
        c.counts());
  }

  @Test
  void numbersAndAddressesAreCountedAsTheyPrint() throws IOException {
    assertEquals(List.of(new CountBy.Count("4625", 3)), countBy("TargetUserName:adm*", Field.EVENT_CODE).counts());
    CountBy ips = countBy("event.code:3", Field.DESTINATION_IP);
    assertEquals(4, ips.counts().size());
    assertTrue(ips.counts().contains(new CountBy.Count("45.76.1.2", 1)), ips.counts().toString());
    assertTrue(ips.counts().contains(new CountBy.Count("8.8.8.8", 1)), ips.counts().toString());
    assertTrue(ips.counts().contains(new CountBy.Count("2001:db8:0:1::10", 1)), ips.counts().toString());
  }

  @Test
  void rawFieldsAndWindowsNamesAreCountedFromStoredValuesAsFieldsShowsThem() throws IOException {
    CountBy users = idx.countBy(idx.parse("event.code:4625 OR TargetUserName:svc*"), "TargetUserName");
    assertEquals(List.of(new CountBy.Count("Administrator", 2), new CountBy.Count("admin", 1),
        new CountBy.Count("svc_backup", 1)), users.counts());
    assertEquals(4, users.hits());
    assertEquals(0, users.missing());
    CountBy lines = idx.countBy(idx.parse("*:*"), "CommandLine");
    assertEquals(List.of(
        new CountBy.Count("mimikatz.exe \"privilege::debug\" \"sekurlsa::logonpasswords\" exit", 1),
        new CountBy.Count("net use \\\\45.76.3.4\\share /user:guest", 1),
        new CountBy.Count("powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA", 1),
        new CountBy.Count("rundll32.exe C:\\Users\\carol\\AppData\\Local\\Temp\\x.dll,DllRegisterServer", 1),
        new CountBy.Count("wbadmin start backup -backupTarget:\\\\10.1.2.3\\backup -quiet", 1)),
        lines.counts(), "the command lines of the Security 4688s (e1, e11, e12, e14) and the Sysmon 1 (e2) only");
    assertEquals(14, lines.hits());
    assertEquals(9, lines.missing());
  }

  @Test
  void eventsWithoutTheFieldAreCountedAsMissing() throws IOException {
    CountBy c = countBy("event.category:network", Field.DESTINATION_IP);
    assertEquals(5, c.hits());
    assertEquals(1, c.missing());
  }

  @Test
  void aSchemaFieldWithoutDocValuesIsCountedFromStoredValues() throws IOException {
    assertTrue(!Field.USER_DOMAIN.has(Field.Flag.DOC_VALUES) && !Field.EVENT_ID.has(Field.Flag.DOC_VALUES),
        "the premise: fields kept without doc values");
    CountBy domains = countBy("*:*", Field.USER_DOMAIN);
    assertEquals(List.of(new CountBy.Count("CONTOSO", 1)), domains.counts());
    assertEquals(14, domains.hits());
    assertEquals(13, domains.missing());
    assertEquals(List.of(new CountBy.Count("e7", 1), new CountBy.Count("e8", 1), new CountBy.Count("e9", 1)),
        countBy("event.code:4625", Field.EVENT_ID).counts());
  }
}
