package org.huntindex.normalize;

import java.util.List;
import java.util.Map;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;

/**
 * Turns a raw record from any reader into one {@link Event}: recognises the export's shape, maps the Windows event's
 * fields with its profile, derives what hunts need at ingest, and records where the event came from.
 *
 * <p>Thread-safe and stateless; {@code event.sequence} is the caller's to set.
 */
public final class Normalizer {
  private static final String WINDOWS = "windows";

  private final List<RecordShape> shapes = List.of(EvtxShape.nativeReader(), EvtxShape.eventXml(),
      EvtxShape.evtxDumpJson(), EvtxShape.velociraptor(),
      WinlogbeatShape.legacy(), WinlogbeatShape.ecs(), new SplunkShape(), new EvtxECmdShape(),
      new SentinelShape(), new NxlogShape(), new GetWinEventShape(), new EventViewerShape());

  public Event normalize(RawRecord r) {
    Event e = new Event();
    RecordShape shape = shapeOf(r);
    if (shape != null) {
      windows(shape.read(r), e);
      e.set(Field.INPUT_TYPE, shape.name());
      if (shape.name().equals("ecs")) {
        EcsMapper.map(r, e, true);
      }
    } else if (DefenderMapper.matches(r)) {
      DefenderMapper.map(r, e);
      e.set(Field.INPUT_TYPE, "defender");
    } else if (EcsMapper.matches(r)) {
      EcsMapper.map(r, e, false);
      e.set(Field.INPUT_TYPE, "ecs");
    } else {
      for (int i = 0; i < r.size(); i++) {
        String text = Values.text(r.value(i));
        if (text != null) {
          e.raw(r.name(i), text);
        }
      }
      e.set(Field.INPUT_TYPE, r.format());
    }
    Derived.apply(e);
    provenance(r, e);
    return e;
  }

  private RecordShape shapeOf(RawRecord r) {
    for (RecordShape s : shapes) {
      if (s.matches(r)) {
        return s;
      }
    }
    return null;
  }

  private static void windows(WindowsRecord w, Event e) {
    e.set(Field.TIMESTAMP, w.time);
    e.set(Field.EVENT_CREATED, w.created);
    e.set(Field.EVENT_CODE, w.eventId);
    e.set(Field.WINLOG_CHANNEL, w.channel);
    e.set(Field.WINLOG_RECORD_ID, w.recordId);
    e.set(Field.EVENT_PROVIDER, w.provider);
    e.set(Field.HOST_NAME, w.computer);
    e.set(Field.HOST_OS_TYPE, WINDOWS);
    e.set(Field.MESSAGE, w.message);
    PowerShellDetails.add(w);
    Profile profile = Profiles.find(w.channel, w.eventId);
    if (profile != null) {
      profile.apply(w, e);
    }
    if (w.sentinelProcess != null) {
      e.setIfAbsent(Field.KQL_PROCESS, w.sentinelProcess);
    }
    if (w.sentinelAccount != null) {
      e.setIfAbsent(Field.KQL_ACCOUNT, w.sentinelAccount);
    }
    for (var it = w.leftovers(); it.hasNext(); ) {
      Map.Entry<String, Object> field = it.next();
      Object v = field.getValue();
      if (v instanceof WindowsRecord.MultiValue m) {
        for (Object o : m.values) {
          raw(e, field.getKey(), o);
        }
      } else {
        raw(e, field.getKey(), v);
      }
    }
  }

  private static void raw(Event e, String name, Object value) {
    String text = Values.text(value);
    if (text != null && !text.isEmpty()) {
      e.raw(name, text);
    }
  }

  private static void provenance(RawRecord r, Event e) {
    e.set(Field.LOG_FILE_PATH, r.location());
    if (r.format().equals("evtx")) {
      e.setIfAbsent(Field.WINLOG_RECORD_ID, r.position());
    } else {
      e.set(Field.LOG_FILE_LINE, r.position());
    }
    if (r.recovered()) {
      e.set(Field.RECOVERED, Boolean.TRUE);
      e.add(Field.EVENT_FLAGS, "recovered");
    }
    if (!r.checksumOk()) {
      e.add(Field.EVENT_FLAGS, "checksum_mismatch");
    }
  }
}
