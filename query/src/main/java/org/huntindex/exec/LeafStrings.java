package org.huntindex.exec;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.huntindex.schema.Field;
import org.huntindex.schema.Utf8;

/**
 * One segment's values of a keyword field with doc values, each distinct value decoded once. Values are decoded a run
 * of {@link #RUN} ordinals at a time, in order: the terms dictionary is compressed in blocks of that many, so a run
 * costs one block decompression where looking its values up one by one in random order would cost one each.
 */
final class LeafStrings {
  private static final int RUN = 64;

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
    if (decoded[i] == null) {
      int from = i & -RUN;
      int to = Math.min(from + RUN, decoded.length);
      for (int o = from; o < to; o++) {
        decoded[o] = Utf8.string(values.lookupOrd(o));
      }
    }
    return decoded[i];
  }

  int valueCount() {
    return decoded.length;
  }
}
