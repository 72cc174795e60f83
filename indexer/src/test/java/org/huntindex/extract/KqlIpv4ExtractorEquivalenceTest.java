package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KqlIpv4ExtractorEquivalenceTest {

  private static final int LINES = 1_000_000;

  @Test
  void scannerAgreesWithJavaRegexOnAMillionGeneratedLines() {
    CommandLineCorpus corpus = new CommandLineCorpus(20240501L);
    int matches = 0;
    for (int i = 0; i < LINES; i++) {
      String line = corpus.next();
      String expected = KqlIpv4ExtractorTest.reference(line);
      assertEquals(expected, KqlIpv4Extractor.extract(line), () -> "line " + escape(line));
      if (!expected.isEmpty()) {
        matches++;
      }
    }
    assertTrue(matches > LINES / 20, "generator should produce matches, got " + matches);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return sb.toString();
  }
}
