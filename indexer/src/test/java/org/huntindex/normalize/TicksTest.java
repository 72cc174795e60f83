package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicksTest {
  private static long ticks(String iso) {
    return Ticks.of(Instant.parse(iso));
  }

  @Test
  void zoneLessStringsAreUtc() {
    assertEquals(ticks("2020-07-22T03:27:52.809Z"), Ticks.parse("2020-07-22 03:27:52.809"));
    assertEquals(ticks("2024-05-01T10:00:00Z"), Ticks.parse("2024-05-01T10:00:00"));
  }

  @Test
  void sevenFractionDigitsKeepFullPrecision() {
    assertEquals(ticks("2022-05-13T08:54:05.1234567Z"), Ticks.parse("2022-05-13T08:54:05.1234567Z"));
    assertEquals(ticks("2022-05-13T08:54:05.1234567Z"), Ticks.parse("2022-05-13T08:54:05.123456789Z"));
  }

  @Test
  void offsetsAreApplied() {
    assertEquals(ticks("2024-05-01T08:00:00Z"), Ticks.parse("2024-05-01T10:00:00+02:00"));
    assertEquals(ticks("2024-05-01T12:30:00Z"), Ticks.parse("2024-05-01T10:00:00-0230"));
  }

  @Test
  void epochMillisecondsAreAccepted() {
    assertEquals(ticks("1970-01-01T00:00:01Z"), Ticks.parse((Object) 1000L));
    assertEquals(ticks("1970-01-01T00:00:02Z"), Ticks.parse("2000"));
  }

  @Test
  void azurePortalCsvTimesAreUtc() {
    assertEquals(ticks("2024-05-01T10:00:00Z"), Ticks.parse("5/1/2024, 10:00:00.000 AM"));
    assertEquals(ticks("2024-12-31T23:59:59.5Z"), Ticks.parse("12/31/2024, 11:59:59.500 PM"));
  }

  @Test
  void eventViewersUsTimesAreReadAsUtcAndOtherLocalesNotGuessed() {
    assertEquals(ticks("2024-05-01T10:00:00Z"), Ticks.parse("5/1/2024 10:00:00 AM"));
    assertEquals(ticks("2024-12-31T23:59:59Z"), Ticks.parse("12/31/2024 11:59:59 PM"));
    // day first and 24 hours (en-GB): 01/05 could be either, so it is no time rather than a wrong one
    assertNull(Ticks.parse("01/05/2024 10:00:00"));
    assertNull(Ticks.parse("31/12/2024 11:59:59 PM"));
  }

  @Test
  void kibanaCsvTimesAreReadAsUtc() {
    assertEquals(ticks("2024-05-01T10:00:00.123Z"), Ticks.parse("May 1, 2024 @ 10:00:00.123"));
    assertEquals(ticks("2023-09-30T23:59:59Z"), Ticks.parse("Sep 30, 2023 @ 23:59:59"));
    assertNull(Ticks.parse("May 32, 2024 @ 10:00:00.000"));
    assertNull(Ticks.parse("Mai 1, 2024 @ 10:00:00.000"));
  }

  @Test
  void windowsPowerShellJsonDatesAreUtcMilliseconds() {
    assertEquals(ticks("2024-05-01T10:00:00Z"), Ticks.parse("/Date(1714557600000)/"));
    assertEquals(ticks("2024-05-01T10:00:00Z"), Ticks.parse("/Date(1714557600000+0200)/"));
    assertEquals(ticks("1969-12-31T23:59:59Z"), Ticks.parse("/Date(-1000)/"));
    assertNull(Ticks.parse("/Date(yesterday)/"));
  }

  @Test
  void malformedGivesNull() {
    assertNull(Ticks.parse("2024-13-01T00:00:00Z"));
    assertNull(Ticks.parse("yesterday"));
    assertNull(Ticks.parse("2024-05-01T10:00:00Zjunk"));
    assertNull(Ticks.parse("2024-02-30"));
    assertNull(Ticks.parse((String) null));
  }

  @Test
  void formatsWithKustoAndElasticPrecision() {
    long t = ticks("2024-05-01T10:00:00.1234567Z");
    assertEquals("2024-05-01T10:00:00.1234567Z", Ticks.format7(t));
    assertEquals("2024-05-01T10:00:00.123Z", Ticks.format3(t));
    assertEquals("2024-05-01T10:00:00.0000000Z", Ticks.format7(ticks("2024-05-01T10:00:00Z")));
  }
}
