package org.huntindex.source;

/** Where a reader sends what it read: records, and errors for what it could not read. Must be thread-safe. */
public interface RecordSink {
  void accept(RawRecord record);

  void error(ReadError error);
}
