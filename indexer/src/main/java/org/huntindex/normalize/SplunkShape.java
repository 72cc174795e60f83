package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huntindex.source.RawRecord;

/**
 * Windows events exported from Splunk as search results (CSV, or JSON rows once their {@code result} is unwrapped) of
 * sourcetype {@code WinEventLog}, the Windows add-on's classic text, or any with an {@code EventCode} (a table of chosen
 * fields may leave the sourcetype out). ({@code XmlWinEventLog} rows carry the event's
 * XML in {@code _raw} and are read as that XML.) {@code _time} is the event time; {@code EventCode}, {@code LogName},
 * {@code ComputerName}, {@code RecordNumber} and {@code Message} its System part, read from the {@code _raw} text's
 * {@code key=value} lines when the export lacks them. The event data is named from the rendered message's labels,
 * which the add-on extracts as fields with underscores ({@code New_Process_Name}): Sysmon's labels are its data names,
 * and those of the events {@link MessageLabels} knows are translated; others stay raw as the add-on named them.
 */
final class SplunkShape implements RecordShape {
  /** At most this many {@code _raw} lines are read for the System part. */
  private static final int MAX_LINES = 512;

  @Override
  public String name() {
    return "splunk";
  }

  @Override
  public boolean matches(RawRecord r) {
    // a table of chosen fields (| table _time host EventCode ...) may leave the sourcetype out; EventCode stays
    return r.get("_time") != null && (isWinEventLog(r.get("sourcetype")) || isWinEventLog(r.get("source"))
        || r.get("EventCode") != null);
  }

  private static boolean isWinEventLog(Object value) {
    return value instanceof String s && s.toLowerCase(Locale.ROOT).contains("wineventlog");
  }

  @Override
  public WindowsRecord read(RawRecord r) {
    WindowsRecord w = new WindowsRecord(r.size());
    String host = null;
    String source = null;
    String raw = null;
    for (int i = 0; i < r.size(); i++) {
      String key = r.name(i);
      Object value = r.value(i);
      switch (key) {
        case "_time" -> w.time = Ticks.parse(value);
        case "EventCode" -> w.eventId = Values.integer(value);
        case "LogName" -> w.channel = Values.text(value);
        case "ComputerName" -> w.computer = Values.text(value);
        case "SourceName" -> w.provider = Values.text(value);
        case "RecordNumber" -> w.recordId = Values.integer(value);
        case "Message" -> w.message = Values.text(value);
        case "host" -> host = Values.text(value);
        case "source" -> {
          source = Values.text(value);
          w.put(key, value);
        }
        case "_raw" -> raw = Values.text(value);
        default -> {
          if (!key.startsWith("_")) {
            w.put(key, value);
          }
        }
      }
    }
    if (raw != null) {
      header(raw, w);
    }
    if (w.channel == null && source != null && source.indexOf(':') > 0) {
      w.channel = source.substring(source.indexOf(':') + 1);
    }
    w.computer = w.computer != null ? w.computer : host;
    name(w);
    return w;
  }

  /** The System fields the {@code _raw} text's {@code key=value} lines give and the export left out, and its message. */
  private static void header(String raw, WindowsRecord w) {
    int lines = 0;
    for (int start = 0, end; start < raw.length() && lines++ < MAX_LINES; start = end + 1) {
      end = raw.indexOf('\n', start);
      end = end < 0 ? raw.length() : end;
      String line = raw.substring(start, end).strip();
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String value = line.substring(eq + 1);
      switch (line.substring(0, eq)) {
        case "LogName" -> w.channel = w.channel != null ? w.channel : value;
        case "EventCode" -> w.eventId = w.eventId != null ? w.eventId : Values.integer(value);
        case "ComputerName" -> w.computer = w.computer != null ? w.computer : value;
        case "SourceName" -> w.provider = w.provider != null ? w.provider : value;
        case "RecordNumber" -> w.recordId = w.recordId != null ? w.recordId : Values.integer(value);
        case "Message" -> {
          // the rest of the text is the message
          if (w.message == null) {
            w.message = raw.substring(raw.indexOf("Message=", start) + "Message=".length()).strip();
          }
          return;
        }
        default -> {}
      }
    }
  }

  /** Names the event data from the add-on's fields and, where they are missing, from the message's labels. */
  private static void name(WindowsRecord w) {
    Map<String, List<String>> labels = MessageLabels.of(w);
    if (labels != null) {
      labels.forEach((label, names) -> {
        Object extracted = w.data.remove(label);
        if (extracted != null) {
          // several values: a JSON array, or one CSV cell with a line each
          List<Object> values = extracted instanceof WindowsRecord.MultiValue m ? m.values
              : extracted instanceof List<?> l ? new ArrayList<>(l)
              : extracted instanceof String text && text.indexOf('\n') >= 0 ? List.of((Object[]) text.split("\r?\n"))
              : List.of(extracted);
          for (int i = 0; i < values.size() && i < names.size(); i++) {
            w.put(names.get(i), values.get(i));
          }
        }
      });
    }
    MessageLabels.fromMessage(w);
  }
}
