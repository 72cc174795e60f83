package org.huntindex.source.evtx;

import static org.huntindex.source.evtx.EvtxFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.huntindex.source.RawRecord;
import org.huntindex.source.evtx.EvtxFixture.Chunk;
import org.huntindex.source.evtx.EvtxFixture.Value;
import org.junit.jupiter.api.Test;

class EvtxReaderSyntheticTest {
  private static final Instant CREATED = Instant.parse("2020-01-02T03:04:05.1234567Z");
  private static final long CREATED_TICKS = (CREATED.getEpochSecond() + 11_644_473_600L) * 10_000_000L + 1_234_567;

  private static final Consumer<Chunk> SECURITY_TEMPLATE = t -> t.fragment()
      .open("Event").closeStart()
      .open("System").closeStart()
      .openWithAttributes("Provider").attribute("Name").sub(0, STRING).closeEmpty()
      .openWithAttributes("EventID").attribute("Qualifiers").optionalSub(1, U16).closeStart().sub(2, U16).end()
      .openWithAttributes("TimeCreated").attribute("SystemTime").sub(3, FILETIME).closeEmpty()
      .open("EventRecordID").closeStart().sub(4, U64).end()
      .openWithAttributes("Execution").attribute("ProcessID").sub(5, U32).closeEmpty()
      .open("Channel").closeStart().sub(6, STRING).end()
      .open("Computer").closeStart().sub(7, STRING).end()
      .openWithAttributes("Security").attribute("UserID").optionalSub(8, SID).closeEmpty()
      .end()
      .open("EventData").closeStart()
      .data("CommandLine", 9, STRING)
      .data("ProcessGuid", 10, GUID)
      .data("Flags", 11, HEX64)
      .data("Size", 12, SIZE_T)
      .data("Blob", 13, BINARY)
      .open("Data").closeStart().sub(14, STRING).end()
      .open("Data").closeStart().sub(15, STRING).end()
      .data("Names", 16, ARRAY | STRING)
      .data("Ports", 17, ARRAY | U16)
      .data("When", 18, SYSTEMTIME)
      .data("Ok", 19, BOOL)
      .end()
      .end().eof();

  private static Value[] securityValues(long id, boolean withOptionals) {
    return new Value[] {
      Value.string("Microsoft-Windows-Security-Auditing"),
      withOptionals ? Value.u16(16384) : Value.nul(),
      Value.u16(4688),
      Value.of64(FILETIME, CREATED_TICKS),
      Value.of64(U64, id),
      Value.u32(508),
      Value.string("Security"),
      Value.string("HOST-" + id),
      withOptionals ? new Value(SID, sid()) : Value.nul(),
      Value.string("cmd.exe /c whoami " + id),
      new Value(GUID, bytes(0x67, 0x45, 0x23, 0x01, 0xab, 0x89, 0xef, 0xcd, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd,
          0xef)),
      Value.of64(HEX64, 0x3e7),
      new Value(SIZE_T, bytes(0x10, 0x20, 0, 0)),
      new Value(BINARY, bytes(0xde, 0xad, 0x01)),
      Value.string("first"),
      Value.string("second"),
      new Value(ARRAY | STRING, utf16z("a", "bc")),
      new Value(ARRAY | U16, bytes(80, 0, 187, 1)),
      new Value(SYSTEMTIME, bytes(0xe5, 0x07, 3, 0, 4, 0, 4, 0, 5, 0, 6, 0, 7, 0, 89, 0)),
      new Value(BOOL, bytes(2, 0, 0, 0)),
    };
  }

  private static Chunk securityRecord(Chunk c, long id, boolean withOptionals) {
    return c.record(id, r -> r.fragment().template("security", SECURITY_TEMPLATE, securityValues(id, withOptionals)));
  }

  @Test
  void templateSubstitutionsDecodeToTypedNamespacedFields() throws Exception {
    EvtxFixture file = new EvtxFixture();
    securityRecord(file.chunk(), 7, true);
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    RawRecord r = sink.records.getFirst();
    assertEquals("evtx", r.format());
    assertEquals("mem.evtx", r.location());
    assertEquals(7, r.position());
    assertTrue(r.checksumOk());
    assertFalse(r.recovered());
    assertEquals("Microsoft-Windows-Security-Auditing", r.get("System.Provider.Name"));
    assertEquals(4688L, r.get("System.EventID"));
    assertEquals(16384L, r.get("System.EventID.Qualifiers"));
    assertEquals(CREATED, r.get("System.TimeCreated.SystemTime"));
    assertEquals(7L, r.get("System.EventRecordID"));
    assertEquals(508L, r.get("System.Execution.ProcessID"));
    assertEquals("Security", r.get("System.Channel"));
    assertEquals("HOST-7", r.get("System.Computer"));
    assertEquals("S-1-5-21-1-2-3-1000", r.get("System.Security.UserID"));
    assertEquals("cmd.exe /c whoami 7", r.get("EventData.CommandLine"));
    assertEquals("{01234567-89ab-cdef-0123-456789abcdef}", r.get("EventData.ProcessGuid"));
    assertEquals("0x3e7", r.get("EventData.Flags"));
    assertEquals("0x2010", r.get("EventData.Size"));
    assertEquals("DEAD01", r.get("EventData.Blob"));
    assertEquals(List.of("first", "second"), sink.all(r, "EventData.Data"));
    assertEquals(List.of("a", "bc"), r.get("EventData.Names"));
    assertEquals(List.of(80L, 443L), r.get("EventData.Ports"));
    assertEquals(Instant.parse("2021-03-04T05:06:07.089Z"), r.get("EventData.When"));
    assertEquals(true, r.get("EventData.Ok"));
  }

  @Test
  void referencedTemplateIsReusedAndOptionalNullSubstitutionsDropTheirAttribute() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    securityRecord(c, 1, true);
    securityRecord(c, 2, false);
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    RawRecord second = sink.records.get(1);
    assertEquals("HOST-2", second.get("System.Computer"));
    assertNull(second.get("System.EventID.Qualifiers"));
    assertNull(second.get("System.Security.UserID"));
    assertEquals(4688L, second.get("System.EventID"));
  }

  @Test
  void userDataInEmbeddedBinXmlCannotShadowTheSystemEventId() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Consumer<Chunk> outer = t -> t.fragment().open("Event").closeStart()
        .open("System").closeStart().open("EventID").closeStart().sub(0, U16).end().end()
        .sub(1, BINXML).end().eof();
    Consumer<Chunk> inner = t -> t.fragment().open("UserData").closeStart().open("LogFileCleared").closeStart()
        .open("EventID").closeStart().sub(0, U32).end().open("SubjectUserName").closeStart().sub(1, STRING).end()
        .end().end().eof();
    file.chunk().record(1, r -> r.fragment().template("outer", outer, Value.u16(1102), Value.embedded(
        e -> e.fragment().template("inner", inner, Value.u32(99), Value.string("alice")))));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    RawRecord r = sink.records.getFirst();
    assertEquals(1102L, r.get("System.EventID"));
    assertEquals(99L, r.get("UserData.LogFileCleared.EventID"));
    assertEquals("alice", r.get("UserData.LogFileCleared.SubjectUserName"));
  }

  @Test
  void embeddedElementsWithoutDependencyIdsAreRead() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Consumer<Chunk> outer = t -> t.fragment().open("Event").closeStart().sub(0, BINXML).end().eof();
    file.chunk().record(1, r -> r.fragment().template("outer", outer, Value.embedded(
        e -> e.fragment().open("EventData", false, false).closeStart().open("Data", true, false).attribute("Name")
            .text("Detail").closeStart().text("x &").end().end().eof())));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    assertEquals("x &", sink.records.getFirst().get("EventData.Detail"));
  }

  @Test
  void badCrcIsReportedAndRecordsAreStillDecoded() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    securityRecord(c, 1, true);
    int hostOffset = indexOf(c.b, utf16z("HOST-1"));
    c.damage(b -> b[hostOffset] = 'X');
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(1, sink.errors.size(), sink.errorText());
    assertEquals("chunk 0 offset 0x34", sink.errors.getFirst().position());
    assertTrue(sink.errors.getFirst().reason().contains("CRC"));
    RawRecord r = sink.records.getFirst();
    assertFalse(r.checksumOk());
    assertEquals("XOST-1", r.get("System.Computer"));
  }

  @Test
  void noCrcFlagSkipsChecksums() throws Exception {
    EvtxFixture file = new EvtxFixture().fileFlags(4);
    Chunk c = file.chunk();
    securityRecord(c, 1, true);
    c.damage(b -> b[52] ^= 1);
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());
    assertEquals(List.of(), sink.errors);
    assertTrue(sink.records.getFirst().checksumOk());
  }

  @Test
  void slackSpaceRecordsAreRecoveredOnceAndLiveOnesNotDuplicated() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    securityRecord(c, 1, true);
    int second = c.pos;
    securityRecord(c, 2, true);
    byte[] liveCopy = c.recordAt(second);
    c.endLive();
    securityRecord(c, 3, true);
    c.slack(liveCopy);
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    assertEquals(List.of(1L, 2L), sink.live().stream().map(RawRecord::position).toList());
    List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
    assertEquals(1, recovered.size());
    assertEquals(3L, recovered.getFirst().position());
    assertEquals("HOST-3", recovered.getFirst().get("System.Computer"));
  }

  @Test
  void slackCopiesOfRecordsLiveInAnotherChunkAreNotRecovered() throws Exception {
    // A chunk started from the bytes of the one before keeps its records, at the same offsets, in slack; so may the
    // first chunk after a wrap, whose live copies come later in the file.
    EvtxFixture file = new EvtxFixture();
    Chunk first = file.chunk();
    Chunk second = file.chunk();
    Chunk third = file.chunk();
    Chunk fourth = file.chunk();
    Chunk last = file.chunk();
    securityRecord(first, 1, true);
    int end1 = first.pos;
    securityRecord(first, 5, true);
    int end2 = first.endLive().pos;
    securityRecord(first, 4, true); // deleted: in slack only
    securityRecord(last, 7, true);
    securityRecord(last, 6, true);
    byte[] five = first.recordAt(end1);
    byte[] four = first.recordAt(end2);
    byte[] six = last.endLive().recordAt(end1);
    byte[] fiveRewritten = five.clone();
    fiveRewritten[16] ^= 1; // the same id, written at another time: the log was cleared since, so another record
    securityRecord(second, 2, true).endLive().slack(six).slack(four);
    securityRecord(third, 3, true).endLive().slack(five);
    securityRecord(fourth, 8, true).endLive().slack(fiveRewritten);
    assertEquals(end1 + five.length, third.pos, "copies sit where their templates and names are");

    for (EvtxReader reader : List.of(EvtxReader.singleThreaded(), new EvtxReader())) {
      CollectingSink sink = CollectingSink.read(reader, file.bytes());

      assertEquals(List.of(), sink.errors);
      assertEquals(List.of(1L, 5L, 2L, 3L, 8L, 7L, 6L), sink.live().stream().map(RawRecord::position).toList());
      List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
      assertEquals(List.of(4L, 5L), recovered.stream().map(RawRecord::position).toList(),
          "record 4 recovered once from two chunks' slack, and the other record 5");
      assertEquals("HOST-4", recovered.get(0).get("System.Computer"));
      assertEquals("HOST-5", recovered.get(1).get("System.Computer"));
    }
  }

  /** A chunk whose live records define the templates "other" and "security"; what is written next is slack. */
  private static Chunk liveOtherAndSecurity(EvtxFixture file) {
    Chunk c = file.chunk();
    c.record(1, r -> r.fragment().template("other", t -> t.fragment().open("Event").closeStart().open("Other")
        .closeStart().sub(0, STRING).end().end().eof(), Value.string("x")));
    securityRecord(c, 2, true);
    return c.endLive();
  }

  @Test
  void slackRecordsWhoseDefinitionWasOverwrittenBorrowTheChunksTemplateOfTheirId() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = liveOtherAndSecurity(file);
    int other = c.definitionOf("other");
    int security = c.definitionOf("security");
    int zeros = 0xff00;
    // older records whose definitions the live ones overwrote: one where "other" now is, one where nothing is left
    c.record(3, r -> r.fragment().templateAt("security", other, securityValues(3, true)));
    c.record(4, r -> r.fragment().templateAt("security", zeros, securityValues(4, false)));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
    assertEquals(List.of(3L, 4L), recovered.stream().map(RawRecord::position).toList());
    RawRecord third = recovered.get(0);
    assertEquals("HOST-3", third.get("System.Computer"));
    assertEquals(4688L, third.get("System.EventID"));
    assertEquals("cmd.exe /c whoami 3", third.get("EventData.CommandLine"));
    assertEquals(List.of(80L, 443L), third.get("EventData.Ports"));
    assertNull(third.get("Event.Other"));
    assertEquals("definition at 0x" + Integer.toHexString(other) + " overwritten; used the chunk's template 0x"
        + Integer.toHexString("security".hashCode()) + " at 0x" + Integer.toHexString(security),
        third.get(FieldKeys.RECOVERY_TEMPLATE));
    RawRecord fourth = recovered.get(1);
    assertEquals("HOST-4", fourth.get("System.Computer"));
    assertNull(fourth.get("System.Security.UserID"));
    assertTrue(((String) fourth.get(FieldKeys.RECOVERY_TEMPLATE)).startsWith("definition at 0xff00 overwritten"));
    assertNull(sink.live().get(1).get(FieldKeys.RECOVERY_TEMPLATE));
    assertNull(third.get(FieldKeys.RECOVERY_WRITTEN), "it has its TimeCreated");
  }

  @Test
  void slackRecordsWhoseOwnDefinitionHoldsANameNoXmlNameBorrowOrKeepTheirValuesWithoutNames() throws Exception {
    Consumer<Chunk> good = t -> t.fragment().open("Event").closeStart().open("EventData").closeStart()
        .data("Target", 0, STRING).end().end().eof();
    Consumer<Chunk> damaged = t -> t.fragment().open("Event").closeStart().open("Event\u0001Data").closeStart()
        .data("Target", 0, STRING).end().end().eof();
    assertEquals("Aa".hashCode(), "BB".hashCode(), "two keys, one template id");
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    c.record(1, r -> r.fragment().template("Aa", good, Value.string("live")));
    c.endLive();
    c.record(2, r -> r.fragment().template("BB", damaged, Value.string("borrowed")));
    c.record(3, r -> r.fragment().template("lone", damaged, Value.string("unnamed")));
    c.record(4, r -> r.fragment().template("Aa", good, Value.string("fine")));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors, sink.errorText());
    assertEquals("live", sink.live().getFirst().get("EventData.Target"));
    List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
    assertEquals(List.of(2L, 3L, 4L), recovered.stream().map(RawRecord::position).toList());
    assertEquals("borrowed", recovered.get(0).get("EventData.Target"));
    assertEquals("definition at 0x" + Integer.toHexString(c.definitionOf("BB")) + " damaged; used the chunk's template 0x"
        + Integer.toHexString("Aa".hashCode()) + " at 0x" + Integer.toHexString(c.definitionOf("Aa")),
        recovered.get(0).get(FieldKeys.RECOVERY_TEMPLATE));
    assertEquals(List.of("unnamed"), sink.all(recovered.get(1), FieldKeys.RECOVERY_VALUE));
    assertEquals("definition at 0x" + Integer.toHexString(c.definitionOf("lone")) + " damaged and no template of the "
        + "chunk has id 0x" + Integer.toHexString("lone".hashCode()) + ": values kept in Recovery.Value, without names",
        recovered.get(1).get(FieldKeys.RECOVERY_TEMPLATE));
    assertTrue(recovered.get(1).size() > 0 && java.util.stream.IntStream.range(0, recovered.get(1).size())
        .noneMatch(i -> recovered.get(1).name(i).contains("\u0001")), "no name of the damaged definition is kept");
    assertEquals("fine", recovered.get(2).get("EventData.Target"));
    assertNull(recovered.get(2).get(FieldKeys.RECOVERY_TEMPLATE));
  }

  @Test
  void slackRecordsWhoseEventDataAndDataNamesWereZeroedKeepTheirDataNames() throws Exception {
    Consumer<Chunk> other = t -> t.fragment().open("Event").closeStart().openWithAttributes("Other").attribute("Name")
        .sub(0, STRING).closeEmpty().end().eof();
    Consumer<Chunk> data = t -> t.fragment().open("Event").closeStart().open("EventData").closeStart()
        .data("Target", 0, STRING).end().end().eof();
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    c.record(1, r -> r.fragment().template("other", other, Value.string("x")));
    int overwritten = c.endLive().pos;
    // record 2 writes the names EventData and Data; record 3's own definition points at them; then zeros cover record 2
    c.record(2, r -> r.fragment().template("first", data, Value.string("lost")));
    int end = c.pos;
    c.record(3, r -> r.fragment().template("second", data, Value.string("kept")));
    c.damage(b -> Arrays.fill(b, overwritten, end, (byte) 0));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors, sink.errorText());
    List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
    assertEquals(List.of(3L), recovered.stream().map(RawRecord::position).toList());
    assertEquals("kept", recovered.getFirst().get("EventData.Target"));
    assertEquals(List.of("EventData.Target"), java.util.stream.IntStream.range(0, recovered.getFirst().size())
        .mapToObj(recovered.getFirst()::name).filter(n -> !n.startsWith("Recovery.")).toList());
  }

  @Test
  void slackRecordsWhoseChunkLacksTheirTemplateTakeAnotherChunksThatFitsTheirValues() throws Exception {
    Consumer<Chunk> outer = t -> t.fragment().open("Event").closeStart()
        .open("System").closeStart().open("Computer").closeStart().sub(0, STRING).end().end()
        .open("UserData").closeStart().sub(1, BINXML).end()
        .end().eof();
    Consumer<Chunk> inner = t -> t.fragment().open("Payload").closeStart()
        .open("Script").closeStart().sub(0, STRING).end().open("Pid").closeStart().sub(1, U32).end()
        .end().eof();
    EvtxFixture file = new EvtxFixture();
    Chunk first = file.chunk();
    first.record(1, r -> r.fragment().template("outer", outer, Value.string("HOST-1"),
        Value.embedded(e -> e.fragment().template("inner", inner, Value.string("live script"), Value.u32(1)))));
    securityRecord(first, 2, true);
    Chunk second = file.chunk();
    second.record(3, r -> r.fragment().template("other", t -> t.fragment().open("Event").closeStart().open("Other")
        .closeStart().sub(0, STRING).end().end().eof(), Value.string("x")));
    second.endLive();
    int zeros = 0xff00;
    // slack records whose definitions are gone, in a chunk that has no template of their ids; the first chunk has
    second.record(4, r -> r.fragment().templateAt("security", zeros, securityValues(4, true)));
    second.record(5, r -> r.fragment().template("outer", outer, Value.string("HOST-5"),
        Value.embedded(e -> e.fragment().templateAt("inner", zeros, Value.string("deleted script"), Value.u32(5)))));
    second.record(6, r -> r.fragment().templateAt("security", zeros, Value.string("does not fit")));
    second.record(7, r -> r.fragment().templateAt("outer", zeros, Value.string("HOST-7"),
        Value.embedded(e -> e.fragment().templateAt("inner", zeros, Value.string("inner lost"), Value.u32(7)))));
    for (EvtxReader reader : List.of(EvtxReader.singleThreaded(), new EvtxReader())) {
      CollectingSink sink = CollectingSink.read(reader, file.bytes());

      assertEquals(List.of(), sink.errors, sink.errorText());
      List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
      assertEquals(List.of(4L, 5L, 6L, 7L), recovered.stream().map(RawRecord::position).toList());
      RawRecord security = recovered.get(0);
      assertEquals("HOST-4", security.get("System.Computer"));
      assertEquals("cmd.exe /c whoami 4", security.get("EventData.CommandLine"));
      assertEquals(CREATED, security.get(FieldKeys.TIME_CREATED));
      assertNull(security.get(FieldKeys.RECOVERY_VALUE));
      assertNull(security.get(FieldKeys.RECOVERY_WRITTEN), "it has its TimeCreated");
      assertEquals("definition at 0xff00 overwritten; used the template 0x" + Integer.toHexString("security".hashCode())
          + " of chunk 0", security.get(FieldKeys.RECOVERY_TEMPLATE));
      RawRecord nested = recovered.get(1);
      List<String> names = java.util.stream.IntStream.range(0, nested.size()).mapToObj(nested::name).toList();
      assertEquals(List.of("System.Computer", "UserData.Payload.Script", "UserData.Payload.Pid",
          FieldKeys.RECOVERY_WRITTEN, FieldKeys.RECOVERY_TEMPLATE), names, "named where the values stood");
      assertEquals("deleted script", nested.get("UserData.Payload.Script"));
      assertEquals(5L, nested.get("UserData.Payload.Pid"));
      assertEquals("definition at 0xff00 overwritten; used the template 0x" + Integer.toHexString("inner".hashCode())
          + " of chunk 0", nested.get(FieldKeys.RECOVERY_TEMPLATE));
      assertEquals(List.of("does not fit"), sink.all(recovered.get(2), FieldKeys.RECOVERY_VALUE), "no template fits");
      // its root borrows the chunk's "outer" (record 5 wrote one); a record with two stories is not named again
      assertEquals("HOST-7", recovered.get(3).get("System.Computer"));
      assertEquals(List.of("inner lost", 7L), sink.all(recovered.get(3), FieldKeys.RECOVERY_VALUE));
      assertEquals(2, sink.all(recovered.get(3), FieldKeys.RECOVERY_TEMPLATE).size());
    }
  }

  @Test
  void slackRecordsThatFitNoTemplateOfTheirIdKeepTheirValuesWithoutNames() throws Exception {
    Consumer<Chunk> inner = t -> t.fragment().open("EventData").closeStart().data("Script", 0, STRING).end().eof();
    EvtxFixture file = new EvtxFixture();
    Chunk c = liveOtherAndSecurity(file);
    int other = c.definitionOf("other");
    int security = c.definitionOf("security");
    // values that do not fit the template of their id; an id the chunk has no template for, whose definition offset
    // now holds another template (this used to be decoded with it); an embedded payload whose own template is known
    c.record(3, r -> r.fragment().templateAt("security", security, Value.string("a"), Value.nul(), Value.u32(7)));
    c.record(4, r -> r.fragment().templateAt("gone", other, Value.string("y")));
    c.record(5, r -> r.fragment().templateAt("gone", other, Value.u16(4104),
        Value.embedded(e -> e.fragment().template("inner", inner, Value.string("iex (New-Object Net.WebClient)")))));
    c.record(6, r -> r.fragment().templateAt("gone", 0xff00,
        Value.embedded(e -> e.fragment().templateAt("alsogone", other, Value.string("p")))));
    int garbage = c.pos;
    c.record(7, r -> r.fragment().templateAt("gone", other, Value.string("z"), new Value(0x42, new byte[] {1, 2})));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    List<RawRecord> recovered = sink.records.stream().filter(RawRecord::recovered).toList();
    assertEquals(List.of(3L, 4L, 5L, 6L), recovered.stream().map(RawRecord::position).toList(), sink.errorText());
    assertEquals(List.of("a", 7L), sink.all(recovered.get(0), FieldKeys.RECOVERY_VALUE));
    assertNull(recovered.get(0).get("System.Computer"));
    assertEquals(List.of("y"), sink.all(recovered.get(1), FieldKeys.RECOVERY_VALUE));
    assertNull(recovered.get(1).get("Event.Other"));
    assertEquals("definition at 0x" + Integer.toHexString(other) + " overwritten and no template of the chunk has id 0x"
        + Integer.toHexString("gone".hashCode()) + ": values kept in Recovery.Value, without names",
        recovered.get(1).get(FieldKeys.RECOVERY_TEMPLATE));
    assertEquals(List.of(4104L), sink.all(recovered.get(2), FieldKeys.RECOVERY_VALUE));
    assertEquals("iex (New-Object Net.WebClient)", recovered.get(2).get("EventData.Script"));
    RawRecord nested = recovered.get(3);
    assertEquals(List.of("p"), sink.all(nested, FieldKeys.RECOVERY_VALUE));
    assertEquals(List.of("definition at 0xff00 overwritten and no template of the chunk has id 0x"
        + Integer.toHexString("gone".hashCode()) + ": values kept in Recovery.Value, without names",
        "definition at 0x" + Integer.toHexString(other) + " overwritten and no template of the chunk has id 0x"
        + Integer.toHexString("alsogone".hashCode()) + ": values kept in Recovery.Value, without names"),
        sink.all(nested, FieldKeys.RECOVERY_TEMPLATE));
    // without a TimeCreated they are timed by the record header's write time, which the fixture sets for every record
    Instant written = ValueReader.fileTime(131_000_000_000_000_000L);
    assertTrue(recovered.stream().allMatch(r -> written.equals(r.get(FieldKeys.RECOVERY_WRITTEN))));

    // a type EVTX does not define: not a value table, nothing guessed
    assertEquals(1, sink.errors.size(), sink.errorText());
    assertEquals("chunk 0 offset 0x" + Integer.toHexString(garbage), sink.errors.getFirst().position());
    assertEquals("1 record(s) in slack space could not be decoded; first: template at 0x" + Integer.toHexString(other)
        + " is another one (its GUID does not start with the instance's id); no template of the chunk with id 0x"
        + Integer.toHexString("gone".hashCode()) + " fits the values, and value 1 has no EVTX type",
        sink.errors.getFirst().reason());
  }

  @Test
  void truncatedFileKeepsTheWholeRecordsAndReportsTheCut() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    securityRecord(c, 1, true);
    int cut = c.pos;
    securityRecord(c, 2, true);
    byte[] bytes = Arrays.copyOf(file.bytes(), 4096 + cut + 40);
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), bytes);

    assertEquals(List.of(1L), sink.records.stream().map(RawRecord::position).toList());
    assertTrue(sink.errorText().contains("chunk 0 offset 0x" + Integer.toHexString(cut + 40)
        + ": chunk truncated"), sink.errorText());
  }

  @Test
  void fileShorterThanHeaderOrWithoutSignatureIsOneError() throws Exception {
    CollectingSink shortFile = CollectingSink.read(EvtxReader.singleThreaded(), new byte[100]);
    assertEquals(1, shortFile.errors.size());
    assertEquals(0, shortFile.records.size());
    CollectingSink notEvtx = CollectingSink.read(EvtxReader.singleThreaded(), new byte[5000]);
    assertTrue(notEvtx.errorText().contains("not an EVTX file"), notEvtx.errorText());
  }

  @Test
  void absurdSizesAndOffsetsAreReportedAndTheNextRecordStillDecodes() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    int bad1 = c.pos;
    c.record(1, r -> r.fragment().u8(0x0c).u8(1).u32(0).u32(0x7fffffff).u32(0));
    c.record(2, r -> r.fragment().template("t", t -> t.fragment().open("Event").closeStart().sub(0, STRING).end().eof(),
        Value.string("ok")));
    int bad3 = c.pos;
    c.record(3, r -> r.fragment().u8(0x41).u16(0xffff).u32(0).u32(0xfffffff0).u32(0));
    c.record(4, r -> r.fragment().template("t", null, Value.string("fine")));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(2L, 4L), sink.records.stream().map(RawRecord::position).toList(), sink.errorText());
    assertEquals("fine", sink.records.get(1).get("Event"));
    assertEquals(List.of("chunk 0 offset 0x" + Integer.toHexString(bad1),
        "chunk 0 offset 0x" + Integer.toHexString(bad3)),
        sink.errors.stream().map(e -> e.position()).toList(), sink.errorText());
  }

  @Test
  void deeplyNestedEmbeddedBinXmlIsCappedNotAStackOverflow() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Consumer<Chunk> nest = t -> t.fragment().open("N").closeStart().sub(0, BINXML).end().eof();
    Chunk c = file.chunk();
    c.record(1, r -> r.fragment().u8(0));
    c.record(2, r -> nested(r, nest, 200));
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(1L), sink.records.stream().map(RawRecord::position).toList());
    assertTrue(sink.errorText().contains("nested deeper than"), sink.errorText());
  }

  private static void nested(Chunk c, Consumer<Chunk> nest, int levels) {
    c.fragment();
    if (levels == 0) {
      c.open("Leaf", false, false).closeEmpty().eof();
      return;
    }
    c.template("nest", nest, Value.embedded(e -> nested(e, nest, levels - 1)));
  }

  @Test
  void randomDamageNeverThrowsOrHangs() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk c = file.chunk();
    for (int id = 1; id <= 20; id++) {
      securityRecord(c, id, id % 2 == 0);
    }
    byte[] clean = file.bytes();
    Random random = new Random(42);
    EvtxReader reader = EvtxReader.singleThreaded();
    for (int round = 0; round < 300; round++) {
      byte[] damaged = clean.clone();
      for (int flips = 1 + random.nextInt(20); flips > 0; flips--) {
        damaged[4096 + random.nextInt(c.pos)] = (byte) random.nextInt(256);
      }
      CollectingSink sink = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
          () -> CollectingSink.read(reader, damaged));
      assertTrue(sink.records.size() <= 40);
    }
  }

  @Test
  void consecutiveForeignChunksAreOneErrorAndTheChunksAroundThemStillDecode() throws Exception {
    EvtxFixture file = new EvtxFixture();
    securityRecord(file.chunk(), 1, true);
    for (int i = 0; i < 3; i++) {
      file.chunk().damage(b -> Arrays.fill(b, (byte) 'A'));
    }
    securityRecord(file.chunk(), 2, true);
    file.chunk().damage(b -> Arrays.fill(b, (byte) 'B'));
    file.chunk().damage(b -> Arrays.fill(b, (byte) 0));
    file.chunk().damage(b -> Arrays.fill(b, (byte) 'C'));
    byte[] bytes = file.bytes();
    for (EvtxReader reader : List.of(EvtxReader.singleThreaded(), new EvtxReader())) {
      CollectingSink sink = CollectingSink.read(reader, bytes);
      assertEquals(List.of(1L, 2L), sink.records.stream().map(r -> r.get("System.EventRecordID")).toList());
      assertEquals(List.of(
          "chunks 1-3: no chunk signature, and no record in any of these 3 chunks",
          "chunk 5 offset 0x0: no chunk signature, and no record in it",
          "chunk 7 offset 0x0: no chunk signature, and no record in it"),
          sink.errors.stream().map(e -> e.position() + ": " + e.reason()).toList());
    }
  }

  @Test
  void parallelDecodeDeliversChunksInFileOrder() throws Exception {
    EvtxFixture file = new EvtxFixture();
    long id = 1;
    for (int chunk = 0; chunk < 12; chunk++) {
      Chunk c = file.chunk();
      for (int i = 0; i < 30; i++) {
        securityRecord(c, id++, true);
      }
    }
    CollectingSink sink = CollectingSink.read(new EvtxReader(), file.bytes());
    assertEquals(List.of(), sink.errors);
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 360).boxed().toList(),
        sink.records.stream().map(RawRecord::position).toList());
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] sid() {
    byte[] out = new byte[8 + 4 * 5];
    out[0] = 1;
    out[1] = 5;
    out[7] = 5;
    int[] subs = {21, 1, 2, 3, 1000};
    for (int i = 0; i < subs.length; i++) {
      put32(out, 8 + 4 * i, subs[i]);
    }
    return out;
  }

  private static byte[] utf16z(String... strings) {
    String joined = String.join("\0", strings) + "\0";
    byte[] out = new byte[2 * joined.length()];
    for (int i = 0; i < joined.length(); i++) {
      put16(out, 2 * i, joined.charAt(i));
    }
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
