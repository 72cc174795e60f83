package org.huntindex.source.evtx;

import static org.huntindex.source.evtx.EvtxFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.huntindex.source.RawRecord;
import org.huntindex.source.evtx.EvtxFixture.Chunk;
import org.huntindex.source.evtx.EvtxFixture.Value;
import org.junit.jupiter.api.Test;

/** A template compiled in one chunk is reused in later chunks only when it would compile to the same fields. */
class EvtxTemplateCacheTest {
  private static Consumer<Chunk> process(String computerElement) {
    return t -> t.fragment()
        .open("Event").closeStart()
        .open("System").closeStart()
        .open("EventID").closeStart().sub(0, U16).end()
        .open(computerElement).closeStart().sub(1, STRING).end()
        .end()
        .open("EventData").closeStart()
        .data("CommandLine", 2, STRING)
        .data("ParentProcessId", 3, U32)
        .end()
        .end().eof();
  }

  private static final Consumer<Chunk> OTHER = t -> t.fragment()
      .open("Event").closeStart()
      .open("System").closeStart()
      .open("Channel").closeStart().sub(0, STRING).end()
      .end()
      .end().eof();

  private static Chunk processRecord(Chunk c, long id, String computerElement) {
    return c.record(id, r -> r.fragment().template("process", process(computerElement),
        Value.u16(4688), Value.string("HOST"), Value.string("cmd " + id), Value.u32(4)));
  }

  private static Chunk otherRecord(Chunk c, long id) {
    return c.record(id, r -> r.fragment().template("other", OTHER, Value.string("Setup")));
  }

  private static List<String> fields(RawRecord r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(r.name(i) + "=" + r.value(i));
    }
    return out;
  }

  @Test
  void templateFromAnEarlierChunkDecodesTheSameAtAnotherOffsetWithNamesFromEarlierRecords() throws Exception {
    EvtxFixture file = new EvtxFixture();
    processRecord(file.chunk(), 1, "Computer");
    // second chunk: another template first, so the same definition sits elsewhere and takes Event/System from it
    Chunk second = file.chunk();
    otherRecord(second, 2);
    processRecord(second, 3, "Computer");
    EvtxFixture alone = new EvtxFixture();
    Chunk only = alone.chunk();
    otherRecord(only, 2);
    processRecord(only, 3, "Computer");

    CollectingSink both = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());
    CollectingSink fresh = CollectingSink.read(EvtxReader.singleThreaded(), alone.bytes());

    assertEquals(List.of(), both.errors);
    assertEquals(3, both.records.size());
    assertEquals(fields(fresh.records.get(1)), fields(both.records.get(2)));
    assertEquals(List.of("System.EventID=4688", "System.Computer=HOST", "EventData.CommandLine=cmd 3",
        "EventData.ParentProcessId=4"), fields(both.records.get(2)));
  }

  @Test
  void sameGuidAndSizeWithOtherNamesIsCompiledAgain() throws Exception {
    EvtxFixture file = new EvtxFixture();
    processRecord(file.chunk(), 1, "Computer");
    processRecord(file.chunk(), 2, "Computex");

    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), file.bytes());

    assertEquals(List.of(), sink.errors);
    assertEquals("HOST", sink.records.get(0).get("System.Computer"));
    assertEquals("HOST", sink.records.get(1).get("System.Computex"));
    assertNull(sink.records.get(1).get("System.Computer"));
  }

  @Test
  void sameBytesWithOtherTextAtAnEarlierNameIsCompiledAgain() throws Exception {
    EvtxFixture file = new EvtxFixture();
    Chunk first = file.chunk();
    otherRecord(first, 1);
    processRecord(first, 2, "Channel");
    // the same layout with a name of the same length: the process definition is byte for byte the same, but the name
    // its element points at, written by the record before, now reads differently
    Chunk second = file.chunk();
    second.record(3, r -> r.fragment().template("other", t -> t.fragment()
        .open("Event").closeStart()
        .open("System").closeStart()
        .open("Chanxel").closeStart().sub(0, STRING).end()
        .end()
        .end().eof(), Value.string("Setup")));
    processRecord(second, 4, "Chanxel");

    byte[] bytes = file.bytes();
    CollectingSink sink = CollectingSink.read(EvtxReader.singleThreaded(), bytes);

    assertEquals(List.of(), sink.errors);
    assertEquals("Setup", sink.records.get(0).get("System.Channel"));
    assertEquals("HOST", sink.records.get(1).get("System.Channel"));
    assertEquals("Setup", sink.records.get(2).get("System.Chanxel"));
    assertEquals("HOST", sink.records.get(3).get("System.Chanxel"));
    assertNull(sink.records.get(3).get("System.Channel"));
  }
}
