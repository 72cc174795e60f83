package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class KqlIpv4Test {

  @TestFactory
  List<DynamicTest> everyRowOfTheA4TableGivesItsIpv4IsPrivateAndFate() throws IOException {
    return SpecVectors.rows("hunt_a_extract_table.json").stream()
        .map(row -> DynamicTest.dynamicTest((String) row.get("id"), () -> {
          String ip = (String) row.get("group1");
          Object expected = row.get("ipv4_is_private");
          if (ip.isEmpty()) {
            assertEquals("-", expected, "no match means ipv4_is_private is not reached");
          } else {
            KqlBool want = expected == null ? KqlBool.NULL : KqlBool.of((Boolean) expected);
            assertEquals(want, KqlIpv4.isPrivate(ip), ip);
          }
          boolean survives = !ip.isEmpty() && KqlIpv4.isPrivate(ip).not().isTrue();
          assertEquals(row.get("survives_step5"), survives, ip);
        }))
        .toList();
  }

  @Test
  void privateRangesAreTheThreeRfc1918BlocksOnly() {
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("10.255.255.255"));
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("172.31.0.1"));
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("172.32.0.1"));
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("172.15.255.255"));
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("192.168.0.0"));
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("127.0.0.1"));
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("100.64.0.1"));
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("169.254.1.1"));
  }

  @Test
  void prefixNotationTestsTheMaskedAddress() {
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("10.1.2.3/8"));
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("11.1.2.3/7"), "11/7 masks to 10.0.0.0");
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("10.1.2.3/4"));
    assertEquals(KqlBool.FALSE, KqlIpv4.isPrivate("192.168.1.1/0"));
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("172.16.0.0/32"));
  }

  @Test
  void anythingButTheStrictGrammarIsNull() {
    for (String bad : List.of("", "8.8.8.8:", "/8.8.8.8", "8.8.8.8\t", " 8.8.8.8", "8.8.8.8/", "8.8.8.8/33",
        "8.8.8.8/123", "1.2.3.256", "1.2.3", "1.2.3.4.5", "1.2.3.0004", "a.b.c.d", "1..2.3", "8.8.8.8 ", "１.2.3.4")) {
      assertEquals(KqlBool.NULL, KqlIpv4.isPrivate(bad), bad);
    }
    assertEquals(KqlBool.TRUE, KqlIpv4.isPrivate("010.0.0.1"), "leading zeros read as decimal [A]");
  }

  @Test
  void notOfNullIsNullAndDropsTheRow() {
    assertEquals(KqlBool.NULL, KqlBool.NULL.not());
    assertFalse(KqlBool.NULL.not().isTrue());
    assertTrue(KqlBool.FALSE.not().isTrue());
  }

  @Test
  void hasAnyIpv4PrefixWithTheEmptyPrefixIsAlwaysFalse() {
    for (String ip : List.of("8.8.8.80", "1.2.3.4:", "", "10.0.0.10", "\\203.0.113.5")) {
      assertFalse(KqlIpv4.hasAnyIpv4Prefix(ip, List.of("")), ip);
    }
  }

  @Test
  void hasAnyIpv4PrefixFollowsTheDocumentedExamples() {
    String log = "05:04:54 127.0.0.1 GET /favicon.ico 404";
    assertTrue(KqlIpv4.hasAnyIpv4Prefix(log, List.of("127.0.", "192.168.")));
    assertFalse(KqlIpv4.hasAnyIpv4Prefix(log, List.of("127.0")));
    assertFalse(KqlIpv4.hasAnyIpv4Prefix("05:04:54127.0.0.1 GET /favicon.ico 404", List.of("127.0.", "192.")));
    assertFalse(KqlIpv4.hasIpv4Prefix("05:04:54 127.0.0.256 GET /favicon.ico 404", "127.0."));
    assertTrue(KqlIpv4.hasIpv4Prefix("from: 192.168.1.1, 10.1.1.115 and 10.1.1.201", "10.1.1.115"));
    assertFalse(KqlIpv4.hasIpv4Prefix("from: 10.1.1.115", "10.1.1.11"));
    assertFalse(KqlIpv4.hasIpv4Prefix("from: 10.1.1.115", "10.1.1.1.1."));
  }
}
