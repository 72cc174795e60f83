package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpScannerTest {

  private static List<String> found(String text) {
    return IpScanner.scan(text).stream().map(h -> IpAddresses.format(h.address())).toList();
  }

  private static List<String> spans(String text) {
    return IpScanner.scan(text).stream().map(h -> text.substring(h.start(), h.end())).toList();
  }

  @Test
  void findsEveryIpv4WhereverTheKqlRegexWouldMissIt() {
    assertEquals(List.of("8.8.8.8"), found("ping 8.8.8.8"));
    assertEquals(List.of("10.0.0.1", "8.8.8.8"), found("x 10.0.0.1 8.8.8.8"));
    assertEquals(List.of("8.8.8.8"), found("cmd /c curl http://8.8.8.8/x"));
    assertEquals(List.of("1.2.3.4"), found("powershell -c iwr 1.2.3.4:8080"));
    assertEquals(List.of("203.0.113.5"), found("net use \\\\203.0.113.5\\c$"));
    assertEquals(List.of("8.8.8.8"), found("ping\t8.8.8.8\r\n"));
    assertEquals(List.of("8.8.8.8", "9.9.9.99"), found("ping 8.8.8.8,9.9.9.99"));
    assertEquals(List.of("45.33.32.156"), found("powershell -c \"Test-Connection 45.33.32.156\""));
    assertEquals(List.of("10.0.0.0"), found("route add 10.0.0.0/8"));
    assertEquals(List.of("1.2.3.4"), found("Connected to 1.2.3.4."));
    assertEquals(List.of("1.2.3.4"), found("-ip:1.2.3.4"));
    assertEquals(List.of("1.2.3.4"), found("Bad:1.2.3.4"));
  }

  @Test
  void rejectsVersionsLongerRunsAndGluedWords() {
    assertEquals(List.of(), found("version 10.0.19041.1"));
    assertEquals(List.of(), found("ver 1.2.3.4.5"));
    assertEquals(List.of(), found("ping a8.8.8.8 8.8.8.8x é8.8.8.8 8.8.8.8ж _1.2.3.4"));
    assertEquals(List.of(), found("ping 1.2.3.456 256.1.1.1 1.2.3"));
    assertEquals(List.of(), found("copy 1.2.3.4.txt 4.3.2.1.in-addr.arpa"));
    assertEquals(List.of(), found("ping 010.0.0.1"));
    assertEquals(List.of(), found("2024-05-01T10:00:00.123Z 12:30:45 00:1A:2B:3C:4D:5E"));
  }

  @Test
  void aVersionFolderInAPathIsNoAddressButAUncHostIs() {
    assertEquals(List.of(), found("\"C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\1.3.185.29\\MicrosoftEdgeUpdate.exe\""));
    assertEquals(List.of("203.0.113.5"), found("copy \\\\203.0.113.5\\share\\a.exe ."));
    assertEquals(List.of("1.3.185.29"), found("type C:\\logs\\1.3.185.29"));
  }

  @Test
  void findsIpv6InItsCommonShapes() {
    assertEquals(List.of("2001:db8::1"), found("curl http://[2001:db8::1]:443/x"));
    assertEquals(List.of("2001:db8::1"), spans("curl http://[2001:DB8::1]:443/x").stream().map(String::toLowerCase).toList());
    assertEquals(List.of("::1"), found("ping ::1"));
    assertEquals(List.of("fe80::1"), found("ping fe80::1%eth0 -n 1"));
    assertEquals(List.of("fe80::1%eth0"), spans("ping fe80::1%eth0 -n 1"));
    assertEquals(List.of("1.2.3.4"), found("ping ::ffff:1.2.3.4"));
    assertEquals(List.of("::ffff:1.2.3.4"), spans("ping ::ffff:1.2.3.4"));
    assertEquals(List.of("2001:4860:4860::8888"), found("nslookup x 2001:4860:4860::8888."));
    assertEquals(List.of("1:2:3:4:5:6:7:8"), found("ip=1:2:3:4:5:6:7:8"));
    assertEquals(List.of("2001:db8::1"), found("Address:2001:db8::1"));
  }

  @Test
  void doesNotMistakeCppScopesOrHexWordsForIpv6() {
    assertEquals(List.of(), found("std::string Foo::Bar ::GetTickCount a::b dead::beef :: C:\\Windows d:: ::"));
    assertEquals(List.of(), found("std::vector<int> x; cafe::face; 1:2:3"));
  }

  @Test
  void reportsHitsInTextOrderWithSpans() {
    String text = "a 1.1.1.1 b [::1]:80 c 2.2.2.2:53";
    List<IpHit> hits = IpScanner.scan(text);
    assertEquals(List.of("1.1.1.1", "::1", "2.2.2.2"), hits.stream().map(h -> IpAddresses.format(h.address())).toList());
    assertEquals(List.of("1.1.1.1", "::1", "2.2.2.2"), spans(text));
    assertEquals(List.of(), IpScanner.scan(""));
  }

  @Test
  void everyHitOfTheCorpusParsesBackFromItsSpan() {
    for (String line : CommandLineCorpus.lines(99, 20_000)) {
      for (IpHit hit : IpScanner.scan(line)) {
        String span = line.substring(hit.start(), hit.end());
        int zone = span.indexOf('%');
        String literal = zone < 0 ? span : span.substring(0, zone);
        assertEquals(IpAddresses.format(hit.address()), IpAddresses.format(IpAddresses.parse(literal)), line);
      }
    }
  }
}
