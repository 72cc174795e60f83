package org.huntindex.source;

/** Where a reader sends what it read: records, and errors for what it could not read. Must be thread-safe. */
public interface RecordSink {
  void accept(RawRecord record);

  void error(ReadError error);

  /**
   * Evidence whose content is in none of the formats read and whose name claims none either (a README, a registry
   * hive in a triage collection): skipped. By default reported as an error.
   *
   * @param head its first bytes, described ({@link FormatSniffer#describe})
   */
  default void notEvidence(String location, String head) {
    error(new ReadError(location, "", "unrecognized format: " + head));
  }
}
