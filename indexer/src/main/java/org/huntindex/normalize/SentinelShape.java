package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/**
 * Microsoft Sentinel / Log Analytics exports: {@code SecurityEvent} rows (EventData names as columns, plus the
 * {@code Process} and {@code Account} columns Sentinel derives), {@code WindowsEvent} rows ({@code EventData} as a
 * JSON or XML string) and the legacy agent's {@code Event} rows (Sysmon and other logs: {@code EventLog} and {@code
 * Source} name the channel and provider, {@code EventData} is XML).
 */
final class SentinelShape implements RecordShape {
  /** How the Log Analytics portal names the column in CSV exports. */
  private static final String TIME_GENERATED_UTC = "TimeGenerated [UTC]";

  @Override
  public String name() {
    return "sentinel";
  }

  @Override
  public boolean matches(RawRecord r) {
    return (r.get("TimeGenerated") != null || r.get(TIME_GENERATED_UTC) != null)
        && (r.get("EventID") != null || r.get("Computer") != null);
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    String type = null;
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "TimeGenerated", TIME_GENERATED_UTC -> w.time = Ticks.parse(value);
        case "TimeCollected" -> w.created = Ticks.parse(value);
        case "EventID" -> w.eventId = Values.integer(value);
        case "Channel" -> w.channel = Values.text(value);
        case "Computer" -> w.computer = Values.text(value);
        case "EventSourceName", "Provider" -> w.provider = Values.text(value);
        case "EventLog" -> {
          w.channel = w.channel != null ? w.channel : Values.text(value);
          w.put(key, value);
        }
        case "Source" -> {
          w.provider = w.provider != null ? w.provider : Values.text(value);
          w.put(key, value);
        }
        case "Process" -> w.sentinelProcess = Values.text(value);
        case "Account" -> w.sentinelAccount = Values.text(value);
        case "EventRecordId" -> w.recordId = Values.integer(value);
        case "RenderedDescription" -> w.message = Values.text(value);
        case "EventData" -> EmbeddedEventData.parse(Values.text(value), w);
        default -> {
          if (key.equals("Type")) {
            type = Values.text(value);
          }
          w.put(key, value);
        }
      }
    }
    if (w.channel == null && (type == null || type.equals("SecurityEvent"))) {
      w.channel = "Security";
    }
    return w;
  }
}
