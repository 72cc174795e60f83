package org.huntindex.index;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
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

/**
 * Turns an {@link Event} into the Lucene document the schema describes.
 *
 * <p>No keyword term or doc value ever exceeds Lucene's term limit: longer values are cut at a character boundary,
 * stored whole, and flagged {@code truncated:<field>} in {@code event.flags}. An IP field value that does not parse is
 * not indexed as an address; it is kept raw under the field's name. Each keyword value is encoded to UTF-8 once and
 * shared by its term and its doc values; term, points, doc values and stored value of one schema value travel in one
 * Lucene field (Lucene's per-field cost is paid once, not three times), which writes exactly what a separate {@code
 * StringField}, {@code LongPoint}/{@code BinaryPoint}, doc-values field and {@code StoredField} would. All raw source
 * fields of an event travel as one {@link RawFields} blob in one Lucene field.
 */
public final class EventDocuments {
  private static final Field[] FIELDS = Field.values();
  private static final org.apache.lucene.document.Field.Store YES = org.apache.lucene.document.Field.Store.YES;
  private static final FieldType[] TYPES = new FieldType[FIELDS.length];
  private static final FieldType RAW_TYPE;
  /** Tokens with positions for phrases; no norms: nothing is scored. */
  private static final FieldType TEXT = text(false);
  private static final FieldType TEXT_STORED = text(true);

  static {
    for (Field f : FIELDS) {
      TYPES[f.ordinal()] = typeOf(f);
    }
    FieldType raw = new FieldType(TYPES[Field.RAW.ordinal()]);
    raw.setTokenized(true);
    raw.freeze();
    RAW_TYPE = raw;
  }

  private EventDocuments() {}

  public static Document of(Event e) {
    Document doc = new Document();
    for (Field f : FIELDS) {
      Object slot = e.slot(f);
      if (slot == null || f == Field.RAW || f == Field.EVENT_FLAGS) {
        continue;
      }
      if (slot instanceof List<?> list) {
        for (Object v : list) {
          add(doc, f, v, e);
        }
      } else {
        add(doc, f, slot, e);
      }
    }
    BytesRef raw = RawFields.encode(e);
    if (raw != null) {
      doc.add(new RawValues(raw));
    }
    for (Object flag : e.all(Field.EVENT_FLAGS)) {
      doc.add(new StringField(Field.EVENT_FLAGS.fieldName(), flag.toString(), YES));
    }
    return doc;
  }

  private static void add(Document doc, Field f, Object v, Event e) {
    String name = f.fieldName();
    switch (f.kind()) {
      case KEYWORD -> keyword(doc, f, v.toString());
      case TEXT -> {
        String s = v.toString();
        doc.add(new org.apache.lucene.document.Field(name, s, f.stored() ? TEXT_STORED : TEXT));
        if (f.has(Field.Flag.HASHED)) {
          doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(s)));
        }
      }
      case LONG, TIME -> doc.add(new LongValue(name, (Long) v, TYPES[f.ordinal()]));
      case IP -> {
        String s = v.toString();
        byte[] address = IpAddresses.parse(s);
        if (address == null) {
          e.raw(name, s);
          return;
        }
        doc.add(new BytesValue(name, new BytesRef(address), TYPES[f.ordinal()], s));
      }
      case BOOLEAN -> doc.add(new StringField(name, v.toString(), YES));
    }
  }

  private static void keyword(Document doc, Field f, String value) {
    String name = f.fieldName();
    BytesRef bytes = new BytesRef(value);
    if (bytes.length > Field.MAX_TERM_BYTES) {
      bytes = new BytesRef(truncate(value, Field.MAX_TERM_BYTES));
      doc.add(new StringField(Field.EVENT_FLAGS.fieldName(), "truncated:" + name, YES));
    }
    doc.add(new BytesValue(name, bytes, TYPES[f.ordinal()], f.stored() ? value : null));
    if (f.has(Field.Flag.HASHED)) {
      doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(value)));
    }
  }

  /**
   * One Lucene field per schema value: the term, points and doc values from the same UTF-8 (or address) bytes, and the
   * value stored as the string it came from, so that readers see exactly what separate fields would have given them.
   */
  private static final class BytesValue extends org.apache.lucene.document.Field {
    private final String stored;

    BytesValue(String name, BytesRef bytes, FieldType type, String stored) {
      super(name, bytes, type);
      this.stored = stored;
    }

    @Override
    public StoredValue storedValue() {
      return stored == null ? null : new StoredValue(stored);
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

  /** A long as point, doc values (when the type has them) and stored value in one Lucene field. */
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

  /** The Lucene field type of each schema field's main value, by ordinal (null for kinds indexed otherwise). */
  private static FieldType text(boolean stored) {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setOmitNorms(true);
    t.setStored(stored);
    t.freeze();
    return t;
  }

  private static FieldType typeOf(Field f) {
    FieldType t = new FieldType();
    switch (f.kind()) {
      case KEYWORD -> {
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.setTokenized(false);
        t.setStored(f.stored());
        if (f.has(Field.Flag.DOC_VALUES)) {
          t.setDocValuesType(f.multiValued() ? DocValuesType.SORTED_SET : DocValuesType.SORTED);
        }
      }
      case LONG, TIME -> {
        t.setDimensions(1, Long.BYTES);
        t.setStored(true);
        if (f.has(Field.Flag.DOC_VALUES)) {
          t.setDocValuesType(f.multiValued() ? DocValuesType.SORTED_NUMERIC : DocValuesType.NUMERIC);
        }
      }
      case IP -> {
        t.setDimensions(1, 16);
        t.setStored(true);
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
