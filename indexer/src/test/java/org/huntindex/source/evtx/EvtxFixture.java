package org.huntindex.source.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/** Hand-assembles EVTX files for tests: a file header, chunks, records, BinXML tokens, templates and value tables. */
final class EvtxFixture {
  static final int STRING = 0x01, U16 = 0x06, U32 = 0x08, U64 = 0x0a, BOOL = 0x0d, BINARY = 0x0e, GUID = 0x0f,
      SIZE_T = 0x10, FILETIME = 0x11, SYSTEMTIME = 0x12, SID = 0x13, HEX64 = 0x15, BINXML = 0x21, ARRAY = 0x80;

  private final List<Chunk> chunks = new ArrayList<>();
  private int fileFlags;

  Chunk chunk() {
    Chunk c = new Chunk();
    chunks.add(c);
    return c;
  }

  EvtxFixture fileFlags(int flags) {
    this.fileFlags = flags;
    return this;
  }

  byte[] bytes() {
    byte[] out = new byte[4096 + 65536 * chunks.size()];
    byte[] sig = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(sig, 0, out, 0, 8);
    put32(out, 32, 128);
    put16(out, 36, 1);
    put16(out, 38, 3);
    put16(out, 40, 4096);
    put16(out, 42, chunks.size());
    put32(out, 120, fileFlags);
    CRC32 crc = new CRC32();
    crc.update(out, 0, 120);
    put32(out, 124, (int) crc.getValue());
    for (int i = 0; i < chunks.size(); i++) {
      byte[] c = chunks.get(i).finish();
      System.arraycopy(c, 0, out, 4096 + 65536 * i, 65536);
    }
    return out;
  }

  /** One 64 KiB chunk being written: records are appended from offset 512. */
  static final class Chunk {
    final byte[] b = new byte[65536];
    int pos = 512;
    private final Map<String, Integer> names;
    private final Map<String, Integer> templates;
    private long firstId = -1;
    private long lastId;
    private int lastRecord;
    private Integer freeSpaceOverride;
    private boolean finished;
    private byte[] finishedBytes;
    private final List<Consumer<byte[]>> afterCrc = new ArrayList<>();

    Chunk() {
      this(new HashMap<>(), new HashMap<>());
    }

    private Chunk(Map<String, Integer> names, Map<String, Integer> templates) {
      this.names = names;
      this.templates = templates;
    }

    /** Appends a record whose BinXML {@code body} writes. */
    Chunk record(long id, Consumer<Chunk> body) {
      int start = pos;
      u32(0x00002a2a).u32(0).u64(id).u64(131_000_000_000_000_000L);
      body.accept(this);
      while ((pos - start + 4) % 8 != 0) {
        u8(0);
      }
      int size = pos - start + 4;
      u32(size);
      put32(b, start + 4, size);
      if (firstId < 0) {
        firstId = id;
      }
      lastId = id;
      lastRecord = start;
      return this;
    }

    /** Writes raw bytes at the current position without making them a live record (slack space). */
    Chunk slack(byte[] bytes) {
      System.arraycopy(bytes, 0, b, pos, bytes.length);
      pos += bytes.length;
      return this;
    }

    Chunk freeSpace(int offset) {
      freeSpaceOverride = offset;
      return this;
    }

    /** Changes bytes after the CRCs were computed, to fake on-disk damage. */
    Chunk damage(Consumer<byte[]> change) {
      afterCrc.add(change);
      return this;
    }

    byte[] finish() {
      if (finished) {
        return finishedBytes;
      }
      int free = freeSpaceOverride != null ? freeSpaceOverride : pos;
      byte[] c = b.clone();
      System.arraycopy("ElfChnk\0".getBytes(StandardCharsets.US_ASCII), 0, c, 0, 8);
      put64(c, 8, firstId);
      put64(c, 16, lastId);
      put64(c, 24, firstId);
      put64(c, 32, lastId);
      put32(c, 40, 128);
      put32(c, 44, lastRecord);
      put32(c, 48, free);
      CRC32 crc = new CRC32();
      crc.update(c, 512, free - 512);
      put32(c, 52, (int) crc.getValue());
      crc.reset();
      crc.update(c, 0, 120);
      crc.update(c, 128, 384);
      put32(c, 124, (int) crc.getValue());
      afterCrc.forEach(a -> a.accept(c));
      finished = true;
      finishedBytes = c;
      return c;
    }

    /** The current position as the live end; later writes are slack. */
    Chunk endLive() {
      freeSpaceOverride = pos;
      return this;
    }

    // ---- BinXML tokens

    Chunk fragment() {
      return u8(0x0f).u8(1).u8(1).u8(0);
    }

    Chunk open(String name, boolean withAttributes, boolean dependencyId) {
      u8(withAttributes ? 0x41 : 0x01);
      if (dependencyId) {
        u16(0xffff);
      }
      u32(0);
      name(name);
      if (withAttributes) {
        u32(0);
      }
      return this;
    }

    /** An element in a template definition (with dependency id). */
    Chunk open(String name) {
      return open(name, false, true);
    }

    Chunk openWithAttributes(String name) {
      return open(name, true, true);
    }

    Chunk attribute(String name) {
      u8(0x06);
      return name(name);
    }

    Chunk closeStart() {
      return u8(0x02);
    }

    Chunk closeEmpty() {
      return u8(0x03);
    }

    Chunk end() {
      return u8(0x04);
    }

    Chunk eof() {
      return u8(0x00);
    }

    Chunk text(String s) {
      u8(0x05).u8(0x01).u16(s.length());
      for (char ch : s.toCharArray()) {
        u16(ch);
      }
      return this;
    }

    Chunk sub(int index, int type) {
      return u8(0x0d).u16(index).u8(type);
    }

    Chunk optionalSub(int index, int type) {
      return u8(0x0e).u16(index).u8(type);
    }

    /** {@code <Data Name="name">%index</Data>} in a template. */
    Chunk data(String name, int index, int type) {
      return openWithAttributes("Data").attribute("Name").text(name).closeStart().sub(index, type).end();
    }

    /**
     * A template instance: the definition is written resident the first time {@code key} is used and referenced after;
     * then the value table. The template id is {@code key.hashCode()}, and the GUID starts with it, as in real files.
     */
    Chunk template(String key, Consumer<Chunk> definition, Value... values) {
      u8(0x0c).u8(0x01).u32(key.hashCode());
      Integer at = templates.get(key);
      if (at == null) {
        at = pos + 4;
        templates.put(key, at);
        u32(at).u32(0).u32(key.hashCode());
        for (int i = 0; i < 12; i++) {
          u8(key.hashCode() + i);
        }
        int sizeAt = pos;
        u32(0);
        int body = pos;
        definition.accept(this);
        put32(b, sizeAt, pos - body);
      } else {
        u32(at);
      }
      return values(values);
    }

    /** A template instance of {@code key}'s id that names {@code definition} as its definition, whatever is there. */
    Chunk templateAt(String key, int definition, Value... values) {
      u8(0x0c).u8(0x01).u32(key.hashCode()).u32(definition);
      return values(values);
    }

    /** The offset of {@code key}'s definition. */
    int definitionOf(String key) {
      return templates.get(key);
    }

    private Chunk values(Value... values) {
      u32(values.length);
      byte[][] data = new byte[values.length][];
      int at2 = pos + 4 * values.length;
      for (int i = 0; i < values.length; i++) {
        data[i] = values[i].bytesAt(this, at2);
        at2 += data[i].length;
      }
      for (int i = 0; i < values.length; i++) {
        u16(data[i].length).u8(values[i].type).u8(0);
      }
      for (byte[] d : data) {
        raw(d);
      }
      return this;
    }

    /** A scratch copy positioned at {@code offset} that shares names and templates, for values written in place. */
    private Chunk scratchAt(int offset) {
      Chunk scratch = new Chunk(names, templates);
      System.arraycopy(b, 0, scratch.b, 0, b.length);
      scratch.pos = offset;
      return scratch;
    }

    Chunk name(String name) {
      Integer at = names.get(name);
      if (at != null) {
        return u32(at);
      }
      names.put(name, pos + 4);
      u32(pos + 4).u32(0).u16(0).u16(name.length());
      for (char ch : name.toCharArray()) {
        u16(ch);
      }
      return u16(0);
    }

    Chunk raw(byte[] bytes) {
      System.arraycopy(bytes, 0, b, pos, bytes.length);
      pos += bytes.length;
      return this;
    }

    Chunk u8(int v) {
      b[pos++] = (byte) v;
      return this;
    }

    Chunk u16(int v) {
      put16(b, pos, v);
      pos += 2;
      return this;
    }

    Chunk u32(int v) {
      put32(b, pos, v);
      pos += 4;
      return this;
    }

    Chunk u64(long v) {
      put64(b, pos, v);
      pos += 8;
      return this;
    }

    /** The bytes of the record starting at {@code offset}, for copying into slack space. */
    byte[] recordAt(int offset) {
      int size = (b[offset + 4] & 0xff) | (b[offset + 5] & 0xff) << 8 | (b[offset + 6] & 0xff) << 16;
      return Arrays.copyOfRange(b, offset, offset + size);
    }
  }

  /** One substitution value: its type code and bytes. */
  record Value(int type, byte[] bytes, Consumer<Chunk> writer) {
    Value(int type, byte[] bytes) {
      this(type, bytes, null);
    }

    /** An embedded BinXML value written in place by {@code writer}. */
    static Value embedded(Consumer<Chunk> writer) {
      return new Value(BINXML, null, writer);
    }

    byte[] bytesAt(Chunk chunk, int offset) {
      if (writer == null) {
        return bytes;
      }
      Chunk scratch = chunk.scratchAt(offset);
      writer.accept(scratch);
      return Arrays.copyOfRange(scratch.b, offset, scratch.pos);
    }

    static Value string(String s) {
      byte[] out = new byte[2 * s.length() + 2];
      for (int i = 0; i < s.length(); i++) {
        put16(out, 2 * i, s.charAt(i));
      }
      return new Value(STRING, out);
    }

    static Value u16(int v) {
      byte[] out = new byte[2];
      put16(out, 0, v);
      return new Value(U16, out);
    }

    static Value u32(int v) {
      byte[] out = new byte[4];
      put32(out, 0, v);
      return new Value(U32, out);
    }

    static Value of64(int type, long v) {
      byte[] out = new byte[8];
      put64(out, 0, v);
      return new Value(type, out);
    }

    static Value nul() {
      return new Value(0, new byte[0]);
    }
  }

  static void put16(byte[] b, int o, int v) {
    b[o] = (byte) v;
    b[o + 1] = (byte) (v >> 8);
  }

  static void put32(byte[] b, int o, int v) {
    put16(b, o, v);
    put16(b, o + 2, v >> 16);
  }

  static void put64(byte[] b, int o, long v) {
    put32(b, o, (int) v);
    put32(b, o + 4, (int) (v >> 32));
  }
}
