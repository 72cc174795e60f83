package org.huntindex.bench.reference;

/**
 * One Sentinel {@code SecurityEvent} row as hunt A reads it (HUNTS.md A.2), with where it was written.
 *
 * <p>Kusto strings have no null: a missing string column is {@code ""}. {@code timeGenerated} is ISO-8601 UTC.
 */
public record SecurityRow(String file, long line, int eventId, String process, String commandLine, String computer,
    String account, String timeGenerated) {

  public SecurityRow {
    process = orEmpty(process);
    commandLine = orEmpty(commandLine);
    computer = orEmpty(computer);
    account = orEmpty(account);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
