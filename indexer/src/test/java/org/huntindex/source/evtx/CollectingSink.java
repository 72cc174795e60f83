package org.huntindex.source.evtx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

/** Keeps what a reader produced, for assertions. */
final class CollectingSink implements RecordSink {
  final List<RawRecord> records = Collections.synchronizedList(new ArrayList<>());
  final List<ReadError> errors = Collections.synchronizedList(new ArrayList<>());

  static CollectingSink read(EvtxReader reader, byte[] file) throws IOException {
    CollectingSink sink = new CollectingSink();
    reader.read(new ByteArrayChannel(file), "mem.evtx", sink);
    return sink;
  }

  /** Takes what one chunk decoded to, as the reader would for a file of that chunk alone. */
  void take(ChunkResult result) {
    SlackRecords slack = new SlackRecords();
    result.deliverTo(this, slack);
    slack.finish(this);
  }

  @Override
  public void accept(RawRecord record) {
    records.add(record);
  }

  @Override
  public void error(ReadError error) {
    errors.add(error);
  }

  List<RawRecord> live() {
    return records.stream().filter(r -> !r.recovered()).toList();
  }

  List<Object> all(RawRecord record, String name) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      if (record.name(i).equals(name)) {
        values.add(record.value(i));
      }
    }
    return values;
  }

  String errorText() {
    return errors.toString();
  }
}
