package org.huntindex.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;
import org.huntindex.schema.Utf8;

/** Encodes all of an event's stored schema values into one byte blob, and decodes it back. */
public final class StoredValues {
  private static final Field[] FIELDS = Field.values();
  /** Room for a typical event's values, so that most blobs never grow. */
  private static final int INITIAL_BYTES = 512;

  private byte[] out = new byte[INITIAL_BYTES];
  private int pos;

  /** A value as UTF-8 bytes already encoded; they are copied. */
  void add(Field f, BytesRef utf8) {
    out = ArrayUtil.grow(out, pos + 10 + utf8.length);
    pos = VarInts.write(out, VarInts.write(out, pos, f.ordinal()), utf8.length);
    System.arraycopy(utf8.bytes, utf8.offset, out, pos, utf8.length);
    pos += utf8.length;
  }

  /** A value as a string. */
  void add(Field f, String s) {
    add(f, new BytesRef(Utf8.bytes(s)));
  }

  /** A LONG or TIME value, as a zig-zag varint. */
  void add(Field f, long v) {
    out = ArrayUtil.grow(out, pos + 15);
    pos = VarInts.write(out, VarInts.write(out, pos, f.ordinal()), BitUtil.zigZagEncode(v));
  }

  /** The blob of the values added so far, in the order added; null when there are none. */
  BytesRef bytes() {
    return pos == 0 ? null : new BytesRef(out, 0, pos);
  }

  /**
   * Every stored field of a document as if each value were stored on its own: schema values by name in source order,
   * strings as strings and LONG and TIME values as longs, and the raw blob.
   */
  public static Document document(StoredFields stored, int doc) throws IOException {
    return document(stored, doc, null);
  }

  /** The stored fields of a document called one of {@code names} (all of them when null), as separate fields. */
  public static Document document(StoredFields stored, int doc, Set<String> names) throws IOException {
    boolean[] wanted = new boolean[FIELDS.length];
    if (names == null) {
      Arrays.fill(wanted, true);
    } else {
      for (String name : names) {
        Field f = Field.byName(name);
        if (f != null) {
          wanted[f.ordinal()] = true;
        }
      }
    }
    Blobs blobs = new Blobs(wanted[Field.RAW.ordinal()]);
    stored.document(doc, blobs);
    Document out = new Document();
    if (blobs.values != null) {
      decode(blobs.values, wanted, out);
    }
    if (blobs.raw != null) {
      out.add(new StoredField(Field.RAW.fieldName(), blobs.raw));
    }
    return out;
  }

  /** The values of a blob in order; a blob cut short or corrupt yields the values before the damage. */
  static Document decode(BytesRef blob) {
    boolean[] all = new boolean[FIELDS.length];
    Arrays.fill(all, true);
    Document out = new Document();
    decode(blob, all, out);
    return out;
  }

  private static void decode(BytesRef blob, boolean[] wanted, Document out) {
    Reader in = new Reader(blob);
    while (in.more()) {
      long ordinal = in.readVLong();
      if (in.broken || ordinal < 0 || ordinal >= FIELDS.length || ordinal == Field.RAW.ordinal()) {
        return;
      }
      Field f = FIELDS[(int) ordinal];
      boolean keep = wanted[f.ordinal()];
      if (f.kind() == FieldKind.LONG || f.kind() == FieldKind.TIME) {
        long v = in.readVLong();
        if (in.broken) {
          return;
        }
        if (keep) {
          out.add(new StoredField(f.fieldName(), BitUtil.zigZagDecode(v)));
        }
      } else {
        long length = in.readVLong();
        if (in.broken || length < 0 || length > in.remaining()) {
          return;
        }
        if (keep) {
          out.add(new StoredField(f.fieldName(), in.string((int) length)));
        }
        in.skip((int) length);
      }
    }
  }

  /** Reads a blob without ever reading past its end. */
  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    private int pos;
    /** Set once a varint ran past the end or past ten bytes. */
    boolean broken;

    Reader(BytesRef blob) {
      bytes = blob.bytes;
      pos = blob.offset;
      end = blob.offset + blob.length;
    }

    boolean more() {
      return pos < end;
    }

    int remaining() {
      return end - pos;
    }

    /** A varint of up to 64 bits; 0 and {@link #broken} set when it runs past the end or past ten bytes. */
    long readVLong() {
      long v = 0;
      for (int shift = 0; pos < end && shift < 64; shift += 7) {
        byte b = bytes[pos++];
        v |= (b & 0x7FL) << shift;
        if (b >= 0) {
          return v;
        }
      }
      broken = true;
      return 0;
    }

    String string(int length) {
      return new String(bytes, pos, length, StandardCharsets.UTF_8);
    }

    void skip(int length) {
      pos += length;
    }
  }

  /** Takes the values blob and, when asked, the raw blob from a document's stored fields; skips anything else. */
  private static final class Blobs extends StoredFieldVisitor {
    private final boolean wantRaw;
    BytesRef values;
    BytesRef raw;

    Blobs(boolean wantRaw) {
      this.wantRaw = wantRaw;
    }

    @Override
    public Status needsField(FieldInfo info) {
      return info.name.equals(Field.STORED_VALUES) || (wantRaw && info.name.equals(Field.RAW.fieldName()))
          ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(FieldInfo info, byte[] value) {
      if (info.name.equals(Field.STORED_VALUES)) {
        values = new BytesRef(value);
      } else {
        raw = new BytesRef(value);
      }
    }
  }
}
