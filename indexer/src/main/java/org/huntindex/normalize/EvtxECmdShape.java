package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/**
 * Eric Zimmerman's EvtxECmd output (a KAPE triage's event logs), CSV or JSON: {@code EventId}, {@code Channel}, {@code
 * Computer}, {@code Provider}, {@code EventRecordId}, {@code TimeCreated} (UTC), and the record's EventData as JSON in
 * {@code Payload}, whose names the event's data takes. Its own map columns ({@code MapDescription}, {@code
 * PayloadData1}..) stay raw, and its System columns take the EVTX reader's names: {@code ProcessId} is the process that
 * logged the event.
 */
final class EvtxECmdShape implements RecordShape {
  @Override
  public String name() {
    return "evtxecmd";
  }

  @Override
  public boolean matches(RawRecord r) {
    return r.get("EventId") != null && r.get("Channel") != null && r.get("Payload") != null;
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "EventId" -> w.eventId = Values.integer(value);
        case "Channel" -> w.channel = Values.text(value);
        case "Computer" -> w.computer = Values.text(value);
        case "Provider" -> w.provider = Values.text(value);
        case "EventRecordId" -> w.recordId = Values.integer(value);
        case "TimeCreated" -> w.time = Ticks.parse(value);
        case "Payload" -> EmbeddedEventData.parse(Values.text(value), w);
        default -> w.put(WindowsRecord.evtxName(key), value);
      }
    }
    return w;
  }
}
