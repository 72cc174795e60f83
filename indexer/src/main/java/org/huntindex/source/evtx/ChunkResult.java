package org.huntindex.source.evtx;

import java.util.ArrayList;
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

  void record(RawRecord record) {
    items.add(record);
  }

  void error(ReadError error) {
    items.add(error);
  }

  void deliverTo(RecordSink sink) {
    for (Object item : items) {
      if (item instanceof RawRecord record) {
        sink.accept(record);
      } else {
        sink.error((ReadError) item);
      }
    }
  }
}
