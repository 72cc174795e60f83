package org.huntindex.plan;

import java.util.ArrayList;
import java.util.List;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * KQL {@code summarize ... by ...}, then {@code sort} and {@code project-reorder}: groups events by keys, computes
 * measures per group, orders the groups and names the output columns.
 *
 * @param by the group keys; a missing string value groups as {@code ""} (Kusto strings have no null)
 * @param measures what each group computes
 * @param order how groups are sorted; later keys break ties of earlier ones
 * @param columns output columns in order; every key and measure name must appear
 */
public record Aggregate(List<Key> by, List<Measure> measures, List<Order> order, List<String> columns) {
  public Aggregate {
    by = List.copyOf(by);
    measures = List.copyOf(measures);
    order = List.copyOf(order);
    columns = List.copyOf(columns);
    List<String> names = new ArrayList<>();
    by.forEach(k -> names.add(k.name()));
    measures.forEach(m -> names.add(m.name()));
    if (!names.containsAll(columns) || !columns.containsAll(names)) {
      throw new IllegalArgumentException("columns " + columns + " must be exactly the keys and measures " + names);
    }
    for (Order o : order) {
      if (!names.contains(o.column())) {
        throw new IllegalArgumentException("cannot sort by unknown column " + o.column());
      }
    }
  }

  /** A group key. */
  public sealed interface Key {
    String name();
  }

  /** The extracted value. */
  public record ExtractedKey(String name) implements Key {}

  /**
   * A field's value: a keyword with doc values, or a text field grouped by its 64-bit hash ({@link Field.Flag#HASHED})
   * and shown as stored.
   */
  public record FieldKey(Field field, String name) implements Key {
    public FieldKey {
      boolean keyword = field.kind() == FieldKind.KEYWORD && field.has(Field.Flag.DOC_VALUES);
      boolean hashedText = field.kind() == FieldKind.TEXT && field.has(Field.Flag.HASHED);
      if (!keyword && !hashedText) {
        throw new IllegalArgumentException(field.fieldName() + " cannot be a group key: no doc values or hash");
      }
    }
  }

  /** A per-group computation. */
  public sealed interface Measure {
    String name();
  }

  /** KQL {@code min(time)}, printed with {@code fractionDigits} digits. */
  public record Earliest(Field field, String name, int fractionDigits) implements Measure {}

  /** KQL {@code max(time)}, printed with {@code fractionDigits} digits. */
  public record Latest(Field field, String name, int fractionDigits) implements Measure {}

  /**
   * KQL {@code makeset(field, cap)}: the distinct values (exact, case-sensitive), at most {@code cap} of them, those met
   * first in evidence order (Kusto leaves which unspecified); a missing value counts as {@code ""}.
   */
  public record DistinctSet(Field field, String name, int cap) implements Measure {
    public DistinctSet {
      if (cap < 1) {
        throw new IllegalArgumentException("a set cap must be at least 1, not " + cap);
      }
    }
  }

  /** KQL {@code array_length(set)} of another measure. */
  public record SetSize(String of, String name) implements Measure {}

  /** Where the group's events came from ({@code log.file.path} with line or record id), at most {@code cap}. */
  public record Evidence(String name, int cap) implements Measure {}

  /** One sort key: a column, ascending unless {@code descending}. */
  public record Order(String column, boolean descending) {}
}
