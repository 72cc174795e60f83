package org.huntindex.source.evtx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.huntindex.source.evtx.CompiledTemplate.Context;

/**
 * Templates compiled in earlier chunks, reused when a later chunk carries the same definition, so a template is
 * compiled once per decoder rather than once per chunk.
 *
 * <p>A definition matches when its GUID and size are the same, its body is the same byte for byte except for the name
 * offsets, and every name is where it was: a name inside the definition at the same place relative to it, a name
 * earlier in the chunk with the same text. Compilation reads nothing else, so a match compiles to the same fields.
 * Definitions whose names point past them, or whose element layout had to be guessed, are not kept. Bounded in
 * entries and bytes; not thread-safe, one per chunk decoder.
 */
final class TemplateCache {
  static final int MAX_ENTRIES = 2048;
  static final int MAX_BYTES = 8 << 20;
  /** Definition header: u32 next, 16-byte GUID, u32 body size. */
  private static final int HEADER = 24;

  private final Map<Key, Entry> entries = new HashMap<>();
  private int bytes;

  /** The template compiled earlier for the definition at {@code definition} (body of {@code size} bytes), or null. */
  CompiledTemplate find(byte[] b, int limit, int definition, int size, Context context, NameTable names) {
    if (limit != ChunkDecoder.CHUNK_SIZE) {
      return null;
    }
    Entry e = entries.get(key(b, definition, size, context));
    return e != null && e.matches(b, limit, definition, names) ? e.template : null;
  }

  /** Keeps {@code template}, compiled from the definition at {@code definition}, for later chunks if it can be shared. */
  void remember(byte[] b, int limit, int definition, int size, Context context, CompiledTemplate template,
      TemplateCompiler.NameRefs refs) {
    if (limit != ChunkDecoder.CHUNK_SIZE || refs.guessedLayout) {
      return;
    }
    int body = definition + HEADER;
    int bodyEnd = body + size;
    int n = refs.count;
    // holes in the byte comparison: each name offset field (4 bytes), and the bucket link and hash that start each
    // name stored inside the body (6 bytes, never read); a name's length and text are compared as body bytes
    long[] holes = new long[2 * n];
    int holeCount = 0;
    int[] targets = new int[n];
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      int field = refs.fields[i];
      int offset = refs.offsets[i];
      if (field < body || field + 4 > bodyEnd) {
        return;
      }
      holes[holeCount++] = hole(field - body, 4, i);
      if (offset < definition) {
        names[i] = refs.names[i];
      } else if (offset >= body && offset <= bodyEnd - 10 && offset + NameTable.inlineLength(b, offset, limit) <= bodyEnd) {
        targets[i] = offset - definition;
        holes[holeCount++] = hole(offset - body, 6, -1);
      } else {
        return;
      }
    }
    holes = Arrays.stream(holes, 0, holeCount).sorted().distinct().toArray();
    for (int i = 1; i < holes.length; i++) {
      if (holeStart(holes[i]) < holeStart(holes[i - 1]) + holeLength(holes[i - 1])) {
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      if (names[i] == null && overlapsField(holes, targets[i] - HEADER, NameTable.inlineLength(b, refs.offsets[i], limit))) {
        return;
      }
    }
    if (entries.size() >= MAX_ENTRIES || bytes + size > MAX_BYTES) {
      entries.clear();
      bytes = 0;
    }
    Entry previous = entries.put(key(b, definition, size, context),
        new Entry(template, Arrays.copyOfRange(b, body, bodyEnd), holes, targets, names));
    bytes += size - (previous == null ? 0 : previous.body.length);
  }

  /** A hole as one sortable long: start (relative to the body), length, and the name reference it checks (or -1). */
  private static long hole(int start, int length, int ref) {
    return (long) start << 32 | (long) length << 24 | (ref + 1);
  }

  private static int holeStart(long hole) {
    return (int) (hole >>> 32);
  }

  private static int holeLength(long hole) {
    return (int) (hole >>> 24) & 0xff;
  }

  private static int holeRef(long hole) {
    return (int) (hole & 0xffffff) - 1;
  }

  /** True when a name offset field lies within {@code [start, start + length)}: the name's text would not be compared. */
  private static boolean overlapsField(long[] holes, int start, int length) {
    for (long hole : holes) {
      if (holeRef(hole) >= 0 && holeStart(hole) < start + length && start < holeStart(hole) + 4) {
        return true;
      }
    }
    return false;
  }

  private static Key key(byte[] b, int definition, int size, Context context) {
    return new Key(LittleEndian.i64(b, definition + 4), LittleEndian.i64(b, definition + 12), size, context);
  }

  /** A template compiles to different keys under different element paths (embedded BinXML), so the path is part of it. */
  private record Key(long guidLow, long guidHigh, int size, Context context) {}

  /** A compiled template with the body it came from and where that body's names were. */
  private record Entry(CompiledTemplate template, byte[] body, long[] holes, int[] targets, String[] names) {
    boolean matches(byte[] b, int limit, int definition, NameTable nameTable) {
      int start = definition + HEADER;
      int from = 0;
      for (long hole : holes) {
        int at = holeStart(hole);
        if (!Arrays.equals(body, from, at, b, start + from, start + at)) {
          return false;
        }
        int i = holeRef(hole);
        if (i >= 0) {
          int offset = LittleEndian.i32(b, start + at);
          if (names[i] == null) {
            if (offset - definition != targets[i]) {
              return false;
            }
          } else if (offset < 0 || offset >= definition || offset > limit - 10
              || !sameName(b, limit, offset, names[i], nameTable)) {
            return false;
          }
        }
        from = at + holeLength(hole);
      }
      return Arrays.equals(body, from, body.length, b, start + from, start + body.length);
    }

    private static boolean sameName(byte[] b, int limit, int offset, String name, NameTable nameTable) {
      try {
        return nameTable.at(b, offset, limit).equals(name);
      } catch (EvtxFormatException | IndexOutOfBoundsException e) {
        return false;
      }
    }
  }
}
