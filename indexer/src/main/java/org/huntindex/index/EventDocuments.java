package org.huntindex.index;

import java.util.List;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.huntindex.extract.IpAddresses;
import org.huntindex.normalize.Event;
import org.huntindex.schema.Field;
import org.huntindex.schema.Hash64;

/**
 * Turns an {@link Event} into the Lucene document the schema describes.
 *
 * <p>No keyword term or doc value ever exceeds Lucene's term limit: longer values are cut at a character boundary,
 * stored whole, and flagged {@code truncated:<field>} in {@code event.flags}. A raw value over
 * {@link Field#RAW_TERM_BYTES} bytes is stored but not indexed. An IP field value that does not parse is not indexed
 * as an address; it is kept raw under the field's name. Each keyword value is encoded to UTF-8 once and shared by its
 * term, its lower-cased twin (when it has no upper-case ASCII letter) and its doc values.
 */
public final class EventDocuments {
  private static final Field[] FIELDS = Field.values();
  private static final org.apache.lucene.document.Field.Store NO = org.apache.lucene.document.Field.Store.NO;
  private static final org.apache.lucene.document.Field.Store YES = org.apache.lucene.document.Field.Store.YES;

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
    String raw = Field.RAW.fieldName();
    for (int i = 0; i < e.rawSize(); i++) {
      String pair = e.rawName(i) + "=" + e.rawValue(i);
      BytesRef bytes = new BytesRef(pair);
      doc.add(new StoredField(raw, pair));
      if (bytes.length <= Field.RAW_TERM_BYTES) {
        doc.add(new StringField(raw, bytes, NO));
      }
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
        doc.add(new TextField(name, s, f.stored() ? YES : NO));
        if (f.has(Field.Flag.HASHED)) {
          doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(s)));
        }
      }
      case LONG, TIME -> {
        long n = (Long) v;
        doc.add(new LongPoint(name, n));
        if (f.has(Field.Flag.DOC_VALUES)) {
          doc.add(f.multiValued() ? new SortedNumericDocValuesField(name, n) : new NumericDocValuesField(name, n));
        }
        doc.add(new StoredField(name, n));
      }
      case IP -> {
        String s = v.toString();
        byte[] address = IpAddresses.parse(s);
        if (address == null) {
          e.raw(name, s);
          return;
        }
        doc.add(new BinaryPoint(name, address));
        if (f.has(Field.Flag.DOC_VALUES)) {
          doc.add(new SortedSetDocValuesField(name, new BytesRef(address)));
        }
        doc.add(new StoredField(name, s));
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
    doc.add(new StringField(name, bytes, NO));
    if (f.stored()) {
      doc.add(new StoredField(name, value));
    }
    if (f.has(Field.Flag.LOWER)) {
      doc.add(new StringField(f.lowerName(), asciiLower(bytes), NO));
    }
    if (f.has(Field.Flag.DOC_VALUES)) {
      doc.add(new SortedSetDocValuesField(name, bytes));
    }
    if (f.has(Field.Flag.HASHED)) {
      doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(value)));
    }
    if (f.has(Field.Flag.KUSTO_TERMS)) {
      doc.add(new TextField(f.termsName(), value, NO));
    }
  }

  /** The UTF-8 bytes with A–Z lower-cased (UTF-8 continuation bytes are never ASCII); the same ref when unchanged. */
  static BytesRef asciiLower(BytesRef in) {
    int end = in.offset + in.length;
    for (int i = in.offset; i < end; i++) {
      byte b = in.bytes[i];
      if (b >= 'A' && b <= 'Z') {
        byte[] out = java.util.Arrays.copyOfRange(in.bytes, in.offset, end);
        for (int j = i - in.offset; j < out.length; j++) {
          if (out[j] >= 'A' && out[j] <= 'Z') {
            out[j] += 32;
          }
        }
        return new BytesRef(out);
      }
    }
    return in;
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
