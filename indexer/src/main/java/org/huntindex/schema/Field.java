package org.huntindex.schema;

import java.util.HashMap;
import java.util.Map;

/**
 * The one list of fields an event can have: their names, how each is indexed, and which carry doc values.
 *
 * <p>Names are Elastic Common Schema where ECS has one. Readers and normalizers fill an {@code Event} by these constants;
 * the index writer and every query read them; nobody else spells a field name. A field whose values a hunt, a search or
 * a count reads in bulk has doc values; the rest are indexed and stored only. Raw source fields that are not part of the
 * schema go to {@link #RAW} as {@code name=value} terms.
 */
public enum Field {
  TIMESTAMP("@timestamp", FieldKind.TIME, Flag.DOC_VALUES),
  EVENT_CREATED("event.created", FieldKind.TIME),
  EVENT_CODE("event.code", FieldKind.LONG, Flag.DOC_VALUES),
  EVENT_CATEGORY("event.category", FieldKind.KEYWORD, Flag.DOC_VALUES, Flag.MULTI),
  EVENT_TYPE("event.type", FieldKind.KEYWORD, Flag.DOC_VALUES, Flag.MULTI),
  EVENT_ACTION("event.action", FieldKind.KEYWORD),
  EVENT_OUTCOME("event.outcome", FieldKind.KEYWORD),
  EVENT_ID("event.id", FieldKind.KEYWORD),
  EVENT_PROVIDER("event.provider", FieldKind.KEYWORD),
  EVENT_SEQUENCE("event.sequence", FieldKind.LONG, Flag.DOC_VALUES),
  EVENT_FLAGS("event.flags", FieldKind.KEYWORD, Flag.MULTI),
  MESSAGE("message", FieldKind.TEXT),

  HOST_NAME("host.name", FieldKind.KEYWORD, Flag.DOC_VALUES),
  HOST_OS_TYPE("host.os.type", FieldKind.KEYWORD),
  USER_NAME("user.name", FieldKind.KEYWORD, Flag.DOC_VALUES),
  USER_DOMAIN("user.domain", FieldKind.KEYWORD),

  PROCESS_NAME("process.name", FieldKind.KEYWORD, Flag.DOC_VALUES),
  PROCESS_EXECUTABLE("process.executable", FieldKind.KEYWORD, Flag.DOC_VALUES),
  PROCESS_COMMAND_LINE("process.command_line", FieldKind.TEXT, Flag.HASHED),
  PROCESS_PID("process.pid", FieldKind.LONG),
  PROCESS_ENTITY_ID("process.entity_id", FieldKind.KEYWORD, Flag.DOC_VALUES, Flag.HASHED),
  PARENT_NAME("process.parent.name", FieldKind.KEYWORD, Flag.DOC_VALUES),
  PARENT_EXECUTABLE("process.parent.executable", FieldKind.KEYWORD),
  PARENT_COMMAND_LINE("process.parent.command_line", FieldKind.TEXT),
  PARENT_PID("process.parent.pid", FieldKind.LONG),
  PARENT_ENTITY_ID("process.parent.entity_id", FieldKind.KEYWORD),
  COMMAND_LINE_IP("process.command_line.ip", FieldKind.IP, Flag.DOC_VALUES, Flag.MULTI),

  SOURCE_IP("source.ip", FieldKind.IP, Flag.DOC_VALUES),
  SOURCE_PORT("source.port", FieldKind.LONG),
  DESTINATION_IP("destination.ip", FieldKind.IP, Flag.DOC_VALUES),
  DESTINATION_PORT("destination.port", FieldKind.LONG, Flag.DOC_VALUES),
  NETWORK_TRANSPORT("network.transport", FieldKind.KEYWORD),
  NETWORK_DIRECTION("network.direction", FieldKind.KEYWORD),
  NETWORK_PROTOCOL("network.protocol", FieldKind.KEYWORD),
  DNS_QUESTION_NAME("dns.question.name", FieldKind.KEYWORD, Flag.DOC_VALUES),

  WINLOG_CHANNEL("winlog.channel", FieldKind.KEYWORD, Flag.DOC_VALUES),
  WINLOG_RECORD_ID("winlog.record_id", FieldKind.LONG, Flag.DOC_VALUES),
  LOG_FILE_PATH("log.file.path", FieldKind.KEYWORD, Flag.DOC_VALUES),
  LOG_FILE_LINE("log.file.line", FieldKind.LONG, Flag.DOC_VALUES),
  INPUT_TYPE("input.type", FieldKind.KEYWORD, Flag.DOC_VALUES),
  RECOVERED("recovered", FieldKind.BOOLEAN),

  /** Sentinel's {@code SecurityEvent.Process}: as exported, or the basename of {@code NewProcessName}. */
  KQL_PROCESS("kql.process", FieldKind.KEYWORD, Flag.DOC_VALUES),
  /** Sentinel's {@code SecurityEvent.Account}: as exported, or {@code SubjectDomainName\SubjectUserName}. */
  KQL_ACCOUNT("kql.account", FieldKind.KEYWORD, Flag.DOC_VALUES),
  /** Group 1 of hunt A's default regex over the command line, computed once at ingest (absent when no match). */
  KQL_IP("kql.ip", FieldKind.KEYWORD, Flag.DOC_VALUES),

  /** Every source field outside the schema, as {@code name=value} terms; a value over 1 KiB by its tokens. */
  RAW("raw", FieldKind.KEYWORD, Flag.MULTI);

  /** Indexing options beyond the kind. */
  public enum Flag {
    /** Doc values for bulk reads: hunts, counts, sorting. */
    DOC_VALUES,
    /** Several values per event. */
    MULTI,
    /** A 64-bit hash of the value in numeric doc values ({@code name.hash}) for grouping and joins. */
    HASHED
  }

  /** Lucene's hard limit on one indexed term, in UTF-8 bytes. */
  public static final int MAX_TERM_BYTES = 32766;

  /** Raw {@code name=value} pairs longer than this, in UTF-8 bytes, are indexed by their value's tokens, not whole. */
  public static final int RAW_TERM_BYTES = 1024;

  /**
   * The stored-only field that holds every stored value of an event's schema fields, but {@link #RAW}'s, as one blob;
   * not a schema field: nothing queries it.
   */
  public static final String STORED_VALUES = "stored";

  private static final Map<String, Field> BY_NAME = new HashMap<>();

  static {
    for (Field f : values()) {
      BY_NAME.put(f.name, f);
    }
  }

  private final String name;
  private final FieldKind kind;
  private final boolean[] flags = new boolean[Flag.values().length];

  Field(String name, FieldKind kind, Flag... flags) {
    this.name = name;
    this.kind = kind;
    for (Flag f : flags) {
      this.flags[f.ordinal()] = true;
    }
  }

  /** The field's name in the index and in every output. */
  public String fieldName() {
    return name;
  }

  public FieldKind kind() {
    return kind;
  }

  public boolean has(Flag flag) {
    return flags[flag.ordinal()];
  }

  public boolean multiValued() {
    return has(Flag.MULTI);
  }

  /** The hash doc values' name; only meaningful with {@link Flag#HASHED}. */
  public String hashName() {
    return name + ".hash";
  }

  /** The field called {@code name}, or null. */
  public static Field byName(String name) {
    return BY_NAME.get(name);
  }
}
