package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PowerShell's host details as data fields a search can name ({@code HostApplication}, the command line the host
 * started with, {@code -enc} payloads included; {@code EngineVersion}, 2.0 in a downgrade): the classic {@code Windows
 * PowerShell} log (400, 403, 600, 800) writes them as {@code Key=Value} lines inside one unnamed data value, the
 * operational log (4103, 4100) as {@code Host Application = ...} lines in {@code ContextInfo}, both under the same
 * names here. Exports that keep only the rendered message (NXLog) have the same lines there.
 */
final class PowerShellDetails {
  private static final String CLASSIC = "Windows PowerShell";
  private static final String OPERATIONAL = "Microsoft-Windows-PowerShell/Operational";
  /** The classic log's details; a line of script text that looks like one is not taken for it. */
  private static final Set<String> CLASSIC_NAMES = Set.of("NewEngineState", "PreviousEngineState",
      "NewProviderState", "ProviderName", "SequenceNumber", "HostName", "HostVersion", "HostId", "HostApplication",
      "EngineVersion", "RunspaceId", "PipelineId", "CommandName", "CommandType", "ScriptName", "CommandPath",
      "CommandLine", "DetailSequence", "DetailTotal", "UserId");
  /** The operational log's context labels, and the classic log's names for them. */
  private static final Map<String, String> OPERATIONAL_NAMES = Map.ofEntries(
      Map.entry("Host Name", "HostName"), Map.entry("Host Version", "HostVersion"), Map.entry("Host ID", "HostId"),
      Map.entry("Host Application", "HostApplication"), Map.entry("Engine Version", "EngineVersion"),
      Map.entry("Runspace ID", "RunspaceId"), Map.entry("Pipeline ID", "PipelineId"),
      Map.entry("Command Name", "CommandName"), Map.entry("Command Type", "CommandType"),
      Map.entry("Script Name", "ScriptName"), Map.entry("Command Path", "CommandPath"),
      Map.entry("Sequence Number", "SequenceNumber"), Map.entry("User", "User"),
      Map.entry("Connected User", "ConnectedUser"), Map.entry("Shell ID", "ShellId"));
  private static final Pattern CLASSIC_LINE = Pattern.compile("^\\s*([A-Za-z]{1,32})=(.*)$");
  private static final Pattern OPERATIONAL_LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z ]{0,30}?) = ?(.*)$");
  /** At most this many lines of one value are read, and this many details kept. */
  private static final int MAX_LINES = 512;
  private static final int MAX_DETAILS = 64;

  private PowerShellDetails() {}

  /**
   * Adds the details of a PowerShell log's record from its data values or, where they hold none, its message; a name
   * the record has keeps its value. Records of other logs are left as they are.
   */
  static void add(WindowsRecord w) {
    boolean classic = CLASSIC.equalsIgnoreCase(w.channel);
    if (!classic && !OPERATIONAL.equalsIgnoreCase(w.channel)) {
      return;
    }
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
      found += read(text, classic, w, MAX_DETAILS - found);
    }
    if (found == 0) {
      read(w.message, classic, w, MAX_DETAILS);
    }
  }

  /** The text's detail lines, at most {@code room} of them; returns how many were read. */
  private static int read(String text, boolean classic, WindowsRecord w, int room) {
    if (text == null || text.indexOf('=') < 0) {
      return 0;
    }
    int found = 0;
    int lines = 0;
    for (int start = 0, end; start < text.length() && lines++ < MAX_LINES && found < room; start = end + 1) {
      end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      Matcher m = (classic ? CLASSIC_LINE : OPERATIONAL_LINE).matcher(text.substring(start, end).stripTrailing());
      String name = !m.matches() ? null : classic ? (CLASSIC_NAMES.contains(m.group(1)) ? m.group(1) : null)
          : OPERATIONAL_NAMES.get(m.group(1));
      if (name != null) {
        found++;
        if (!m.group(2).isEmpty() && !w.data.containsKey(name)) {
          w.put(name, m.group(2));
        }
      }
    }
    return found;
  }
}
