package org.huntindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every field kind and every syntax form, over the fixture collection indexed by the real ingest path. */
class SearchSyntaxTest extends FixtureIndexTest {
  private static void matches(String query, String... ids) throws IOException {
    assertEquals(Set.of(ids), SearchFixture.ids(idx, query), query);
  }

  @Test
  void ipFieldMatchesAnAddressExactly() throws IOException {
    matches("destination.ip:8.8.8.8", "e3");
    matches("destination.ip:8.8.8.9");
  }

  @Test
  void ipFieldMatchesCidrBlocksQuotedOrNot() throws IOException {
    matches("destination.ip:\"10.0.0.0/8\"", "e4");
    matches("destination.ip:10.0.0.0/8", "e4");
    matches("source.ip:\"45.76.0.0/16\"", "e7", "e8");
    matches("destination.ip:\"2001:db8::/32\"", "e5");
  }

  @Test
  void ipv4CidrNeverCoversPlainIpv6AndIpv6CidrNeverCoversIpv4() throws IOException {
    matches("destination.ip:\"0.0.0.0/0\"", "e3", "e4", "e6");
    matches("destination.ip:\"2000::/3\"", "e5");
  }

  @Test
  void ipv4MappedIpv6IsTheSameAddressAsIpv4() throws IOException {
    matches("destination.ip:45.76.1.2", "e6");
    matches("destination.ip:\"::ffff:45.76.1.2\"", "e6");
    matches("destination.ip:\"::ffff:8.8.8.8\"", "e3");
    matches("destination.ip:\"::ffff:45.76.0.0/112\"", "e6");
  }

  @Test
  void ipRangesAndWholeOctetWildcards() throws IOException {
    matches("destination.ip:[1.0.0.0 TO 9.255.255.255]", "e3");
    matches("destination.ip:[10.1.2.3 TO *]", "e4", "e5", "e6");
    matches("destination.ip:{10.1.2.3 TO 45.76.1.2]", "e6");
    matches("source.ip:10.1.*", "e3", "e4", "e6");
    matches("destination.ip:>=45.0.0.0", "e5", "e6");
  }

  @Test
  void unquotedIpv6AddressesWork() throws IOException {
    matches("destination.ip:2001:db8:0:1::10", "e5");
    matches("source.ip:2001:DB8::42", "e5");
  }

  @Test
  void ipPseudoFieldSearchesEveryIpField() throws IOException {
    matches("ip:45.76.9.9", "e7", "e8");
    matches("ip:\"10.1.2.0/24\"", "e3", "e4", "e6", "e14");
  }

  @Test
  void addressesInTheCommandLineAreIpFieldsToo() throws IOException {
    matches("process.command_line.ip:45.76.3.4", "e11");
    matches("ip:45.76.3.4", "e11");
    matches("ip:10.1.2.3", "e4", "e14");
  }

  @Test
  void timestampRangesAreUtcSpansWithInclusiveDayBounds() throws IOException {
    matches("@timestamp:[2024-05-01 TO 2024-05-01]", "e1", "e2", "e3");
    matches("@timestamp:2024-05-01", "e1", "e2", "e3");
    matches("@timestamp:[2024-05-02T12:00 TO 2024-05-03]", "e4", "e5", "e6", "e14");
    matches("@timestamp:{2024-05-02T01:00 TO 2024-05-02T02:00}");
    matches("@timestamp:{2024-05-02T01:00 TO 2024-05-02T02:00]", "e10");
    matches("@timestamp:[2024-05-02T01:00:05 TO 2024-05-02T01:00:09]", "e8", "e9");
  }

  @Test
  void aYearAMonthOrAnHourIsThatWholeSpan() throws IOException {
    matches("@timestamp:2024-05-02T01", "e7", "e8", "e9");
    matches("@timestamp:2024-05-01T10+02:00", "e1", "e3");
    matches("@timestamp:[2024-05-02T23 TO 2024-05-03T00]", "e5", "e6");
    matches("@timestamp:{2024-05-02T01 TO 2024-05-02T03}", "e10");
    matches("@timestamp:2024-04");
    matches("@timestamp:2023");
    // every fixture event is of May 2024
    Set<String> all = SearchFixture.ids(idx, "*:*");
    assertEquals(all, SearchFixture.ids(idx, "@timestamp:2024-05"));
    assertEquals(all, SearchFixture.ids(idx, "@timestamp:2024"));
    assertEquals(all, SearchFixture.ids(idx, "@timestamp:[2024-04 TO 2024-05]"));
    matches("@timestamp:>=2024-06");
  }

  @Test
  void timesWithoutZoneAreUtcAndZonedTimesAreConverted() throws IOException {
    matches("@timestamp:\"2024-05-01T08:00\"", "e3");
    matches("@timestamp:\"2024-05-01T10:00+02:00\"", "e3");
    matches("@timestamp:\"2024-05-01T04:00-04:00\"", "e3");
    matches("@timestamp:[2024-05-01T10:15+02:00 TO 2024-05-01T11:00+02:00]", "e1", "e2");
  }

  @Test
  void comparisonOperatorsOnTimesAndNumbers() throws IOException {
    matches("@timestamp:>=2024-05-03", "e6", "e14");
    matches("@timestamp:>2024-05-02T23:59:59", "e6", "e14");
    matches("@timestamp:<2024-05-01T08:15", "e3");
    matches("@timestamp:<=2024-05-01T08:15", "e1", "e3");
    matches("@timestamp:\">=2024-05-03T06:00:00Z\"", "e14");
    matches("event.code:>4624", "e1", "e7", "e8", "e9", "e11", "e12", "e14");
    matches("destination.port:<445", "e3", "e5", "e6");
  }

  @Test
  void relativeTimesCountBackFromTheNewestEvent() throws IOException {
    matches("@timestamp:[last-6h TO *]", "e6", "e14");
    matches("@timestamp:[last-30m TO *]", "e14");
    matches("@timestamp:[last-1d TO last-6h]", "e4", "e5", "e6");
    matches("@timestamp:>=last-7d", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10", "e11", "e12",
        "e13", "e14");
    matches("@timestamp:last", "e14");
  }

  @Test
  void numericFieldsExactAndRange() throws IOException {
    matches("event.code:4625", "e7", "e8", "e9");
    matches("event.code:[4624 TO 4625]", "e7", "e8", "e9", "e10");
    matches("event.code:{4624 TO 4688}", "e7", "e8", "e9");
    matches("destination.port:(445 OR 53)", "e3", "e4");
    matches("process.pid:4242", "e1");
  }

  @Test
  void keywordsMatchWholeValuesInAnyCase() throws IOException {
    matches("host.name:ws0042.contoso.local", "e1", "e3", "e5", "e9");
    matches("host.name:ws0042*", "e1", "e3", "e5", "e9");
    matches("host.name:WS004?.contoso.local", "e1", "e2", "e3", "e5", "e6", "e9", "e11", "e12", "e13");
    matches("host.name:ws0042");
    matches("process.name:MIMIKATZ.EXE", "e2");
    matches("process.parent.name:winword.exe", "e1");
    matches("user.name:/adm.*/", "e7", "e8", "e9");
  }

  @Test
  void fuzzyKeywordsIgnoreCaseAndCountEdits() throws IOException {
    matches("process.name:MIMIKATS.EXE~1", "e2");
    matches("process.name:MIMIKTS.EXE~1");
    matches("process.name:MIMIKTS.EXE~2", "e2");
    matches("host.name:WS0042.contoso.locla~1", "e1", "e3", "e5", "e9");
  }

  @Test
  void multiValuedKeywordsAndIdsAreCaseInsensitiveToo() throws IOException {
    matches("event.category:NETWORK", "e3", "e4", "e5", "e6", "e13");
    matches("event.id:E1", "e1");
    matches("event.category:auth*", "e7", "e8", "e9", "e10");
  }

  @Test
  void windowsPathsInQuotesNeedNoDoubledBackslashes() throws IOException {
    matches("process.executable:\"C:\\Users\\bob\\Downloads\\mimikatz.exe\"", "e2");
    matches("process.executable:*\\\\downloads\\\\*", "e2");
  }

  @Test
  void commandLineMatchesTokensPhrasesWildcardsAndRegex() throws IOException {
    matches("process.command_line:\"-enc\"", "e1");
    matches("process.command_line:\\-enc", "e1");
    matches("process.command_line:mimikatz*", "e2");
    matches("process.command_line:*katz*", "e2");
    matches("process.command_line:\"sekurlsa::logonpasswords\"", "e2");
    matches("process.command_line:\"-w hidden\"", "e1");
    matches("process.command_line:\"hidden -w\"");
    matches("process.command_line:/sekurl[a-z]+/", "e2");
    matches("process.command_line:SEKURLSA", "e2");
    matches("process.command_line:\"\\\\45.76.3.4\\share\"", "e11");
  }

  @Test
  void bareTermsSearchCommandLinesAndMessages() throws IOException {
    matches("mimikatz.exe", "e2");
    matches("failed", "e7", "e8", "e9");
    matches("\"net use\"", "e11");
    matches("45.76.3.4", "e11");
    matches("backup AND \\-quiet", "e14");
    matches("backup AND -start", "e10"); // e10's raw TargetUserName svc_backup holds "backup", and e14 "start"
  }

  @Test
  void rawSourceFieldsByNameColonOrEquals() throws IOException {
    matches("TargetUserName:administrator", "e7", "e9");
    matches("TargetUserName=admin", "e8");
    matches("TargetUserName=adm*", "e7", "e8", "e9");
    matches("LogonType:3", "e7", "e8");
    matches("raw:\"LogonType=10\"", "e9");
  }

  @Test
  void aTermWithoutAFieldIsAlsoLookedForInsideEveryRawValue() throws IOException {
    matches("svc_back", "e10");
    matches("SVC_BACKUP", "e10");
    matches("\"Administrator\"", "e7", "e9");
    matches("LogonType"); // a name, in no value
    matches("svc_b*", "e10");
    matches("*_BACK*", "e10");
    matches("adm?n", "e7", "e8", "e9");
  }

  @Test
  void booleanOperatorsAndGroupsCombineFieldsAndNegationsAloneMeanEveryEventBut() throws IOException {
    matches("event.code:4625 AND NOT host.name:dc01*", "e9");
    matches("host.name:ws0043* AND (process.name:net.exe OR dns.question.name:*.duckdns.org)", "e11", "e13");
    matches("event.type:connection AND event.type:start", "e3");
    matches("NOT event.code:4625 AND NOT event.category:process", "e3", "e4", "e5", "e6", "e10", "e13");
    matches("(NOT event.category:process) AND host.name:ws0043*", "e6", "e13");
    matches("event.code:4625 OR (NOT event.category:network AND NOT event.category:process)", "e7", "e8", "e9", "e10");
    matches("*:*", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10", "e11", "e12", "e13", "e14");
  }

  @Test
  void windowsFieldNamesFindTheValuesNormalizationMovedIntoTheSchemaForTheEventsItMovedThem() throws IOException {
    matches("CommandLine:mimikatz*", "e2");
    matches("CommandLine:\"-enc\"", "e1");
    matches("NewProcessName:*powershell.exe", "e1");
    matches("Image:*mimikatz.exe", "e2");
    matches("SubjectUserName:alice", "e1");
    matches("TargetUserName:alice");
    matches("TargetUserName:administrator", "e7", "e9");
    matches("IpAddress:45.76.9.9", "e7", "e8");
    matches("IpAddress:\"45.76.0.0/16\" AND LogonType:3", "e7", "e8");
    matches("EventID:4625", "e7", "e8", "e9");
    matches("Computer:dc01*", "e7", "e8", "e10");
    matches("TargetUserName:svc*", "e10");
  }

  @Test
  void aWindowsNameTakesValuesItsSchemaFieldCannotHoldFromItsRawFieldAlone() throws IOException {
    matches("IpAddress:LOCAL", "e14");
    matches("IpAddress:lo*", "e14");
    matches("IpAddress:45.76.*", "e7", "e8");
    BadQueryException e = org.junit.jupiter.api.Assertions.assertThrows(BadQueryException.class,
        () -> SearchFixture.ids(idx, "EventID:abc"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not a whole number"), e.getMessage());
  }

  @Test
  void aBareStarLikeStarColonStarIsEveryEventWithOrWithoutText() throws IOException {
    Set<String> every = SearchFixture.ids(idx, "*:*");
    assertEquals(every, SearchFixture.ids(idx, "*"));
    assertEquals(every, SearchFixture.ids(idx, " * "));
    assertTrue(SearchFixture.ids(idx, "process.command_line:* OR message:*").size() < every.size(),
        "the fixture has events with neither command line nor message");
  }

  @Test
  void fieldColonStarMeansTheFieldIsPresent() throws IOException {
    matches("dns.question.name:*", "e13");
    matches("destination.port:*", "e3", "e4", "e5", "e6");
    matches("destination.ip:*", "e3", "e4", "e5", "e6");
  }
}
