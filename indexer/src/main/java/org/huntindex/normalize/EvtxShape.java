package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/**
 * EVTX records from the native reader ({@code System.*}, {@code EventData.*}, {@code UserData.*}), the same tree from
 * Windows event XML (Event Viewer's "Save as XML", with {@code RenderingInfo.Message}), as {@code evtx_dump} JSON
 * ({@code Event.System.EventID}, {@code Event.System.TimeCreated.#attributes.SystemTime}, ...), and as Velociraptor
 * gives them: {@code parse_evtx()} rows ({@code System.EventID.Value}, {@code System.TimeCreated.SystemTime} in Unix
 * seconds, the resolved {@code Message}) and its {@code Windows.EventLogs.*} artifacts' rows ({@code EventTime}, {@code
 * Computer}, {@code Channel}, {@code EventID}, {@code EventData}, as an object or, in a CSV export, as JSON text).
 */
final class EvtxShape implements RecordShape {
  private enum Source { NATIVE, XML, EVTX_DUMP, VELOCIRAPTOR }

  private final String name;
  private final Source source;

  private EvtxShape(String name, Source source) {
    this.name = name;
    this.source = source;
  }

  static EvtxShape nativeReader() {
    return new EvtxShape("evtx", Source.NATIVE);
  }

  static EvtxShape eventXml() {
    return new EvtxShape("xml", Source.XML);
  }

  static EvtxShape evtxDumpJson() {
    return new EvtxShape("evtx_dump", Source.EVTX_DUMP);
  }

  static EvtxShape velociraptor() {
    return new EvtxShape("velociraptor", Source.VELOCIRAPTOR);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean matches(RawRecord r) {
    return switch (source) {
      case NATIVE, XML -> r.format().equals(name);
      case EVTX_DUMP -> r.size() > 0 && (r.name(0).startsWith("Event.") && r.get("Event.System.Channel") != null
          || r.get("Event.System.EventID") != null || r.get("Event.System.EventID.#text") != null);
      case VELOCIRAPTOR -> r.size() > 0 && (r.name(0).startsWith("System.") && r.get("System.Channel") != null
          && (r.get("System.EventID.Value") != null || r.get("System.EventID") != null)
          || zoned(r.get("EventTime")) && r.get("Channel") != null && r.get("EventID") != null
          && r.get("Computer") != null);
    };
  }

  /**
   * Whether a time is ISO 8601 with a zone, as Velociraptor writes {@code EventTime}; NXLog's {@code EventTime} is the
   * collector's local time, without one.
   */
  private static boolean zoned(Object time) {
    return time instanceof String s && s.indexOf('T') == 10 && (s.endsWith("Z") || s.lastIndexOf('+') > 10
        || s.lastIndexOf('-') > 10);
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    for (int i = 0; i < r.size(); i++) {
      String key = source == Source.EVTX_DUMP ? plain(r.name(i)) : r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "System.EventID" -> w.eventId = Values.integer(value);
        case "System.Channel" -> w.channel = Values.text(value);
        case "System.Computer" -> w.computer = Values.text(value);
        case "System.EventRecordID" -> w.recordId = Values.integer(value);
        case "System.Provider.Name" -> w.provider = Values.text(value);
        case "System.EventID.Value" -> w.eventId = Values.integer(value);
        case "System.TimeCreated.SystemTime" -> w.time = value instanceof Number seconds
            ? Ticks.ofUnixSeconds(seconds) : Ticks.parse(value);
        case "RenderingInfo.Message", "Message" -> w.message = Values.text(value);
        // a Velociraptor artifact's columns
        case "EventTime" -> w.time = w.time != null ? w.time : Ticks.parse(value);
        case "EventID" -> w.eventId = Values.integer(value);
        case "Channel" -> w.channel = Values.text(value);
        case "Computer" -> w.computer = Values.text(value);
        case "Provider" -> w.provider = Values.text(value);
        case "EventRecordID" -> w.recordId = Values.integer(value);
        case "EventData" -> EmbeddedEventData.parse(Values.text(value), w);
        case "Recovery.Written" -> {
          // a record from slack space decoded without its template: the record header's write time
          w.time = w.time != null ? w.time : Ticks.parse(value);
          w.put(key, value);
        }
        default -> {
          if (key.startsWith("EventData.")) {
            w.put(key.substring("EventData.".length()), value);
          } else if (!key.startsWith("xmlns") && !key.endsWith(".xmlns")) {
            w.put(key, value);
          }
        }
      }
    }
    return w;
  }

  /** {@code Event.System.TimeCreated.#attributes.SystemTime} becomes {@code System.TimeCreated.SystemTime}. */
  private static String plain(String name) {
    String n = name.startsWith("Event.") ? name.substring(6) : name;
    n = n.replace(".#attributes", "");
    if (n.endsWith(".#text")) {
      n = n.substring(0, n.length() - 6);
    }
    if (n.startsWith("#attributes.")) {
      n = n.substring(12);
    }
    return n;
  }
}
