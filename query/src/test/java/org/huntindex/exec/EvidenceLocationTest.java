package org.huntindex.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.huntindex.index.EventDocuments;
import org.huntindex.normalize.Event;
import org.huntindex.schema.Field;
import org.huntindex.schema.SchemaAnalyzer;
import org.junit.jupiter.api.Test;

class EvidenceLocationTest {
  @Test
  void aLineForTextExportsARecordForEventLogsThePathAloneOtherwiseAndRecoveredOnesMarked() throws IOException {
    List<Event> events = List.of(
        new Event().set(Field.LOG_FILE_PATH, "/case/a.json").set(Field.LOG_FILE_LINE, 7L),
        new Event().set(Field.LOG_FILE_PATH, "/case/Security.evtx").set(Field.WINLOG_RECORD_ID, 4242L),
        new Event().set(Field.LOG_FILE_PATH, "/case/b.json").set(Field.LOG_FILE_LINE, 3L)
            .set(Field.WINLOG_RECORD_ID, 9L),
        new Event().set(Field.LOG_FILE_PATH, "/case/odd"),
        new Event().set(Field.WINLOG_RECORD_ID, 1L),
        new Event().set(Field.LOG_FILE_PATH, "/case/Security.evtx").set(Field.WINLOG_RECORD_ID, 4100L)
            .set(Field.RECOVERED, Boolean.TRUE));
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SchemaAnalyzer()))) {
        for (Event e : events) {
          w.addDocument(EventDocuments.of(e));
          w.flush();
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(events.size(), r.leaves().size(), "one segment per event");
        List<String> where = new java.util.ArrayList<>();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          where.add(EvidenceLocation.location(r, doc));
        }
        assertEquals(List.of("/case/a.json:7", "/case/Security.evtx#4242", "/case/b.json:3", "/case/odd", "?#1",
            "/case/Security.evtx#4100 (recovered)"), where);
      }
    }
  }
}
