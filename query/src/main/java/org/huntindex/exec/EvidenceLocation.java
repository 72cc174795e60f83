package org.huntindex.exec;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.huntindex.schema.Field;

/** Where an event came from, as analysts cite it: {@code path:line} for text exports, {@code path#record} for EVTX. */
final class EvidenceLocation {
  static final Set<String> FIELDS = Set.of(Field.LOG_FILE_PATH.fieldName(), Field.LOG_FILE_LINE.fieldName(),
      Field.WINLOG_RECORD_ID.fieldName());

  private EvidenceLocation() {}

  static String location(StoredFields stored, int doc) throws IOException {
    return location(stored.document(doc, FIELDS));
  }

  static String location(Document d) {
    String path = d.get(Field.LOG_FILE_PATH.fieldName());
    var line = d.getField(Field.LOG_FILE_LINE.fieldName());
    var record = d.getField(Field.WINLOG_RECORD_ID.fieldName());
    String where = path == null ? "?" : path;
    if (line != null) {
      return where + ":" + line.numericValue();
    }
    return record != null ? where + "#" + record.numericValue() : where;
  }
}
