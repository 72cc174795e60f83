package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classic {@code Windows PowerShell} log's details (events 400, 403, 600, 800): Windows writes them as
 * {@code Key=Value} lines inside one unnamed data value ({@code HostApplication=powershell -enc ...},
 * {@code EngineVersion=2.0}), which become data fields of their own so that a search can name them. Exports that keep
 * only the rendered message (NXLog) have the same lines there.
 */
final class PowerShellDetails {
  static final String CHANNEL = "Windows PowerShell";
  /** The details the events' messages name; a line of script text that looks like one is not taken for it. */
  private static final Set<String> NAMES = Set.of("NewEngineState", "PreviousEngineState", "NewProviderState",
      "ProviderName", "SequenceNumber", "HostName", "HostVersion", "HostId", "HostApplication", "EngineVersion",
      "RunspaceId", "PipelineId", "CommandName", "CommandType", "ScriptName", "CommandPath", "CommandLine",
      "DetailSequence", "DetailTotal", "UserId");
  /** At most this many lines of one value are read, and this many details kept. */
  private static final int MAX_LINES = 512;
  private static final int MAX_DETAILS = 64;
  private static final Pattern DETAIL = Pattern.compile("^\\s*([A-Za-z]{1,32})=(.*)$");

  private PowerShellDetails() {}

  /** Adds the details of the record's data values, or else of its message; a name the record has keeps its value. */
  static void add(WindowsRecord w) {
    List<String> texts = new ArrayList<>();
    for (Object v : w.data.values()) {
      if (v instanceof WindowsRecord.MultiValue m) {
        m.values.forEach(o -> texts.add(Values.text(o)));
      } else {
        texts.add(Values.text(v));
      }
    }
    int found = 0;
    for (String text : texts) {
      found += read(text, w, MAX_DETAILS - found);
    }
    if (found == 0) {
      read(w.message, w, MAX_DETAILS);
    }
  }

  /** The {@code Key=Value} lines of the text, at most {@code room} of them; returns how many were read. */
  private static int read(String text, WindowsRecord w, int room) {
    if (text == null || text.indexOf('=') < 0) {
      return 0;
    }
    int found = 0;
    int lines = 0;
    for (int start = 0, end; start < text.length() && lines++ < MAX_LINES && found < room; start = end + 1) {
      end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      Matcher m = DETAIL.matcher(text.substring(start, end).stripTrailing());
      if (m.matches() && NAMES.contains(m.group(1))) {
        found++;
        if (!m.group(2).isEmpty() && !w.data.containsKey(m.group(1))) {
          w.put(m.group(1), m.group(2));
        }
      }
    }
    return found;
  }
}
