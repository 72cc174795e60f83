package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/**
 * Winlogbeat documents: legacy 6.x ({@code event_data.*}, {@code log_name}, {@code computer_name}, {@code event_id}) and
 * 7.x+ ECS documents carrying the same under {@code winlog.*}. {@code host.name} there is the shipper, not the event's host.
 */
final class WinlogbeatShape implements RecordShape {
  private final boolean ecs;

  private WinlogbeatShape(boolean ecs) {
    this.ecs = ecs;
  }

  static WinlogbeatShape legacy() {
    return new WinlogbeatShape(false);
  }

  static WinlogbeatShape ecs() {
    return new WinlogbeatShape(true);
  }

  @Override
  public String name() {
    return ecs ? "ecs" : "winlogbeat";
  }

  @Override
  public boolean matches(RawRecord r) {
    if (ecs) {
      return r.get("winlog.channel") != null || r.get("winlog.event_id") != null;
    }
    return r.get("log_name") != null || r.get("event_id") != null && r.get("computer_name") != null;
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    String prefix = ecs ? "winlog." : "";
    WindowsRecord w = new WindowsRecord(r.size());
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      if (ecs && !key.startsWith(prefix)) {
        if (key.equals("@timestamp")) {
          w.time = Ticks.parse(value);
        } else if (key.equals("event.created")) {
          w.created = Ticks.parse(value);
        } else if (key.equals("message")) {
          w.message = Values.text(value);
        }
        continue;
      }
      String k = key.substring(prefix.length());
      switch (k) {
        case "log_name", "channel" -> w.channel = Values.text(value);
        case "event_id" -> w.eventId = Values.integer(value);
        case "computer_name" -> w.computer = Values.text(value);
        case "record_number", "record_id" -> w.recordId = Values.integer(value);
        case "source_name", "provider_name" -> w.provider = Values.text(value);
        case "@timestamp" -> w.time = Ticks.parse(value);
        case "message" -> w.message = Values.text(value);
        default -> {
          if (k.startsWith("event_data.")) {
            w.put(k.substring("event_data.".length()), value);
          } else if (k.startsWith("user_data.")) {
            w.put(k.substring("user_data.".length()), value);
          } else {
            w.put(key, value);
          }
        }
      }
    }
    return w;
  }
}
