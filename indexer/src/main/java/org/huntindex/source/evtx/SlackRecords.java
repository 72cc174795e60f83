package org.huntindex.source.evtx;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.huntindex.source.RawRecord;
import org.huntindex.source.RecordSink;

/**
 * What becomes of one file's records from slack space, which wait for the end of the file.
 *
 * <p>Slack copies of live records are left out. Windows starts a new chunk from the bytes of the chunk written before
 * it, so the slack after a chunk's live records often holds records still live in that other chunk (644 of the 3,673
 * records carved from the real samples' slack). Two records are the same record when their ids and their headers'
 * write times are equal; a log cleared since restarts its ids, at other times. In a log that has wrapped around, the
 * live copy may come later in the file, hence the wait. A recovered record is delivered once however many chunks'
 * slack hold it.
 *
 * <p>A record whose values lost their names is named by a template of another chunk that fits them
 * ({@link FileTemplates}), all chunks' templates being known by then.
 *
 * <p>At most {@link #MAX_HELD} records wait; past that the oldest leaves first, checked against what is known so far.
 */
final class SlackRecords {
  static final int MAX_HELD = 16_384;
  /** Keys kept at most (a 64 MiB table); past it, records live later are not remembered. */
  static final int MAX_KEYS = 1 << 22;

  private record Held(RawRecord record, long key, Unnamed unnamed) {}

  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private final FileTemplates templates = new FileTemplates();
  /** Open addressing, 0 for an empty slot. */
  private long[] keys = new long[1 << 10];
  private int size;

  /** The identity of the record with this id whose record header says it was written at {@code written}. */
  static long key(long id, long written) {
    long k = id * 0x9E3779B97F4A7C15L + written;
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k == 0 ? 1 : k;
  }

  void live(RawRecord record, long key, RecordSink sink) {
    remember(key);
    sink.accept(record);
  }

  /** The templates a chunk's live records used, by id and path. */
  void templates(long chunk, Map<CompiledTemplate.Key, List<CompiledTemplate>> chunkTemplates) {
    templates.add(chunk, chunkTemplates);
  }

  /** A record from slack space; {@code unnamed} when its values lost their names, else null. */
  void recovered(RawRecord record, long key, Unnamed unnamed, RecordSink sink) {
    if (contains(key)) {
      return;
    }
    held.add(new Held(record, key, unnamed));
    if (held.size() > MAX_HELD) {
      release(held.poll(), sink);
    }
  }

  /** Delivers every recovered record still waiting that is no copy; called at the end of the file. */
  void finish(RecordSink sink) {
    for (Held h; (h = held.poll()) != null; ) {
      release(h, sink);
    }
  }

  private void release(Held h, RecordSink sink) {
    if (!contains(h.key())) {
      remember(h.key());
      sink.accept(h.unnamed() == null ? h.record() : templates.name(h.record(), h.unnamed()));
    }
  }

  private boolean contains(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return true;
      }
    }
    return false;
  }

  private void remember(long key) {
    if (size >= MAX_KEYS) {
      return;
    }
    if (2 * (size + 1) > keys.length) {
      long[] old = keys;
      keys = new long[old.length * 2];
      for (long k : old) {
        if (k != 0) {
          insert(k);
        }
      }
    }
    if (insert(key)) {
      size++;
    }
  }

  private boolean insert(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    for (; keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return false;
      }
    }
    keys[i] = key;
    return true;
  }

  private static int slot(long key, int mask) {
    return (int) (key ^ key >>> 32) & mask;
  }
}
