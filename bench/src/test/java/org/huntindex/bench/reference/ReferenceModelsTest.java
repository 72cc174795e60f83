package org.huntindex.bench.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The reference models reproduce HUNTS.md's vectors, so the expected output they compute can be trusted. */
class ReferenceModelsTest {
  private static final String T = "2024-05-01T10:00:00Z";

  private static SecurityRow row(String commandLine) {
    return row("cmd.exe", commandLine, "WS1.contoso.com", "CONTOSO\\alice", T);
  }

  private static SecurityRow row(String process, String commandLine, String computer, String account, String time) {
    return new SecurityRow("v", 1, 4688, process, commandLine, computer, account, time);
  }

  private static List<KqlRow> huntA(SecurityRow... rows) {
    KqlHunt h = new KqlHunt();
    for (SecurityRow r : rows) {
      h.accept(r);
    }
    return h.result();
  }

  @Test
  void k01PingWithTwoDigitLastOctetIsOneRow() {
    List<KqlRow> out = huntA(row("cmd.exe /c ping 8.8.8.80"));
    assertEquals(1, out.size());
    KqlRow r = out.get(0);
    assertEquals(List.of(1, "8.8.8.80", "cmd.exe", "cmd.exe /c ping 8.8.8.80"),
        List.of(r.hostCount(), r.ip(), r.process(), r.commandLine()));
    assertEquals("2024-05-01T10:00:00.0000000Z", r.firstSeen());
    assertEquals(List.of("WS1.contoso.com"), r.hosts());
    assertEquals(List.of("CONTOSO\\alice"), r.accounts());
  }

  @Test
  void k02PingWithOneDigitLastOctetYieldsNoRow() {
    assertEquals(List.of(), huntA(row("cmd.exe /c ping 8.8.8.8")));
  }

  @Test
  void k07FirstQuadFailsAndTheSecondIsKept() {
    List<KqlRow> out = huntA(row("cmd /c x 10.0.0.1 8.8.8.88"));
    assertEquals(1, out.size());
    assertEquals("8.8.8.88", out.get(0).ip());
  }

  @Test
  void k22TwoHostsMakeOneRowWithHostCountTwo() {
    String cl = "cmd /c ping 8.8.8.80";
    List<KqlRow> out = huntA(row("cmd.exe", cl, "WS1", "CONTOSO\\alice", "2024-05-01T10:01:00Z"),
        row("cmd.exe", cl, "WS2", "CONTOSO\\alice", "2024-05-01T10:05:00Z"));
    assertEquals(1, out.size());
    KqlRow r = out.get(0);
    assertEquals(2, r.hostCount());
    assertEquals("2024-05-01T10:01:00.0000000Z", r.firstSeen());
    assertEquals("2024-05-01T10:05:00.0000000Z", r.lastSeen());
    assertEquals(List.of("WS1", "WS2"), r.hosts());
  }

  @Test
  void k26MakesetKeepsAtMost128Hosts() {
    List<SecurityRow> rows = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      rows.add(row("cmd.exe", "cmd /c ping 8.8.8.80", String.format("H%03d", i), "CONTOSO\\alice", T));
    }
    List<KqlRow> out = huntA(rows.toArray(SecurityRow[]::new));
    assertEquals(128, out.get(0).hostCount());
    assertEquals(130, out.get(0).allHosts().size());
  }

  @Test
  void k25SortsByHostCountDescending() {
    List<KqlRow> out = huntA(row("cmd.exe", "cmd /c ping 9.9.9.99", "A", "C\\a", T),
        row("cmd.exe", "cmd /c ping 8.8.8.80", "A", "C\\a", T), row("cmd.exe", "cmd /c ping 8.8.8.80", "B", "C\\a", T),
        row("cmd.exe", "cmd /c ping 8.8.8.80", "C", "C\\a", T));
    assertEquals(List.of("8.8.8.80", "9.9.9.99"), out.stream().map(KqlRow::ip).toList());
  }

  @Test
  void k34ProcessCaseMakesTwoGroups() {
    assertEquals(2, huntA(row("cmd.exe", "cmd /c ping 8.8.8.80", "W", "C\\a", T),
        row("CMD.EXE", "cmd /c ping 8.8.8.80", "W", "C\\a", T)).size());
  }

  @Test
  void k37UnicodeWordBoundaryFollowsCurrentKusto() {
    List<KqlRow> out = huntA(row("cmd /c ping é8.8.8.8 1.1.1.11"));
    assertEquals("1.1.1.11", out.get(0).ip());
  }

  @Test
  void k14AndK15ProcessTermsDecide() {
    assertEquals(List.of(), huntA(row("pwsh.exe", "pwsh -c ping 8.8.8.80", "W", "C\\a", T)));
    assertEquals(List.of(), huntA(row("xcmd.exe", "cmd.exe /c ping 8.8.8.80", "W", "C\\a", T)));
    assertEquals(1, huntA(row("powershell_ise.exe", "cmd.exe /c ping 8.8.8.80", "W", "C\\a", T)).size());
  }

  @ParameterizedTest(name = "{0} -> [{1}] {2}")
  @CsvSource(delimiter = '|', value = {
      "ping 8.8.8.8|''|",
      "ping 8.8.8.80|8.8.8.80|false",
      "cmd /c curl http://8.8.8.8/x|/8.8.8.8|",
      "powershell -c iwr 1.2.3.4:8080|1.2.3.4:|",
      "x 10.0.0.10 8.8.8.8|10.0.0.10|true",
      "net use \\\\203.0.113.5\\c$|\\203.0.113.5|",
      "ver 1.2.3.4.5|1.2.3.4.|",
      "ping 1.2.3.456|1.2.3.456|",
      "ping a8.8.8.8|''|",
      "ping 127.0.0.10|127.0.0.10|false",
      "ftp 172.32.5.10|172.32.5.10|false",
      "version 10.0.19041.1|''|",
      "C:\\Program Files\\x\\1.2.3.4\\a.exe|\\1.2.3.4|",
      "ping é8.8.8.8|''|"})
  void extractTableOfA4(String commandLine, String group1, Boolean isPrivate) {
    String ip = KqlHunt.extract1(commandLine);
    assertEquals(group1, ip);
    if (!ip.isEmpty()) {
      assertEquals(isPrivate, KqlHunt.ipv4IsPrivate(ip));
    }
  }

  @Test
  void ipv4IsPrivateIsNullOnAnythingButAWholeAddress() {
    assertNull(KqlHunt.ipv4IsPrivate("8.8.8.8\t"));
    assertNull(KqlHunt.ipv4IsPrivate("3.3.3.3/"));
    assertEquals(Boolean.TRUE, KqlHunt.ipv4IsPrivate("10.1.2.3/8"));
    assertEquals(Boolean.FALSE, KqlHunt.ipv4IsPrivate("100.64.1.10"));
  }

  // ---- hunt B ----

  private static final List<String> START = List.of("start");
  private static final List<String> CONNECTION = List.of("start", "connection", "protocol");
  private int line;

  private EcsEvent s(String id, long ts, String key) {
    return new EcsEvent("v", ++line, id, "t", ts, List.of("process"), START, "windows", "cmd.exe", key, null, null);
  }

  private EcsEvent n(String id, long ts, String key, String ip, String dns) {
    return new EcsEvent("v", ++line, id, "t", ts, List.of("network"), CONNECTION, "windows", "cmd.exe", key, ip, dns);
  }

  private static List<List<String>> huntB(EcsEvent... events) {
    EqlHunt h = new EqlHunt();
    for (EcsEvent e : events) {
      h.accept(e);
    }
    return h.result().stream().map(q -> List.of(q.start().eventId(), q.network().eventId())).toList();
  }

  @Test
  void e01StartThenPublicConnectionPairs() {
    assertEquals(List.of(List.of("s1", "n1")), huntB(s("s1", 1000, "{A}"), n("n1", 2000, "{A}", "8.8.8.8", null)));
  }

  @Test
  void e02NetworkBeforeStartDoesNotPair() {
    assertEquals(List.of(), huntB(n("n1", 1000, "{A}", "8.8.8.8", null), s("s1", 2000, "{A}")));
  }

  @Test
  void e11DnsWithoutDestinationIpPairsAndE12WpadIsExcluded() {
    assertEquals(1, huntB(s("s1", 1000, "{A}"), n("n1", 2000, "{A}", null, "evil.example.com")).size());
    assertEquals(0, huntB(s("s1", 1000, "{A}"), n("n1", 2000, "{A}", null, "WPAD")).size());
    assertEquals(1, huntB(s("s1", 1000, "{A}"), n("n1", 2000, "{A}", null, "wpad.contoso.com")).size());
  }

  @Test
  void e21NewerStartOverwritesTheOlder() {
    assertEquals(List.of(List.of("s2", "n1")),
        huntB(s("s1", 1000, "{A}"), s("s2", 2000, "{A}"), n("n1", 3000, "{A}", "8.8.8.8", null)));
  }

  @Test
  void e29PrivateConnectionDoesNotConsumeTheStart() {
    assertEquals(List.of(List.of("s1", "n2")), huntB(s("s1", 1000, "{A}"), n("n1", 2000, "{A}", "10.0.0.1", null),
        n("n2", 3000, "{A}", "8.8.8.8", null)));
  }

  @Test
  void e20OneSequencePerStart() {
    assertEquals(List.of(List.of("s1", "n1")), huntB(s("s1", 1000, "{A}"), n("n1", 2000, "{A}", "8.8.8.8", null),
        n("n2", 3000, "{A}", "1.1.1.1", null)));
  }

  @Test
  void e39SequencesAreOrderedByTheirLastEvent() {
    assertEquals(List.of(List.of("s2", "n2"), List.of("s1", "n1")), huntB(s("s1", 1000, "{A}"), s("s2", 1500, "{B}"),
        n("n2", 1600, "{B}", "8.8.4.4", null), n("n1", 2000, "{A}", "8.8.8.8", null)));
  }

  @Test
  void cidrsCoverIpv4MappedAndIpv6AndLeavePublicOut() {
    for (String ip : List.of("::ffff:10.0.0.1", "::1", "fe80::1", "ff02::fb", "100.64.0.1", "255.255.255.255",
        "198.19.255.255", "192.0.0.171", "127.0.0.1")) {
      assertTrue(EqlHunt.cidrAny(ip), ip);
    }
    for (String ip : List.of("8.8.8.8", "172.32.0.1", "0.0.0.0", "::", "fd00::1", "2001:4860:4860::8888",
        "198.20.0.1", "192.0.1.1", "not-an-ip")) {
      assertTrue(!EqlHunt.cidrAny(ip), ip);
    }
  }

  // ---- hunt A as intended ----

  @Test
  void intendedFindsEveryAddressWhereverItStands() {
    assertEquals(List.of("10.0.0.1", "8.8.8.8"), IntendedHunt.addresses("x 10.0.0.1 8.8.8.8"));
    assertEquals(List.of("8.8.8.8"), IntendedHunt.addresses("curl http://8.8.8.8/x"));
    assertEquals(List.of("1.2.3.4"), IntendedHunt.addresses("iwr 1.2.3.4:8080/a"));
    assertEquals(List.of("203.0.113.5"), IntendedHunt.addresses("net use \\\\203.0.113.5\\c$"));
    assertEquals(List.of(), IntendedHunt.addresses("ver 1.2.3.4.5 10.0.19041.1 a8.8.8.8 1.2.3.45x é8.8.8.8"));
    assertEquals(List.of("2001:db8::1", "::1"), IntendedHunt.addresses("ping 2001:db8::1 & ping ::1"));
  }

  @Test
  void intendedKeepsOnlyPublicAddresses() {
    IntendedHunt h = new IntendedHunt();
    h.accept(row("cmd /c ping 8.8.8.8 & ping 10.0.0.1 & ping 127.0.0.10 & ping 100.64.1.1 & ping 1.1.1.1"));
    assertEquals(List.of("1.1.1.1", "8.8.8.8"), h.result().stream().map(KqlRow::ip).toList());
  }
}
