package org.huntindex.source.evtx;

import java.util.HashMap;
import java.util.Map;

/** The element and attribute names of one chunk, read once per offset: u32 next, u16 hash, u16 length, UTF-16, NUL. */
final class NameTable {
  static final int MAX_NAMES_PER_CHUNK = 8192;

  private final Map<Integer, String> byOffset = new HashMap<>();
  private final ValueReader text;

  NameTable(ValueReader text) {
    this.text = text;
  }

  void clear() {
    byOffset.clear();
  }

  /** The name at a chunk offset. */
  String at(byte[] b, int offset, int limit) {
    String name = byOffset.get(offset);
    if (name != null) {
      return name;
    }
    if (byOffset.size() >= MAX_NAMES_PER_CHUNK) {
      throw new EvtxFormatException("more than " + MAX_NAMES_PER_CHUNK + " names in chunk");
    }
    int chars = LittleEndian.u16(b, offset + 6, limit);
    LittleEndian.check(offset + 8, 2 * chars, limit);
    name = text.utf16(b, offset + 8, 2 * chars);
    byOffset.put(offset, name);
    return name;
  }

  /** Bytes a name occupies when stored inline. */
  static int inlineLength(byte[] b, int offset, int limit) {
    return 10 + 2 * LittleEndian.u16(b, offset + 6, limit);
  }
}
