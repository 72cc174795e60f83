package org.huntindex.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.huntindex.exec.EvidenceLocation;
import org.huntindex.index.RawFields;
import org.huntindex.normalize.SourceNames;
import org.huntindex.normalize.Ticks;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * One matching event as stored: schema fields in schema order (times as ISO-8601 UTC), raw source fields by name,
 * and where in the evidence it was read.
 */
public final class Hit {
  private final Map<String, List<Object>> fields = new LinkedHashMap<>();
  private final Map<String, List<Object>> raw = new LinkedHashMap<>();

  static Hit of(Document doc) {
    Hit hit = new Hit();
    Map<String, List<IndexableField>> byName = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      byName.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f);
    }
    for (Field f : Field.values()) {
      List<IndexableField> stored = byName.get(f.fieldName());
      if (stored == null) {
        continue;
      }
      for (IndexableField s : stored) {
        if (f == Field.RAW) {
          for (Map.Entry<String, String> pair : RawFields.decode(s.binaryValue())) {
            hit.raw.computeIfAbsent(pair.getKey(), n -> new ArrayList<>()).add(pair.getValue());
          }
        } else {
          hit.fields.computeIfAbsent(f.fieldName(), n -> new ArrayList<>()).add(value(f, s));
        }
      }
    }
    return hit;
  }

  private static Object value(Field f, IndexableField s) {
    Number n = s.numericValue();
    if (n == null) {
      return s.stringValue();
    }
    return f.kind() == FieldKind.TIME ? Ticks.format7(n.longValue()) : (Object) n.longValue();
  }

  /** Schema fields present on this event, in schema order. */
  public Map<String, List<Object>> fields() {
    return fields;
  }

  /** Raw source fields, by their source name. */
  public Map<String, List<Object>> raw() {
    return raw;
  }

  /**
   * A schema or raw field's values, or for a Windows field name whose value normalization moved into the schema, that
   * schema field's values; empty when the event has none.
   */
  public List<Object> get(String name) {
    List<Object> v = fields.get(name);
    if (v == null) {
      v = raw.get(name);
    }
    if (v == null) {
      v = moved(name);
    }
    return v == null ? List.of() : v;
  }

  /** The schema field's values, as Windows writes them by that name: {@code NewProcessId} 0x1ecc, not 7884. */
  private List<Object> moved(String name) {
    String channel = first(Field.WINLOG_CHANNEL, null) instanceof Object c ? c.toString() : null;
    Long code = first(Field.EVENT_CODE, null) instanceof Long l ? l : null;
    for (SourceNames.Alias a : SourceNames.of(name)) {
      List<Object> v = fields.get(a.field().fieldName());
      if (v != null && a.covers(channel, code)) {
        return SourceNames.writtenInHex(name, channel, code)
            ? v.stream().map(n -> n instanceof Long l ? (Object) ("0x" + Long.toHexString(l)) : n).toList() : v;
      }
    }
    return null;
  }

  /** Where the event came from, per {@link EvidenceLocation}. */
  public String evidence() {
    return EvidenceLocation.of(first(Field.LOG_FILE_PATH, "?"), first(Field.LOG_FILE_LINE, null),
        first(Field.WINLOG_RECORD_ID, null), fields.containsKey(Field.RECOVERED.fieldName()));
  }

  private Object first(Field field, Object absent) {
    List<Object> values = fields.get(field.fieldName());
    return values == null ? absent : values.getFirst();
  }
}
