package org.huntindex.search;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huntindex.normalize.SourceNames;
import org.huntindex.schema.Field;

/** How to query each schema field, with an example, for {@code hunt fields} and the documentation. */
public final class FieldGuide {
  private static final Map<Field, String> EXAMPLES = new EnumMap<>(Field.class);

  static {
    EXAMPLES.put(Field.TIMESTAMP, "[2024-05-01 TO 2024-05-02T12:00]");
    EXAMPLES.put(Field.EVENT_CODE, "4625");
    EXAMPLES.put(Field.EVENT_CATEGORY, "network");
    EXAMPLES.put(Field.EVENT_TYPE, "start");
    EXAMPLES.put(Field.EVENT_PROVIDER, "*sysmon*");
    EXAMPLES.put(Field.MESSAGE, "\"logon failure\"");
    EXAMPLES.put(Field.HOST_NAME, "ws0042*");
    EXAMPLES.put(Field.HOST_OS_TYPE, "windows");
    EXAMPLES.put(Field.USER_NAME, "administrator");
    EXAMPLES.put(Field.PROCESS_NAME, "powershell.exe");
    EXAMPLES.put(Field.PROCESS_EXECUTABLE, "\"C:\\Windows\\System32\\cmd.exe\"");
    EXAMPLES.put(Field.PROCESS_COMMAND_LINE, "\"-enc\"");
    EXAMPLES.put(Field.PARENT_NAME, "winword.exe");
    EXAMPLES.put(Field.PARENT_COMMAND_LINE, "mshta*");
    EXAMPLES.put(Field.PROCESS_PID, "[1000 TO 2000]");
    EXAMPLES.put(Field.DESTINATION_PORT, "(445 OR 3389)");
    EXAMPLES.put(Field.SOURCE_PORT, ">=49152");
    EXAMPLES.put(Field.DNS_QUESTION_NAME, "*.duckdns.org");
    EXAMPLES.put(Field.WINLOG_CHANNEL, "security");
    EXAMPLES.put(Field.LOG_FILE_PATH, "*security.evtx");
    EXAMPLES.put(Field.RECOVERED, "true");
    EXAMPLES.put(Field.RAW, "\"TargetUserName=admin\"");
  }

  private FieldGuide() {}

  /** The field's type as shown to analysts. */
  public static String type(Field f) {
    return f.kind().name().toLowerCase(Locale.ROOT) + (f.multiValued() ? "[]" : "");
  }

  /** What the field's query syntax is, in a few words. */
  public static String how(Field f) {
    if (f == Field.RAW) {
      return "raw source field: Name:value, Name=value; any case, * ? wildcards";
    }
    return switch (f.kind()) {
      case KEYWORD -> "whole value, any case; * ? wildcards, /regex/";
      case TEXT -> "tokens, \"phrases\", wildcards within a token, /regex/ per token";
      case LONG -> "n, [a TO b], >=n, <n";
      case TIME -> "ISO-8601 year to second (UTC unless zoned), [a TO b], >=t, last-24h";
      case IP -> "address, \"CIDR\", [a TO b], 10.1.*";
      case BOOLEAN -> "true or false";
    };
  }

  /**
   * Where the values of a Windows field name went, e.g. {@code process.command_line of Security 4688, Sysmon 1}; null
   * for a name normalization never moves.
   */
  public static String moved(String name) {
    Map<Field, List<String>> events = new LinkedHashMap<>();
    for (SourceNames.Alias a : SourceNames.of(name)) {
      List<String> of = events.computeIfAbsent(a.field(), f -> new ArrayList<>());
      if (a.channel() != null) {
        of.add(channel(a.channel())
            + (a.eventIds().isEmpty() ? "" : " " + a.eventIds().stream().map(String::valueOf).collect(joining("/"))));
      }
    }
    List<String> parts = new ArrayList<>();
    events.forEach((f, of) -> parts.add(f.fieldName() + (of.isEmpty() ? "" : " of " + String.join(", ", of))));
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String channel(String lowerCase) {
    return switch (lowerCase) {
      case SourceNames.SECURITY -> "Security";
      case SourceNames.SYSMON -> "Sysmon";
      default -> lowerCase;
    };
  }

  public static String example(Field f) {
    return f.fieldName() + ":" + exampleValue(f);
  }

  /** An example query of a Windows field name, by the schema field its values went to. */
  public static String example(String windowsName) {
    List<SourceNames.Alias> aliases = SourceNames.of(windowsName);
    return windowsName + ":" + (aliases.isEmpty() ? "value*" : exampleValue(aliases.getFirst().field()));
  }

  private static String exampleValue(Field f) {
    String value = EXAMPLES.get(f);
    if (value == null) {
      value = switch (f.kind()) {
        case KEYWORD -> "value*";
        case TEXT -> "\"two tokens\"";
        case LONG -> "[1 TO 100]";
        case TIME -> ">=2024-05-01";
        case IP -> "\"10.0.0.0/8\"";
        case BOOLEAN -> "true";
      };
    }
    return value;
  }
}
