package org.huntindex.source.evtx;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Field names for flattened EVTX XML: the element path below {@code Event} joined by dots, an attribute appended as a
 * last part. {@code System.TimeCreated.SystemTime}, {@code EventData.<Data@Name>} (unnamed: {@code EventData.Data}),
 * {@code UserData.<path>}. Keeping the top-level part means a UserData {@code EventID} can never shadow the System one.
 * A record from slack space decoded without its own template says so under {@code Recovery.*}.
 */
final class FieldKeys {
  private static final Set<String> NUMERIC_SYSTEM_FIELDS = Set.of("System.EventID", "System.EventID.Qualifiers",
      "System.Version", "System.Level", "System.Task", "System.Opcode", "System.EventRecordID",
      "System.Execution.ProcessID", "System.Execution.ThreadID");
  static final String TIME_CREATED = "System.TimeCreated.SystemTime";
  /** What a record from slack space was decoded with instead of its own templates. */
  static final String RECOVERY_TEMPLATE = "Recovery.Template";
  /** The values, in order, of a record from slack space whose template is lost: no template names them. */
  static final String RECOVERY_VALUE = "Recovery.Value";
  /** The write time from the record header of a record from slack space that has no {@code TimeCreated}. */
  static final String RECOVERY_WRITTEN = "Recovery.Written";

  private FieldKeys() {}

  /**
   * Literal template text under a System key that is numeric or a time when Windows writes it, typed the same way:
   * some producers render every System value as text.
   */
  static Object literal(String key, String text) {
    try {
      if (NUMERIC_SYSTEM_FIELDS.contains(key)) {
        return Long.valueOf(text.trim());
      }
      if (key.equals(TIME_CREATED)) {
        return Instant.parse(text.trim());
      }
    } catch (RuntimeException e) {
      // not in the expected form: keep the text
    }
    return text;
  }

  static String element(List<String> path, String dataName) {
    return join(path, dataName, null);
  }

  static String attribute(List<String> path, String dataName, String attribute) {
    return join(path, dataName, attribute);
  }

  static boolean isNamespaceDeclaration(String attribute) {
    return attribute.equals("xmlns") || attribute.startsWith("xmlns:");
  }

  /** True when the element at the top of {@code path} is an EventData {@code Data}, whose Name attribute is its key. */
  static boolean isEventDataItem(List<String> path) {
    int n = path.size();
    return n >= 2 && path.get(n - 1).equals("Data") && path.get(n - 2).equals("EventData");
  }

  private static String join(List<String> path, String dataName, String attribute) {
    int from = path.size() > 1 && path.get(0).equals("Event") ? 1 : 0;
    StringBuilder key = new StringBuilder(48);
    for (int i = from; i < path.size(); i++) {
      if (i > from) {
        key.append('.');
      }
      key.append(i == path.size() - 1 && dataName != null ? dataName : path.get(i));
    }
    if (attribute != null) {
      if (key.length() > 0) {
        key.append('.');
      }
      key.append(attribute);
    }
    return key.toString();
  }
}
