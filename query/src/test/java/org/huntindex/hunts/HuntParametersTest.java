package org.huntindex.hunts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huntindex.plan.Limit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three hunts' parameters and the intended hunt, on one small index built through the real ingest path. */
class HuntParametersTest {
  private static final Hunt SENTINEL = new SentinelExternalIpInCommandLine();
  private static final Hunt ELASTIC = new ElasticCommandPromptNetworkConnection();
  private static final Hunt INTENDED = new ExternalIpInCommandLine();

  @TempDir
  static Path dir;

  private static TestIndex index;

  private static Map<String, Object> sentinel(String process, String commandLine) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("EventID", 4688L);
    e.put("Process", process);
    e.put("CommandLine", commandLine);
    e.put("Computer", "WS1.contoso.com");
    e.put("Account", "CONTOSO\\alice");
    e.put("TimeGenerated", "2024-05-01T10:00:00.1234567Z");
    return e;
  }

  private static Map<String, Object> ecs(String id, long ms, String category, String type, String process,
      String entity, String ip, String dns) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("@timestamp", ms);
    e.put("event", Map.of("id", id, "category", List.of(category), "type", List.of(type)));
    e.put("host", Map.of("os", Map.of("type", "windows")));
    e.put("process", Map.of("name", process, "entity_id", entity));
    if (ip != null) {
      e.put("destination", Map.of("ip", ip));
    }
    if (dns != null) {
      e.put("dns", Map.of("question", Map.of("name", dns)));
    }
    return e;
  }

  @BeforeAll
  static void build() throws IOException {
    List<Object> events = new ArrayList<>(List.of(
        sentinel("cmd.exe", "cmd /c curl http://8.8.8.8/x"),
        sentinel("powershell.exe", "powershell -c iwr 1.2.3.4:8080; ping 10.0.0.1; ping 2001:4860:4860::8888"),
        sentinel("cmd.exe", "cmd /c ping 127.0.0.1 & ping 100.64.1.1 & ping 169.254.1.1 & ping 192.0.2.5"),
        sentinel("cmd.exe", "cmd /c ping fe80::1 & ping ff02::1 & ping ::1 & ping 2001:db8::1 & ping fd00::1"),
        sentinel("netsh.exe", "netsh interface portproxy add v4tov4 connectaddress=1.1.1.1"),
        sentinel("cmd.exe", "cmd /c ping 9.9.9.99"),
        sentinel("rundll32.exe", "rundll32 x 7.7.7.77"),
        ecs("s1", 1000, "process", "start", "WMIC.exe", "{W}", null, null),
        ecs("n1", 2000, "network", "start", "wmic.exe", "{W}", "151.101.248.133", null),
        ecs("s2", 3000, "process", "start", "cmd.exe", "{C}", null, null),
        ecs("n2", 4000, "network", "info", "cmd.exe", "{C}", null, "updates.example.com"),
        ecs("n3", 5000, "network", "start", "cmd.exe", "{C}", "8.8.4.4", null)));
    index = TestIndex.ofEvents(dir, events);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static List<Map<String, Object>> run(Hunt hunt, Map<String, List<String>> params) throws IOException {
    return index.run(hunt, params, Limit.NONE);
  }

  private static Set<Object> column(List<Map<String, Object>> rows, String name) {
    Set<Object> values = new TreeSet<>();
    rows.forEach(r -> values.add(r.get(name)));
    return values;
  }

  @Test
  void faithfulHuntKeepsOnlyBareQuadsWithTwoDigitLastOctets() throws IOException {
    assertEquals(Set.of("9.9.9.99"), column(run(SENTINEL, Map.of()), "IP"));
  }

  @Test
  void firstSeenKeepsKustoHundredNanosecondPrecision() throws IOException {
    assertEquals("2024-05-01T10:00:00.1234567Z", run(SENTINEL, Map.of()).get(0).get("FirstSeen"));
  }

  @Test
  void processListIsAParameter() throws IOException {
    assertEquals(Set.of("7.7.7.77"), column(run(SENTINEL, Map.of("process", List.of("rundll32.exe"))), "IP"));
    assertEquals(Set.of("7.7.7.77", "9.9.9.99"),
        column(run(SENTINEL, Map.of("process", List.of("rundll32", "cmd.exe"))), "IP"));
  }

  @Test
  void overriddenRegexRunsOnTheCandidatesTheIndexSelects() throws IOException {
    var rows = run(SENTINEL, Map.of("regex", List.of("(\\d+\\.\\d+\\.\\d+\\.\\d+)")));
    assertEquals(Set.of("8.8.8.8", "1.2.3.4", "127.0.0.1", "9.9.9.99"), column(rows, "IP"));
  }

  @Test
  void exclusionPrefixesDropMatchingAddresses() throws IOException {
    assertEquals(List.of(), run(SENTINEL, Map.of("exclude-prefix", List.of("9.9."))));
    assertEquals(1, run(SENTINEL, Map.of("exclude-prefix", List.of("9.9"))).size(), "9.9 is no valid prefix");
  }

  @Test
  void capIsAParameter() throws IOException {
    assertEquals(1L, run(SENTINEL, Map.of("cap", List.of("1"))).get(0).get("Host_count"));
  }

  @Test
  void intendedHuntFindsEveryPublicAddressWhereverItStands() throws IOException {
    var rows = run(INTENDED, Map.of());
    assertEquals(Set.of("8.8.8.8", "1.2.3.4", "2001:4860:4860::8888", "9.9.9.99"), column(rows, "IP"));
    for (var r : rows) {
      assertTrue(((List<?>) r.get("Evidence")).get(0).toString().matches(".*events\\.json:\\d+"), r.toString());
    }
  }

  @Test
  void intendedHuntTakesFurtherExclusions() throws IOException {
    var rows = run(INTENDED, Map.of("exclude-cidr", List.of("8.8.8.0/24,2001:4860::/32", "9.9.9.99/32")));
    assertEquals(Set.of("1.2.3.4"), column(rows, "IP"));
  }

  @Test
  void sequenceProcessListTakesWildcardsCaseInsensitively() throws IOException {
    assertEquals(List.of(List.of("s2", "n2")), ElasticVectorsTest.ids(run(ELASTIC, Map.of())));
    assertEquals(List.of(List.of("s1", "n1"), List.of("s2", "n2")),
        ElasticVectorsTest.ids(run(ELASTIC, Map.of("process", List.of("WMIC.EXE,c?d.*")))));
  }

  @Test
  void dnsAndCidrExclusionsAreParameters() throws IOException {
    assertEquals(List.of(List.of("s2", "n3")),
        ElasticVectorsTest.ids(run(ELASTIC, Map.of("dns-exclude", List.of("UPDATES.example.com")))));
    assertEquals(List.of(), ElasticVectorsTest.ids(run(ELASTIC,
        Map.of("dns-exclude", List.of("updates.example.com"), "exclude-cidr", List.of("8.8.0.0/16")))));
  }

  @Test
  void unknownParametersAreRejectedByName() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Params(ELASTIC, Map.of("regex", List.of("x"))));
    assertTrue(e.getMessage().contains("--process"), e.getMessage());
  }
}
