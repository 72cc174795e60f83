package org.huntindex.exec;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.huntindex.schema.Field;

/**
 * Where an event came from, as analysts cite it: {@code path:line} for text exports, {@code path#record} for EVTX, and
 * {@code (recovered)} after either for an event recovered from slack space. Read from doc values and postings, so a
 * row's evidence costs no stored-document decompression.
 */
public final class EvidenceLocation {
  private EvidenceLocation() {}

  /** The location of an event with these values of its path, line and record fields, any of them null. */
  public static String of(Object path, Object line, Object record, boolean recovered) {
    String where = String.valueOf(path) + (line != null ? ":" + line : record != null ? "#" + record : "");
    return recovered ? where + " (recovered)" : where;
  }

  static String location(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    LeafReader r = leaf.reader();
    int d = doc - leaf.docBase;
    SortedDocValues paths = DocValues.getSorted(r, Field.LOG_FILE_PATH.fieldName());
    String path = paths.advanceExact(d) ? paths.lookupOrd(paths.ordValue()).utf8ToString() : "?";
    NumericDocValues lines = DocValues.getNumeric(r, Field.LOG_FILE_LINE.fieldName());
    NumericDocValues records = DocValues.getNumeric(r, Field.WINLOG_RECORD_ID.fieldName());
    Long line = lines.advanceExact(d) ? lines.longValue() : null;
    Long record = records.advanceExact(d) ? records.longValue() : null;
    return of(path, line, record, recovered(r, d));
  }

  private static boolean recovered(LeafReader r, int doc) throws IOException {
    PostingsEnum docs = r.postings(new Term(Field.RECOVERED.fieldName(), "true"));
    return docs != null && docs.advance(doc) == doc;
  }
}
