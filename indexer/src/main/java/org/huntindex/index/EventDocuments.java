package org.huntindex.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StoredValue;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.huntindex.extract.IpAddresses;
import org.huntindex.normalize.Event;
import org.huntindex.schema.Field;
import org.huntindex.schema.Hash64;
import org.huntindex.schema.Utf8;

/**
 * Turns an {@link Event} into the Lucene document the schema describes.
 *
 * <p>No keyword term or doc value ever exceeds Lucene's term limit: longer values are cut at a character boundary,
 * stored whole, and flagged {@code truncated:<field>} in {@code event.flags}. An IP field value that does not parse is
 * not indexed as an address; it is kept raw under the field's name. Each keyword value is encoded to UTF-8 once and
 * shared by its term, its doc values and its stored value; term, points and doc values of one schema value travel in
 * one Lucene field (Lucene's per-field cost is paid once, not twice), which writes exactly what a separate {@code
 * StringField}, {@code LongPoint}/{@code BinaryPoint} and doc-values field would. Every stored schema value of an event
 * travels as one {@link StoredValues} blob in one stored field, and all its raw source fields as one {@link RawFields}
 * blob in another.
 */
public final class EventDocuments {
  private static final Field[] FIELDS = Field.values();
  private static final org.apache.lucene.document.Field.Store NO = org.apache.lucene.document.Field.Store.NO;
  private static final FieldType[] TYPES = new FieldType[FIELDS.length];
  private static final FieldType RAW_TYPE;
  /** Tokens with positions for phrases; no norms: nothing is scored. */
  private static final FieldType TEXT = text();

  static {
    for (Field f : FIELDS) {
      TYPES[f.ordinal()] = typeOf(f);
    }
    FieldType raw = new FieldType(TYPES[Field.RAW.ordinal()]);
    raw.setTokenized(true);
    raw.setStored(true);
    raw.freeze();
    RAW_TYPE = raw;
  }

  private EventDocuments() {}

  public static Document of(Event e) {
    Document doc = new Document();
    StoredValues stored = new StoredValues();
    for (Field f : FIELDS) {
      Object slot = e.slot(f);
      if (slot == null || f == Field.RAW || f == Field.EVENT_FLAGS) {
        continue;
      }
      if (slot instanceof List<?> list) {
        for (Object v : list) {
          add(doc, stored, f, v, e);
        }
      } else {
        add(doc, stored, f, slot, e);
      }
    }
    BytesRef raw = RawFields.encode(e);
    if (raw != null) {
      doc.add(new RawValues(raw));
    }
    for (Object flag : e.all(Field.EVENT_FLAGS)) {
      flag(doc, stored, flag.toString());
    }
    BytesRef values = stored.bytes();
    if (values != null) {
      doc.add(new StoredField(Field.STORED_VALUES, values));
    }
    return doc;
  }

  private static void add(Document doc, StoredValues stored, Field f, Object v, Event e) {
    String name = f.fieldName();
    switch (f.kind()) {
      case KEYWORD -> keyword(doc, stored, f, v.toString());
      case TEXT -> {
        String s = v.toString();
        doc.add(new org.apache.lucene.document.Field(name, s, TEXT));
        stored.add(f, s);
        if (f.has(Field.Flag.HASHED)) {
          doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(s)));
        }
      }
      case LONG, TIME -> {
        long l = (Long) v;
        doc.add(new LongValue(name, l, TYPES[f.ordinal()]));
        stored.add(f, l);
      }
      case IP -> {
        String s = v.toString();
        byte[] address = IpAddresses.parse(s);
        if (address == null) {
          e.raw(name, s);
          return;
        }
        doc.add(new org.apache.lucene.document.Field(name, new BytesRef(address), TYPES[f.ordinal()]));
        stored.add(f, s);
      }
      case BOOLEAN -> {
        String s = v.toString();
        doc.add(new StringField(name, s, NO));
        stored.add(f, s);
      }
    }
  }

  private static void flag(Document doc, StoredValues stored, String flag) {
    doc.add(new StringField(Field.EVENT_FLAGS.fieldName(), flag, NO));
    stored.add(Field.EVENT_FLAGS, flag);
  }

  private static void keyword(Document doc, StoredValues stored, Field f, String value) {
    String name = f.fieldName();
    BytesRef bytes = new BytesRef(Utf8.bytes(value));
    stored.add(f, bytes);
    if (bytes.length > Field.MAX_TERM_BYTES) {
      bytes = new BytesRef(truncate(value, Field.MAX_TERM_BYTES));
      flag(doc, stored, "truncated:" + name);
    }
    doc.add(new org.apache.lucene.document.Field(name, bytes, TYPES[f.ordinal()]));
    if (f.has(Field.Flag.HASHED)) {
      doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(value)));
    }
  }

  /** Every raw pair of an event: one stored blob, and its pairs as the terms of one token stream. */
  private static final class RawValues extends org.apache.lucene.document.Field {
    private final BytesRef blob;

    RawValues(BytesRef blob) {
      super(Field.RAW.fieldName(), RAW_TYPE);
      this.blob = blob;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return (reuse instanceof RawFields.Terms terms ? terms : new RawFields.Terms()).reset(blob);
    }

    @Override
    public StoredValue storedValue() {
      return new StoredValue(blob);
    }
  }

  /** A long as point and, when the type has them, doc values in one Lucene field. */
  private static final class LongValue extends org.apache.lucene.document.Field {
    LongValue(String name, long value, FieldType type) {
      super(name, type);
      fieldsData = value;
    }

    @Override
    public BytesRef binaryValue() {
      byte[] packed = new byte[Long.BYTES];
      NumericUtils.longToSortableBytes((Long) fieldsData, packed, 0);
      return new BytesRef(packed);
    }
  }

  private static FieldType text() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  /** The Lucene field type of each schema field's main value, by ordinal (null for kinds indexed otherwise). */
  private static FieldType typeOf(Field f) {
    FieldType t = new FieldType();
    switch (f.kind()) {
      case KEYWORD -> {
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.setTokenized(false);
        if (f.has(Field.Flag.DOC_VALUES)) {
          t.setDocValuesType(f.multiValued() ? DocValuesType.SORTED_SET : DocValuesType.SORTED);
        }
      }
      case LONG, TIME -> {
        t.setDimensions(1, Long.BYTES);
        if (f.has(Field.Flag.DOC_VALUES)) {
          t.setDocValuesType(f.multiValued() ? DocValuesType.SORTED_NUMERIC : DocValuesType.NUMERIC);
        }
      }
      case IP -> {
        t.setDimensions(1, 16);
        if (f.has(Field.Flag.DOC_VALUES)) {
          t.setDocValuesType(f.multiValued() ? DocValuesType.SORTED_SET : DocValuesType.SORTED);
        }
      }
      default -> {
        return null;
      }
    }
    t.freeze();
    return t;
  }

  private static String truncate(String s, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
