package org.huntindex.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * A condition on schema fields that an index answers by itself, exactly or as a candidate superset that a
 * {@link Residual} then confirms.
 *
 * <p>Conditions are data: an executor compiles them to its own query language (Lucene queries locally, Query DSL on a
 * cluster). {@link Not} follows Query DSL {@code must_not}: an event without the field passes the negation, as EQL's
 * {@code not} does. Build them with the static factories, which check the field can answer the condition.
 */
public sealed interface Condition {

  /**
   * Exact, case-sensitive equality of a keyword or boolean (EQL {@code ==}): any value of a multi-valued field may
   * match.
   */
  record Equals(Field field, String value) implements Condition {}

  /** Equality of an integer field (KQL {@code EventID == 4688}). */
  record EqualsNumber(Field field, long value) implements Condition {}

  /**
   * ASCII case-insensitive equality to any of the patterns (EQL {@code :}); {@code *} and {@code ?} are wildcards.
   */
  record EqualsIgnoreCase(Field field, List<String> patterns) implements Condition {}


  /** The field has a value. */
  record Exists(Field field) implements Condition {}

  /** A value of the time or integer field lies from {@code from} to {@code to}, both included (ticks for a time). */
  record InRange(Field field, long from, long to) implements Condition {}

  /** An address of the IP field lies in one of the CIDR blocks (EQL {@code cidrmatch}); IPv4 matches IPv4-mapped. */
  record InCidrs(Field field, List<String> cidrs) implements Condition {}

  /** Every condition holds; nested conjunctions are taken apart, so one query clause stands for each conjunct. */
  record All(List<Condition> conditions) implements Condition {
    public All {
      List<Condition> flat = new ArrayList<>(conditions.size());
      for (Condition c : conditions) {
        if (c instanceof All all) {
          flat.addAll(all.conditions());
        } else {
          flat.add(Objects.requireNonNull(c));
        }
      }
      conditions = List.copyOf(flat);
    }
  }

  /** The condition does not hold, an event without the field included ({@code must_not}). */
  record Not(Condition condition) implements Condition {}

  static Condition equalsTo(Field field, String value) {
    if (field.kind() != FieldKind.BOOLEAN) {
      require(field, FieldKind.KEYWORD);
    }
    return new Equals(field, Objects.requireNonNull(value));
  }

  static Condition equalsTo(Field field, long value) {
    if (field.kind() != FieldKind.LONG) {
      throw new IllegalArgumentException(field.fieldName() + " is " + field.kind() + ", not an integer field");
    }
    return new EqualsNumber(field, value);
  }

  static Condition equalsIgnoreCase(Field field, List<String> patterns) {
    require(field, FieldKind.KEYWORD);
    return new EqualsIgnoreCase(field, nonEmpty(patterns, "patterns"));
  }


  static Condition exists(Field field) {
    return new Exists(field);
  }

  static Condition inRange(Field field, long from, long to) {
    if (field.kind() != FieldKind.TIME && field.kind() != FieldKind.LONG) {
      throw new IllegalArgumentException(field.fieldName() + " is " + field.kind() + ", not a time or integer field");
    }
    return new InRange(field, from, to);
  }

  static Condition inCidrs(Field field, List<String> cidrs) {
    require(field, FieldKind.IP);
    return new InCidrs(field, nonEmpty(cidrs, "CIDR blocks"));
  }

  /** Events carved from EVTX slack space are left out: the original engines never saw them. */
  static Condition live() {
    return not(new Equals(Field.RECOVERED, "true"));
  }

  static Condition all(Condition... conditions) {
    return new All(List.of(conditions));
  }

  static Condition not(Condition condition) {
    return new Not(condition);
  }

  private static void require(Field field, FieldKind kind) {
    if (field.kind() != kind) {
      throw new IllegalArgumentException(field.fieldName() + " is " + field.kind() + ", not " + kind);
    }
  }

  private static List<String> nonEmpty(List<String> values, String what) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("at least one of the " + what + " is needed");
    }
    return List.copyOf(values);
  }
}
