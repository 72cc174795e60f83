package org.huntindex.source.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

/**
 * What one chunk decoded to: records and errors in the order they were met, handed to the sink in one go; or that its
 * bytes are no EVTX chunk at all.
 */
final class ChunkResult {
  private final List<Object> items = new ArrayList<>();
  /** {@link SlackRecords#key} of each record, in order. */
  private long[] keys = new long[64];
  /** Each slack record's values kept without names, when its one lost template is known ({@link Unnamed}). */
  private Unnamed[] unnamed = new Unnamed[64];
  private int records;
  private Map<CompiledTemplate.Key, List<CompiledTemplate>> templates = Map.of();
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
    record(record, written, null);
  }

  /** A record from slack space, with its values kept without names when its one lost template is known. */
  void record(RawRecord record, long written, Unnamed lostNames) {
    if (records == keys.length) {
      keys = Arrays.copyOf(keys, 2 * records);
      unnamed = Arrays.copyOf(unnamed, 2 * records);
    }
    unnamed[records] = lostNames;
    keys[records++] = SlackRecords.key(record.position(), written);
    items.add(record);
  }

  /** The templates the chunk's live records used, by id and path. */
  void templates(Map<CompiledTemplate.Key, List<CompiledTemplate>> used) {
    templates = used;
  }

  void error(ReadError error) {
    items.add(error);
  }

  /** Hands errors and live records to the sink, and records from slack space to {@code slack}. */
  void deliverTo(RecordSink sink, SlackRecords slack) {
    slack.templates(index, templates);
    int r = 0;
    for (Object item : items) {
      if (item instanceof RawRecord record) {
        long key = keys[r];
        Unnamed lostNames = unnamed[r++];
        if (record.recovered()) {
          slack.recovered(record, key, lostNames, sink);
        } else {
          slack.live(record, key, sink);
        }
      } else {
        sink.error((ReadError) item);
      }
    }
  }
}
