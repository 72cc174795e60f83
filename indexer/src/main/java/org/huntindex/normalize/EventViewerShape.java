package org.huntindex.normalize;

import java.util.Map;
import org.huntindex.source.RawRecord;

/**
 * Event Viewer's "Save All Events As" CSV: level, time, source, event id, task category and the rendered description,
 * whose labelled lines hold the event's data ({@link MessageLabels}). The export names neither the computer nor the
 * log; the log is told from the source for Security, Sysmon and the service manager's System events. Its time is
 * written in the exporting machine's zone without saying which, and is read as UTC (a Sysmon event is timed by its own
 * {@code UtcTime}, as from any export).
 */
final class EventViewerShape implements RecordShape {
  /** Sources, lower case and letters only, whose log is known: as Event Viewer shows them, and as providers. */
  private static final Map<String, String> CHANNELS = Map.of(
      "microsoftwindowssecurityauditing", "Security",
      "servicecontrolmanager", "System",
      "sysmon", MessageLabels.SYSMON,
      "microsoftwindowssysmon", MessageLabels.SYSMON);

  @Override
  public String name() {
    return "eventviewer";
  }

  @Override
  public boolean matches(RawRecord r) {
    return r.get("Date and Time") != null && r.get("Event ID") != null && r.get("Source") != null;
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    for (int i = 0; i < r.size(); i++) {
      Object value = r.value(i);
      switch (r.name(i)) {
        case "Date and Time" -> w.time = Ticks.parse(value);
        case "Event ID" -> w.eventId = Values.integer(value);
        case "Source" -> {
          w.provider = Values.text(value);
          w.channel = w.provider == null ? null : CHANNELS.get(lettersOnly(w.provider));
        }
        case "Description" -> w.message = Values.text(value);
        default -> w.put(r.name(i), value);
      }
    }
    MessageLabels.fromMessage(w);
    return w;
  }

  /** The source's letters, lower case: how {@link #CHANNELS} is keyed. */
  private static String lettersOnly(String source) {
    StringBuilder letters = new StringBuilder(source.length());
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        letters.append((char) (c | 0x20));
      }
    }
    return letters.toString();
  }
}
