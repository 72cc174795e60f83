package org.huntindex.source;

import java.io.IOException;

/** Reads one format: turns evidence into records, and what it cannot read into errors. */
@FunctionalInterface
public interface RecordReader {
  /**
   * Reads all records of {@code evidence} into {@code sink}. A bad record or line is reported to the sink and reading
   * goes on; a failure of the stream itself (truncation, I/O) is thrown, after the records read before it were delivered.
   */
  void read(Evidence evidence, RecordSink sink) throws IOException;
}
