package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/**
 * EVTX records from the native reader ({@code System.*}, {@code EventData.*}, {@code UserData.*}), the same tree from
 * Windows event XML (Event Viewer's "Save as XML", with {@code RenderingInfo.Message}), and as {@code evtx_dump} JSON
 * ({@code Event.System.EventID}, {@code Event.System.TimeCreated.#attributes.SystemTime}, ...).
 */
final class EvtxShape implements RecordShape {
  private final String name;
  private final boolean json;

  private EvtxShape(String name, boolean json) {
    this.name = name;
    this.json = json;
  }

  static EvtxShape nativeReader() {
    return new EvtxShape("evtx", false);
  }

  static EvtxShape eventXml() {
    return new EvtxShape("xml", false);
  }

  static EvtxShape evtxDumpJson() {
    return new EvtxShape("evtx_dump", true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean matches(RawRecord r) {
    if (!json) {
      return r.format().equals(name);
    }
    return r.size() > 0 && (r.name(0).startsWith("Event.") && r.get("Event.System.Channel") != null
        || r.get("Event.System.EventID") != null || r.get("Event.System.EventID.#text") != null);
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    for (int i = 0; i < r.size(); i++) {
      String key = json ? plain(r.name(i)) : r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "System.EventID" -> w.eventId = Values.integer(value);
        case "System.Channel" -> w.channel = Values.text(value);
        case "System.Computer" -> w.computer = Values.text(value);
        case "System.EventRecordID" -> w.recordId = Values.integer(value);
        case "System.Provider.Name" -> w.provider = Values.text(value);
        case "System.TimeCreated.SystemTime" -> w.time = Ticks.parse(value);
        case "RenderingInfo.Message" -> w.message = Values.text(value);
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
