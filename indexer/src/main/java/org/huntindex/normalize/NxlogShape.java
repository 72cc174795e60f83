package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/**
 * NXLog / Mordor flat Windows JSON: System and EventData names side by side at the top level ({@code EventID},
 * {@code Channel}, {@code Hostname}, {@code ProcessGuid}, ...). {@code EventTime} is the collector's local time and is
 * never the event time; {@code host} is the collector, never the event's host.
 */
final class NxlogShape implements RecordShape {
  @Override
  public String name() {
    return "nxlog";
  }

  @Override
  public boolean matches(RawRecord r) {
    return r.get("EventID") != null && (r.get("Channel") != null || r.get("Hostname") != null);
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    Object timestamp = null;
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "EventID" -> w.eventId = Values.integer(value);
        case "Channel" -> w.channel = Values.text(value);
        case "Hostname" -> w.computer = Values.text(value);
        case "SourceName" -> w.provider = Values.text(value);
        case "RecordNumber" -> w.recordId = Values.integer(value);
        case "TimeCreated" -> w.time = Ticks.parse(value);
        case "@timestamp" -> timestamp = value;
        case "Message" -> w.message = Values.text(value);
        default -> w.put(key, value);
      }
    }
    Long stamped = Ticks.parse(timestamp);
    if (w.time == null) {
      w.time = stamped;
    } else {
      w.created = stamped;
    }
    return w;
  }
}
