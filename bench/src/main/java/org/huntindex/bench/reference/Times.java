package org.huntindex.bench.reference;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the expected output prints times: Kusto datetimes with 7 fraction digits, Elasticsearch dates with 3. */
public final class Times {
  private static final DateTimeFormatter KUSTO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ELASTIC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private Times() {}

  public static String kusto(Instant i) {
    return KUSTO.format(i);
  }

  public static String elastic(long epochMillis) {
    return ELASTIC.format(Instant.ofEpochMilli(epochMillis));
  }
}
