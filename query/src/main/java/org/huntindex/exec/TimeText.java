package org.huntindex.exec;

import org.huntindex.normalize.Ticks;

/** Event times as ISO-8601 UTC text with a chosen number of fraction digits (Kusto prints 7, Elasticsearch 3). */
final class TimeText {
  private TimeText() {}

  static String format(long ticks, int fractionDigits) {
    if (fractionDigits < 0 || fractionDigits > 7) {
      throw new IllegalArgumentException("fraction digits must be 0 to 7, not " + fractionDigits);
    }
    String seven = Ticks.format7(ticks);
    int cut = 7 - fractionDigits + (fractionDigits == 0 ? 1 : 0);
    return seven.substring(0, seven.length() - 1 - cut) + "Z";
  }
}
