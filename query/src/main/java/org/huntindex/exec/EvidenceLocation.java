package org.huntindex.exec;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.huntindex.schema.Field;

/**
 * Where an event came from, as analysts cite it: {@code path:line} for text exports, {@code path#record} for EVTX.
 * Read from doc values, so a row's evidence costs no stored-document decompression.
 */
final class EvidenceLocation {
  private EvidenceLocation() {}

  static String location(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    LeafReader r = leaf.reader();
    int d = doc - leaf.docBase;
    SortedDocValues paths = DocValues.getSorted(r, Field.LOG_FILE_PATH.fieldName());
    String path = paths.advanceExact(d) ? paths.lookupOrd(paths.ordValue()).utf8ToString() : "?";
    NumericDocValues lines = DocValues.getNumeric(r, Field.LOG_FILE_LINE.fieldName());
    if (lines.advanceExact(d)) {
      return path + ":" + lines.longValue();
    }
    NumericDocValues records = DocValues.getNumeric(r, Field.WINLOG_RECORD_ID.fieldName());
    return records.advanceExact(d) ? path + "#" + records.longValue() : path;
  }
}
