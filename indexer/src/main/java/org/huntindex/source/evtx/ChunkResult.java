package org.huntindex.source.evtx;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

/** What one chunk decoded to: records and errors in the order they were met, handed to the sink in one go. */
final class ChunkResult {
  private final List<Object> items = new ArrayList<>();

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
