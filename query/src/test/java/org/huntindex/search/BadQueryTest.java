package org.huntindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Malformed queries and unknown fields: one line, the position in the query as typed, the nearest field name. */
class BadQueryTest extends FixtureIndexTest {
  private static BadQueryException bad(String query) {
    BadQueryException e = assertThrows(BadQueryException.class, () -> idx.parse(query), query);
    assertFalse(e.oneLine().contains("\n"), e.oneLine());
    return e;
  }

  @Test
  void misspelledFieldNamesThePositionAndTheNearestField() {
    BadQueryException e = bad("event.code:4625 AND hots.name:dc01*");
    assertEquals(20, e.position());
    assertTrue(e.getMessage().contains("unknown field 'hots.name'; did you mean 'host.name'?"), e.getMessage());
  }

  @Test
  void wrongCaseOfAFieldSuggestsTheSchemaSpelling() {
    BadQueryException e = bad("Process.Command_Line:mimikatz");
    assertEquals(0, e.position());
    assertTrue(e.getMessage().contains("did you mean 'process.command_line'?"), e.getMessage());
  }

  @Test
  void misspelledRawFieldSuggestsTheRawFieldInTheIndex() {
    BadQueryException e = bad("TargetUsername:admin");
    assertTrue(e.getMessage().contains("did you mean 'TargetUserName'?"), e.getMessage());
  }

  @Test
  void groupsNestedTooDeepAreABadQueryNotAStackOverflow() throws java.io.IOException {
    int depth = SchemaQueryParser.MAX_DEPTH + 1;
    BadQueryException e = bad("(".repeat(50_000) + "a" + ")".repeat(50_000));
    assertEquals(depth - 1, e.position());
    assertTrue(e.getMessage().contains("nest more than " + SchemaQueryParser.MAX_DEPTH), e.getMessage());
    String deepButFine = "(".repeat(depth - 1) + "event.code:4625" + ")".repeat(depth - 1);
    assertEquals(3, SearchFixture.ids(idx, deepButFine).size());
    assertEquals(14, SearchFixture.ids(idx, "\"" + "(".repeat(1000) + "\" OR *:*").size(), "parentheses in quotes");
    for (String pattern : java.util.List.of("user.name:/" + "a|".repeat(50_000) + "a/", "user.name:" + "?".repeat(50_000),
        "LogonType:" + "a*".repeat(20_000))) {
      assertTrue(bad(pattern).getMessage().contains("too deeply to compile"), pattern.substring(0, 20));
    }
  }

  @Test
  void misspelledWindowsFieldNameSuggestsIt() {
    BadQueryException e = bad("Commandline:mimikatz");
    assertTrue(e.getMessage().contains("did you mean 'CommandLine'?"), e.getMessage());
  }

  @Test
  void everyWindowsNameInEverySyntaxFormParsesOrIsABadQuery() {
    int parsed = 0;
    for (String name : org.huntindex.normalize.SourceNames.names()) {
      for (String value : java.util.List.of("x", "4624", "10.1.2.3", "\"10.0.0.0/8\"", "ab*", "10.*", "/a.*/", "abc~1",
          "[1 TO 5]", "[a TO b]", ">=7", "\"two words\"", "*", "{0000}", "-")) {
        String query = name + ":" + value;
        try {
          idx.parse(query);
          parsed++;
        } catch (BadQueryException e) {
          assertFalse(e.oneLine().contains("\n"), query + ": " + e.oneLine());
        }
      }
    }
    assertTrue(parsed > 0);
  }

  @Test
  void fieldFarFromAnyNameGetsNoSuggestion() {
    BadQueryException e = bad("zzzzzzzz:1");
    assertEquals("unknown field 'zzzzzzzz' (hunt fields -i IDX lists them)", e.getMessage());
  }

  @Test
  void unbalancedParenthesisPointsAtTheEnd() {
    BadQueryException e = bad("host.name:ws0042* AND (event.code:4625");
    assertEquals(38, e.position());
    assertTrue(e.getMessage().startsWith("bad query:"), e.getMessage());
  }

  @Test
  void unexpectedTokenIsNamedWithItsPosition() {
    BadQueryException e = bad("event.code:4625 AND AND host.name:x");
    assertEquals(20, e.position());
    assertTrue(e.getMessage().contains("unexpected 'AND'"), e.getMessage());
  }

  @Test
  void unterminatedQuoteIsALexicalErrorWithAPosition() {
    BadQueryException e = bad("process.command_line:\"-enc");
    assertTrue(e.position() >= 21, e.oneLine());
    assertTrue(e.getMessage().contains("unbalanced quote"), e.getMessage());
  }

  @Test
  void valuesAFieldCannotHoldNameTheFieldAndTheValuePosition() {
    BadQueryException number = bad("host.name:x AND event.code:abc");
    assertEquals(27, number.position());
    assertTrue(number.getMessage().contains("'abc' is not a whole number"), number.getMessage());

    BadQueryException ip = bad("destination.ip:999.1.1.1");
    assertEquals(15, ip.position());
    assertTrue(ip.getMessage().contains("'999.1.1.1' is not an IP address"), ip.getMessage());

    BadQueryException cidr = bad("destination.ip:\"10.0.0.0/33\"");
    assertTrue(cidr.getMessage().contains("prefix length in '10.0.0.0/33' must be 0..32"), cidr.getMessage());

    BadQueryException time = bad("@timestamp:[2024-13-01 TO *]");
    assertTrue(time.getMessage().contains("'2024-13-01' is not a time"), time.getMessage());
  }

  @Test
  void wildcardsOnNumbersSuggestARange() {
    BadQueryException e = bad("event.code:46*");
    assertTrue(e.getMessage().contains("event.code:[4624 TO 4634]"), e.getMessage());
  }

  @Test
  void wildcardAcrossCommandLineTokensIsExplained() {
    BadQueryException e = bad("process.command_line:*\\\\temp\\\\*");
    assertTrue(e.getMessage().contains("searched by token"), e.getMessage());
  }

  @Test
  void positionsCountTheQueryAsTypedNotAsRewritten() {
    BadQueryException e = bad("process.executable:\"C:\\Users\\x\" AND hots.name:y");
    assertEquals(36, e.position());
  }
}
