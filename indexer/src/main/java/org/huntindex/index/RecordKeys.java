package org.huntindex.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.huntindex.normalize.Event;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;
import org.huntindex.schema.Hash64;

/**
 * The (host, channel, record id) keys of Windows records already indexed, for {@code --dedupe-records}: an event log
 * collected twice as it grew holds the same records twice, and a triage holds a log both as EVTX and as a tool's export
 * of it (EvtxECmd's CSV, Velociraptor's rows, XML); only the first copy is kept, whatever its format.
 */
final class RecordKeys {
  /**
   * 64-bit key hashes in Lucene's primitive set: 17 bytes a record measured for 2M keys, against 65 for a concurrent
   * set of boxed longs (1.3 GB for 20M records, more than the whole heap of a {@code -Xmx1g} ingest).
   */
  private final LongHashSet keys = new LongHashSet();

  static RecordKeys load(IndexWriter writer) throws IOException {
    RecordKeys k = new RecordKeys();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedSetDocValues hosts = DocValues.getSortedSet(leaf.reader(), Field.HOST_NAME.fieldName());
        SortedSetDocValues channels = DocValues.getSortedSet(leaf.reader(), Field.WINLOG_CHANNEL.fieldName());
        NumericDocValues ids = DocValues.getNumeric(leaf.reader(), Field.WINLOG_RECORD_ID.fieldName());
        for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
          String host = hosts.advanceExact(doc) ? hosts.lookupOrd(hosts.nextOrd()).utf8ToString() : "";
          String channel = channels.advanceExact(doc) ? channels.lookupOrd(channels.nextOrd()).utf8ToString() : "";
          k.keys.add(key(host, channel, ids.longValue()));
        }
      }
    }
    return k;
  }

  /** True the first time a Windows record's key is seen; always true for an event without a record id. */
  boolean firstSeen(Event e) {
    Long id = e.number(Field.WINLOG_RECORD_ID);
    if (id == null) {
      return true;
    }
    String host = e.string(Field.HOST_NAME);
    String channel = e.string(Field.WINLOG_CHANNEL);
    long key = key(host == null ? "" : host, channel == null ? "" : channel, id);
    synchronized (keys) {
      return keys.add(key);
    }
  }

  private static long key(String host, String channel, long id) {
    return Hash64.of(host + '\u0000' + Ascii.lower(channel) + '\u0000' + id);
  }
}
