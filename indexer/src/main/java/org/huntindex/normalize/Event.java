package org.huntindex.normalize;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * One normalized evidence record: schema fields with typed values, the raw fields outside the schema, and provenance.
 *
 * <p>Values by kind: {@link FieldKind#KEYWORD} and {@link FieldKind#TEXT} hold {@link String}s, {@link FieldKind#LONG}
 * and {@link FieldKind#TIME} hold {@link Long}s (TIME in 100-ns ticks since the Unix epoch), {@link FieldKind#IP} holds
 * address strings, {@link FieldKind#BOOLEAN} holds {@link Boolean}s. A multi-valued field holds a list.
 */
public final class Event {
  private static final int FIELDS = Field.values().length;

  private final Object[] values = new Object[FIELDS];
  private final List<String> rawNames = new ArrayList<>();
  private final List<String> rawValues = new ArrayList<>();

  /** Sets a single value, replacing any; null and empty strings clear the field. */
  public Event set(Field field, Object value) {
    if (value instanceof String s && s.isEmpty()) {
      value = null;
    }
    values[field.ordinal()] = value;
    return this;
  }

  /** Sets a value only when the field has none yet. */
  public Event setIfAbsent(Field field, Object value) {
    if (values[field.ordinal()] == null) {
      set(field, value);
    }
    return this;
  }

  /** Adds a value to a multi-valued field; duplicates are kept once. */
  @SuppressWarnings("unchecked")
  public Event add(Field field, Object value) {
    if (!field.multiValued()) {
      throw new IllegalArgumentException(field.fieldName() + " holds one value");
    }
    if (value == null || (value instanceof String s && s.isEmpty())) {
      return this;
    }
    Object current = values[field.ordinal()];
    if (current == null) {
      List<Object> list = new ArrayList<>(2);
      list.add(value);
      values[field.ordinal()] = list;
    } else if (current instanceof List<?> list) {
      if (!list.contains(value)) {
        ((List<Object>) list).add(value);
      }
    } else if (!current.equals(value)) {
      List<Object> list = new ArrayList<>(2);
      list.add(current);
      list.add(value);
      values[field.ordinal()] = list;
    }
    return this;
  }

  public Object get(Field field) {
    return values[field.ordinal()];
  }

  public boolean has(Field field) {
    return values[field.ordinal()] != null;
  }

  /** The value as a string, the first one of a list, or null. */
  public String string(Field field) {
    Object v = values[field.ordinal()];
    if (v instanceof List<?> list) {
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return v == null ? null : v.toString();
  }

  /** The value as a long, or null. */
  public Long number(Field field) {
    Object v = values[field.ordinal()];
    return v instanceof Long l ? l : null;
  }

  /** The raw slot: null, a single value, or a list of values. */
  public Object slot(Field field) {
    return values[field.ordinal()];
  }

  /** Every value of the field, in order; empty when absent. */
  public List<Object> all(Field field) {
    Object v = values[field.ordinal()];
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return List.copyOf(list);
    }
    return List.of(v);
  }

  /** Keeps a source field that the schema has no place for. */
  public Event raw(String name, String value) {
    rawNames.add(name);
    rawValues.add(value);
    return this;
  }

  public int rawSize() {
    return rawNames.size();
  }

  public String rawName(int i) {
    return rawNames.get(i);
  }

  public String rawValue(int i) {
    return rawValues.get(i);
  }
}
