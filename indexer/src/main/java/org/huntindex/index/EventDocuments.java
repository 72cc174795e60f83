package org.huntindex.index;

import java.nio.charset.StandardCharsets;
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
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;
import org.huntindex.schema.Hash64;

/**
 * Turns an {@link Event} into the Lucene document the schema describes.
 *
 * <p>No keyword term or doc value ever exceeds Lucene's term limit: longer values are cut at a character boundary,
 * stored whole, and flagged {@code truncated:<field>} in {@code event.flags}. A raw value over
 * {@link Field#RAW_TERM_BYTES} bytes is stored but not indexed. An IP field value that does not parse is not indexed
 * as an address; it is kept raw under the field's name.
 */
public final class EventDocuments {
  private EventDocuments() {}

  public static Document of(Event e) {
    Document doc = new Document();
    for (Field f : Field.values()) {
      if (f == Field.RAW || f == Field.EVENT_FLAGS) {
        continue;
      }
      for (Object v : e.all(f)) {
        add(doc, f, v, e);
      }
    }
    for (int i = 0; i < e.rawSize(); i++) {
      String pair = e.rawName(i) + "=" + e.rawValue(i);
      doc.add(new StoredField(Field.RAW.fieldName(), pair));
      if (!exceeds(pair, Field.RAW_TERM_BYTES)) {
        doc.add(new StringField(Field.RAW.fieldName(), pair, org.apache.lucene.document.Field.Store.NO));
      }
    }
    for (Object flag : e.all(Field.EVENT_FLAGS)) {
      doc.add(new StringField(Field.EVENT_FLAGS.fieldName(), flag.toString(), org.apache.lucene.document.Field.Store.YES));
    }
    return doc;
  }

  private static void add(Document doc, Field f, Object v, Event e) {
    String name = f.fieldName();
    switch (f.kind()) {
      case KEYWORD -> keyword(doc, f, v.toString(), e);
      case TEXT -> {
        String s = v.toString();
        doc.add(new TextField(name, s, f.stored() ? org.apache.lucene.document.Field.Store.YES
            : org.apache.lucene.document.Field.Store.NO));
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
          doc.add(new StoredField(Field.RAW.fieldName(), name + "=" + s));
          return;
        }
        doc.add(new BinaryPoint(name, address));
        if (f.has(Field.Flag.DOC_VALUES)) {
          doc.add(new SortedSetDocValuesField(name, new BytesRef(address)));
        }
        doc.add(new StoredField(name, s));
      }
      case BOOLEAN -> doc.add(new StringField(name, v.toString(), org.apache.lucene.document.Field.Store.YES));
    }
  }

  private static void keyword(Document doc, Field f, String value, Event e) {
    String name = f.fieldName();
    String indexed = value;
    if (exceeds(value, Field.MAX_TERM_BYTES)) {
      indexed = truncate(value, Field.MAX_TERM_BYTES);
      doc.add(new StringField(Field.EVENT_FLAGS.fieldName(), "truncated:" + name,
          org.apache.lucene.document.Field.Store.YES));
    }
    doc.add(new StringField(name, indexed, org.apache.lucene.document.Field.Store.NO));
    if (f.stored()) {
      doc.add(new StoredField(name, value));
    }
    if (f.has(Field.Flag.LOWER)) {
      doc.add(new StringField(f.lowerName(), Ascii.lower(indexed), org.apache.lucene.document.Field.Store.NO));
    }
    if (f.has(Field.Flag.DOC_VALUES)) {
      doc.add(new SortedSetDocValuesField(name, new BytesRef(indexed)));
    }
    if (f.has(Field.Flag.HASHED)) {
      doc.add(new NumericDocValuesField(f.hashName(), Hash64.of(value)));
    }
    if (f.has(Field.Flag.KUSTO_TERMS)) {
      doc.add(new TextField(f.termsName(), value, org.apache.lucene.document.Field.Store.NO));
    }
  }

  /** True when the string's UTF-8 form is longer than {@code limit} bytes. */
  static boolean exceeds(String s, int limit) {
    int n = s.length();
    if (n > limit) {
      return true;
    }
    return n * 3 > limit && s.getBytes(StandardCharsets.UTF_8).length > limit;
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
