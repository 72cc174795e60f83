package org.huntindex.bench.reference;

import java.util.List;

/**
 * One ECS event as hunt B reads it (HUNTS.md B.2), with where it was written; absent fields are null.
 *
 * <p>{@code timestamp} is the {@code @timestamp} text as written, {@code epochMillis} its value in milliseconds (the
 * EQL ordinal's first part); {@code file} and {@code line} give the evidence order (the ordinal's second part).
 */
public record EcsEvent(String file, long line, String eventId, String timestamp, long epochMillis,
    List<String> category, List<String> type, String osType, String processName, String entityId,
    String destinationIp, String dnsQuestionName) {

  public EcsEvent {
    category = category == null ? List.of() : List.copyOf(category);
    type = type == null ? List.of() : List.copyOf(type);
  }
}
