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
    unescapeWhereTheMessageShows(w);
    return w;
  }

  /**
   * Some NXLog collections write the data XML-escaped ({@code 1&gt; out.txt 2&gt;&amp;1}) and the rendered message
   * not: a value is read unescaped where the record's own message holds it so and not as written. A value whose
   * entities are its own (a task's XML) is shown with them in the message, and stays as it is.
   */
  private static void unescapeWhereTheMessageShows(WindowsRecord w) {
    if (w.message == null) {
      return;
    }
    for (var field : w.data.entrySet()) {
      if (field.getValue() instanceof String value && value.indexOf('&') >= 0) {
        String unescaped = xmlUnescaped(value);
        if (!unescaped.equals(value) && w.message.contains(unescaped) && !w.message.contains(value)) {
          field.setValue(unescaped);
        }
      }
    }
  }

  /** The text with XML's five entities read. */
  static String xmlUnescaped(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
