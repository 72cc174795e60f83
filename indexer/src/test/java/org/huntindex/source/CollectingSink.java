package org.huntindex.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sink that keeps everything, for tests. */
final class CollectingSink implements RecordSink {
  final List<RawRecord> records = Collections.synchronizedList(new ArrayList<>());
  final List<ReadError> errors = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void accept(RawRecord record) {
    records.add(record);
  }

  @Override
  public void error(ReadError error) {
    errors.add(error);
  }

  List<Long> positions() {
    return records.stream().map(RawRecord::position).toList();
  }

  List<String> errorPositions() {
    return errors.stream().map(ReadError::position).toList();
  }
}
