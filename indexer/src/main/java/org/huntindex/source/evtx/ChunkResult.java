package org.huntindex.source.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

/**
 * What one chunk decoded to: records and errors in the order they were met, handed to the sink in one go; or that its
 * bytes are no EVTX chunk at all.
 */
final class ChunkResult {
  private final List<Object> items = new ArrayList<>();
  /** {@link StaleCopies#key} of each record, in order. */
  private long[] keys = new long[64];
  private int records;
  private final long index;
  private boolean foreign;

  ChunkResult(long index) {
    this.index = index;
  }

  long index() {
    return index;
  }

  /** Marks the chunk as bytes without a chunk signature in which no record was found either. */
  void foreign() {
    foreign = true;
  }

  boolean isForeign() {
    return foreign;
  }

  /** A record, whose record header says it was written at {@code written}. */
  void record(RawRecord record, long written) {
    if (records == keys.length) {
      keys = Arrays.copyOf(keys, 2 * records);
    }
    keys[records++] = StaleCopies.key(record.position(), written);
    items.add(record);
  }

  void error(ReadError error) {
    items.add(error);
  }

  /** Hands errors and live records to the sink, and recovered records to {@code copies}. */
  void deliverTo(RecordSink sink, StaleCopies copies) {
    int r = 0;
    for (Object item : items) {
      if (item instanceof RawRecord record) {
        long key = keys[r++];
        if (record.recovered()) {
          copies.recovered(record, key, sink);
        } else {
          copies.live(record, key, sink);
        }
      } else {
        sink.error((ReadError) item);
      }
    }
  }
}
