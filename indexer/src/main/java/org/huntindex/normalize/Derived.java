package org.huntindex.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huntindex.schema.Field;

/** What hunts read on every run and is computed once at ingest: hunt A's regex group 1, the command line's addresses. */
final class Derived {
  // TODO(merge): replace with org.huntindex.extract.KqlIpv4Extractor and IpScanner.
  private static final Pattern KQL = Pattern.compile(
      "([^ ](\\b25[0-5]|\\b2[0-4][0-9]|\\b[01]?[0-9][0-9]?)(\\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}|(\\b25[0-5]|\\b2[0-4][0-9]|\\b[01]?[0-9][0-9]?)(\\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}[^ ])",
      Pattern.UNICODE_CHARACTER_CLASS);

  private Derived() {}

  static void apply(Event e) {
    String commandLine = e.string(Field.PROCESS_COMMAND_LINE);
    if (commandLine == null) {
      return;
    }
    if (e.has(Field.KQL_PROCESS)) {
      Matcher m = KQL.matcher(commandLine);
      if (m.find()) {
        e.set(Field.KQL_IP, m.group(1));
      }
    }
  }
}
