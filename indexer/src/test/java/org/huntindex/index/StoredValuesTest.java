package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.huntindex.normalize.Event;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;
import org.huntindex.schema.SchemaAnalyzer;
import org.junit.jupiter.api.Test;

class StoredValuesTest {
  private static final String HUGE = "é".repeat(Field.MAX_TERM_BYTES / 2 + 1);

  /** An event with a value of every kind, several multi-valued fields and a keyword over the term limit. */
  private static Event event() {
    return new Event()
        .set(Field.TIMESTAMP, 17_145_576_000_000_000L)
        .set(Field.EVENT_CREATED, -1L)
        .set(Field.EVENT_CODE, 4624L)
        .add(Field.EVENT_CATEGORY, "process").add(Field.EVENT_CATEGORY, "network").add(Field.EVENT_CATEGORY, "iam")
        .set(Field.HOST_NAME, HUGE)
        .set(Field.USER_NAME, "jé ж \uD83D\uDE00 \uD83E\uDD80")
        .set(Field.PROCESS_COMMAND_LINE, "cmd.exe /c \"dir ж\"")
        .set(Field.MESSAGE, "An account was successfully logged on.")
        .set(Field.PROCESS_PID, Long.MIN_VALUE)
        .set(Field.PARENT_PID, Long.MAX_VALUE)
        .add(Field.COMMAND_LINE_IP, "10.0.0.1").add(Field.COMMAND_LINE_IP, "::1")
        .set(Field.SOURCE_IP, "192.168.1.7")
        .set(Field.DESTINATION_IP, "not-an-address")
        .set(Field.RECOVERED, true)
        .add(Field.EVENT_FLAGS, "late").add(Field.EVENT_FLAGS, "duplicate-name")
        .raw("TargetUserName", "admin");
  }

  /** Every stored value of {@link #event()}, as readers saw them when each value was its own stored field. */
  private static final List<Map.Entry<String, Object>> STORED = List.of(
      Map.entry("@timestamp", 17_145_576_000_000_000L),
      Map.entry("event.created", -1L),
      Map.entry("event.code", 4624L),
      Map.entry("event.category", "process"), Map.entry("event.category", "network"),
      Map.entry("event.category", "iam"),
      Map.entry("message", "An account was successfully logged on."),
      Map.entry("host.name", HUGE),
      Map.entry("event.flags", "truncated:host.name"),
      Map.entry("user.name", "jé ж \uD83D\uDE00 \uD83E\uDD80"),
      Map.entry("process.command_line", "cmd.exe /c \"dir ж\""),
      Map.entry("process.pid", Long.MIN_VALUE),
      Map.entry("process.parent.pid", Long.MAX_VALUE),
      Map.entry("process.command_line.ip", "10.0.0.1"), Map.entry("process.command_line.ip", "::1"),
      Map.entry("source.ip", "192.168.1.7"),
      Map.entry("recovered", "true"),
      Map.entry("event.flags", "late"), Map.entry("event.flags", "duplicate-name"));

  @Test
  void everyKindRoundTripsThroughTheIndexInSourceOrder() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SchemaAnalyzer()))) {
        w.addDocument(EventDocuments.of(event()));
        w.addDocument(EventDocuments.of(new Event().raw("Only", "raw")));
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        Document doc = StoredValues.document(r.storedFields(), 0);
        assertEquals(STORED, values(doc, Set.of(Field.RAW.fieldName())));
        assertEquals(List.of(Map.entry("TargetUserName", "admin"), Map.entry("destination.ip", "not-an-address")),
            RawFields.decode(doc.getBinaryValue(Field.RAW.fieldName())));
        for (IndexableField f : doc.getFields()) {
          assertEquals(kindOf(f) == FieldKind.LONG, f.numericValue() != null, f.name());
        }

        Document some = StoredValues.document(r.storedFields(), 0, Set.of("event.flags", "process.pid", "nope"));
        assertEquals(List.of(Map.entry("event.flags", "truncated:host.name"), Map.entry("process.pid", Long.MIN_VALUE),
            Map.entry("event.flags", "late"), Map.entry("event.flags", "duplicate-name")), values(some, Set.of()));

        Document onlyRaw = StoredValues.document(r.storedFields(), 1);
        assertEquals(List.of(Map.entry("Only", "raw")),
            RawFields.decode(onlyRaw.getBinaryValue(Field.RAW.fieldName())));
        assertEquals(1, onlyRaw.getFields().size());
        Document noRaw = StoredValues.document(r.storedFields(), 0, Set.of(Field.HOST_NAME.fieldName()));
        assertNull(noRaw.getBinaryValue(Field.RAW.fieldName()));
      }
    }
  }

  @Test
  void stringsOfEveryLengthAndAlphabetRoundTrip() {
    StoredValues v = new StoredValues();
    List<Map.Entry<String, Object>> expected = new ArrayList<>();
    String[] strings = {"", "a", "é", "ж", "\uD83D\uDE00", "ж".repeat(42), "ж".repeat(43),
        "\uD83D\uDE00".repeat(21), "\uD83D\uDE00".repeat(22), "x".repeat(127), "x".repeat(128), "ä".repeat(70_000),
        "mixed é ж \uD83E\uDD80 end"};
    for (String s : strings) {
      v.add(Field.USER_NAME, s);
      v.add(Field.HOST_NAME, new BytesRef(s));
      expected.add(Map.entry("user.name", s));
      expected.add(Map.entry("host.name", s));
    }
    v.add(Field.USER_NAME, "lone \uD800 surrogate");
    expected.add(Map.entry("user.name", "lone \uFFFD surrogate"));
    for (long l : new long[] {0, 1, -1, 63, -64, 64, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
        Long.MIN_VALUE, 17_145_576_000_000_000L, -17_145_576_000_000_000L}) {
      v.add(Field.EVENT_CODE, l);
      expected.add(Map.entry("event.code", l));
    }
    assertEquals(expected, values(StoredValues.decode(v.bytes()), Set.of()));
  }

  @Test
  void anEventWithoutStoredValuesHasNoBlob() {
    assertNull(new StoredValues().bytes());
    assertNull(EventDocuments.of(new Event().raw("a", "b")).getField(Field.STORED_VALUES));
  }

  @Test
  void aCutBlobYieldsTheValuesBeforeTheCut() {
    BytesRef blob = EventDocuments.of(event()).getBinaryValue(Field.STORED_VALUES);
    List<Map.Entry<String, Object>> all = values(StoredValues.decode(blob), Set.of());
    assertEquals(STORED, all);
    int previous = 0;
    for (int length = 0; length <= blob.length; length++) {
      List<Map.Entry<String, Object>> some = values(StoredValues.decode(new BytesRef(blob.bytes, blob.offset, length)),
          Set.of());
      assertEquals(all.subList(0, some.size()), some, "cut at " + length);
      assertTrue(some.size() >= previous);
      previous = some.size();
    }
    assertEquals(all.size(), previous);
  }

  @Test
  void aCorruptBlobStopsWithoutThrowing() {
    byte[] blob = BytesRef.deepCopyOf(EventDocuments.of(event()).getBinaryValue(Field.STORED_VALUES)).bytes;
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      byte[] bad = Arrays.copyOf(blob, random.nextInt(blob.length + 1));
      for (int flips = 1 + random.nextInt(3); flips > 0 && bad.length > 0; flips--) {
        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      }
      assertTrue(StoredValues.decode(new BytesRef(bad)).getFields().size() <= bad.length / 2);
    }
  }

  @Test
  void decodingStopsAtWhatCannotBeAValue() {
    StoredValues v = new StoredValues();
    v.add(Field.HOST_NAME, "ws1");
    BytesRef good = v.bytes();
    List<Map.Entry<String, Object>> one = List.of(Map.entry("host.name", "ws1"));
    byte[][] tails = {
        {(byte) Field.values().length, 1, 'x'}, // an ordinal past the schema
        {(byte) Field.RAW.ordinal(), 1, 'x'}, // raw pairs have a blob of their own
        {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}, // a varint of more than 64 bits
        {(byte) Field.HOST_NAME.ordinal(), (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'x'}, // 2 GiB
        {(byte) Field.HOST_NAME.ordinal(), (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 'x'}, // a negative length
        {(byte) Field.EVENT_CODE.ordinal(), (byte) 0x80}, // a number cut short
    };
    for (byte[] tail : tails) {
      byte[] bytes = Arrays.copyOf(good.bytes, good.length + tail.length);
      System.arraycopy(tail, 0, bytes, good.length, tail.length);
      assertEquals(one, values(StoredValues.decode(new BytesRef(bytes)), Set.of()), Arrays.toString(tail));
    }
  }

  private static FieldKind kindOf(IndexableField f) {
    FieldKind kind = Field.byName(f.name()).kind();
    return kind == FieldKind.TIME ? FieldKind.LONG : kind;
  }

  private static List<Map.Entry<String, Object>> values(Document doc, Set<String> except) {
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    for (IndexableField f : doc.getFields()) {
      if (!except.contains(f.name())) {
        Number n = f.numericValue();
        out.add(Map.entry(f.name(), n == null ? f.stringValue() : (Object) n.longValue()));
      }
    }
    return out;
  }
}
