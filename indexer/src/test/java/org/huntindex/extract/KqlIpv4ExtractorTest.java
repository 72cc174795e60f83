package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class KqlIpv4ExtractorTest {

  static final Pattern REFERENCE = Pattern.compile(KqlIpv4Extractor.REGEX, Pattern.UNICODE_CHARACTER_CLASS);

  static String reference(String s) {
    Matcher m = REFERENCE.matcher(s);
    return m.find() ? m.group(1) : "";
  }

  @TestFactory
  List<DynamicTest> everyRowOfTheA4TableGivesItsGroup1() throws IOException {
    return SpecVectors.rows("hunt_a_extract_table.json").stream()
        .map(row -> DynamicTest.dynamicTest((String) row.get("id"), () -> {
          String cl = (String) row.get("CommandLine");
          assertEquals(row.get("group1"), KqlIpv4Extractor.extract(cl), cl);
          assertEquals(row.get("group1"), reference(cl), "reference regex: " + cl);
        }))
        .toList();
  }

  @Test
  void pingWithOneDigitLastOctetYieldsNoMatch() {
    check("ping 8.8.8.8", "");
  }

  @Test
  void unicodeLetterBeforeQuadBlocksItButLaterQuadMatches() {
    check("ping é8.8.8.8 1.1.1.11", "1.1.1.11");
    check("ping ж8.8.8.8", "");
    check("ping ٣8.8.8.8 x", "");
  }

  @Test
  void arabicIndicDigitsAreWordCharactersButNotOctetDigits() {
    check("x ٣.1.1.1.22 ", ".1.1.1.22");
    check("x ٣1.1.1.22", "");
    check("x /1.1.1.٣", "");
  }

  @Test
  void combiningMarkBeforeQuadIsAWordCharacter() {
    check("e\u03018.8.8.8 ", "");
    check("\u0301 8.8.8.88", "8.8.8.88");
    check("\u200D8.8.8.88 ", "");
  }

  @Test
  void surrogatePairIsOneCodePointOnEitherSide() {
    check("ping \uD83D\uDE008.8.8.8", "\uD83D\uDE008.8.8.8");
    check("ping 8.8.8.8\uD83D\uDE00", "8.8.8.8\uD83D\uDE00");
    check("ping \uD835\uDC008.8.8.8 9.9.9.99", "9.9.9.99");
    check("ping \uDE008.8.8.8", "\uDE008.8.8.8");
    check("ping \uD83D8.8.8.8", "\uD83D8.8.8.8");
    check("ping 8.8.8.8\uD83D", "8.8.8.8\uD83D");
  }

  @Test
  void whitespaceOtherThanSpaceIsPartOfTheGroup() {
    check("ping\u00A08.8.8.8", "\u00A08.8.8.8");
    check("ping 8.8.8.8\r\n", "8.8.8.8\r");
    check("\t8.8.8.8", "\t8.8.8.8");
  }

  @Test
  void lastOctetBacktracksAndOverlongOctetsSplit() {
    check("1.2.3.456 ", "1.2.3.456");
    check("1.2.3.4567", "1.2.3.456");
    check("1.2.3.2566", "1.2.3.256");
    check("1.2.3.256", "1.2.3.256");
    check("x 0001.2.3.4 5.6.7.89", "5.6.7.89");
    check("1.2.3.4.5.6.7.8", "1.2.3.4.");
    check("11.22.33.44..55", "11.22.33.44.");
    check(" 255.255.255.25", "255.255.255.25");
    check("a.1.2.3.4", ".1.2.3.4");
    check("a1.2.3.4.5 ", ".2.3.4.5");
  }

  @Test
  void shortInputsNeverMatch() {
    check("", "");
    check("1.2.3.4", "");
    check("1.2.3.45", "1.2.3.45");
    check(".......", "");
  }

  private static void check(String input, String expected) {
    assertEquals(expected, reference(input), "reference regex disagrees with the test: " + input);
    assertEquals(expected, KqlIpv4Extractor.extract(input), input);
  }
}
