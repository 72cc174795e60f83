package org.huntindex.normalize;

import java.util.List;
import java.util.Set;
import org.huntindex.schema.Field;
import org.huntindex.source.RawRecord;

/** Elastic Common Schema documents (nested or dotted keys): schema fields are taken as they are, the rest kept raw. */
final class EcsMapper {
  /** Fields the indexer derives itself; an input's own value of one of these is kept raw, never trusted. */
  private static final Set<Field> DERIVED = Set.of(Field.EVENT_SEQUENCE, Field.LOG_FILE_PATH, Field.LOG_FILE_LINE,
      Field.INPUT_TYPE, Field.RECOVERED, Field.EVENT_FLAGS, Field.KQL_IP, Field.COMMAND_LINE_IP, Field.RAW);

  private EcsMapper() {}

  static boolean matches(RawRecord r) {
    for (int i = 0; i < r.size(); i++) {
      String n = r.name(i);
      if (n.equals("@timestamp") || n.startsWith("event.") || n.startsWith("process.")) {
        return true;
      }
    }
    return false;
  }

  /** Maps the record's ECS names; with {@code skipWinlog}, {@code winlog.*} names are left to the Winlogbeat shape. */
  static void map(RawRecord r, Event e, boolean skipWinlog) {
    for (int i = 0; i < r.size(); i++) {
      String name = r.name(i);
      if (skipWinlog && name.startsWith("winlog.")) {
        continue;
      }
      Object value = r.value(i);
      Field f = Field.byName(name);
      if (f == null || DERIVED.contains(f)) {
        if (!skipWinlog || !name.equals("@timestamp") && !name.equals("event.created") && !name.equals("message")) {
          String text = Values.text(value);
          if (text != null) {
            e.raw(name, text);
          }
        }
        continue;
      }
      put(f, value, e);
    }
    if (!e.has(Field.PROCESS_NAME) && e.has(Field.PROCESS_EXECUTABLE)) {
      e.set(Field.PROCESS_NAME, Values.basename(e.string(Field.PROCESS_EXECUTABLE)));
    }
    if (!e.has(Field.PARENT_NAME) && e.has(Field.PARENT_EXECUTABLE)) {
      e.set(Field.PARENT_NAME, Values.basename(e.string(Field.PARENT_EXECUTABLE)));
    }
  }

  /** Sets a schema field from a source value, typed as the field is; a value it cannot take is kept raw. */
  static void put(Field f, Object value, Event e) {
    if (value instanceof List<?> list) {
      for (Object v : list) {
        Object converted = convert(f, v);
        if (f.multiValued()) {
          e.add(f, converted);
        } else if (converted != null) {
          e.setIfAbsent(f, converted);
        }
      }
      return;
    }
    Object converted = convert(f, value);
    if (converted == null) {
      String text = Values.text(value);
      if (text != null && !text.isEmpty()) {
        e.raw(f.fieldName(), text);
      }
    } else if (f.multiValued()) {
      e.add(f, converted);
    } else {
      e.set(f, converted);
    }
  }

  private static Object convert(Field f, Object v) {
    return switch (f.kind()) {
      case TIME -> Ticks.parse(v);
      case LONG -> Values.integer(v);
      case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(Values.text(v));
      default -> Values.text(v);
    };
  }
}
