package org.huntindex.exec;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.huntindex.schema.Field;

/** One segment's values of a keyword field with doc values, each distinct value decoded once. */
final class LeafStrings {
  private final SortedSetDocValues values;
  private final String[] decoded;

  LeafStrings(LeafReader reader, Field field) throws IOException {
    this.values = DocValues.getSortedSet(reader, field.fieldName());
    this.decoded = new String[(int) Math.min(values.getValueCount(), Integer.MAX_VALUE)];
  }

  /** The document's first value's ordinal, or -1 when it has none. */
  long ord(int doc) throws IOException {
    return values.advanceExact(doc) ? values.nextOrd() : -1;
  }

  /** The document's first value, or {@code missing}. */
  String first(int doc, String missing) throws IOException {
    long ord = ord(doc);
    return ord < 0 ? missing : string(ord);
  }

  String string(long ord) throws IOException {
    int i = (int) ord;
    String s = decoded[i];
    if (s == null) {
      s = Utf8.string(values.lookupOrd(ord));
      decoded[i] = s;
    }
    return s;
  }

  int valueCount() {
    return decoded.length;
  }
}
