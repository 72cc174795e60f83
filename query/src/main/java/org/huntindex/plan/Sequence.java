package org.huntindex.plan;

import java.util.List;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * EQL {@code sequence by key [stage] [stage] ...}: per key value, events in time order walk the stages; a pending
 * sequence waits in each state, a newer one overwrites an older one in the same state (HUNTS.md B.4.3). Events without
 * the key never take part; there is no maxspan and no until.
 *
 * @param by the join key: a keyword with a 64-bit hash in doc values
 * @param stages the stage filters, in order; an event may match several
 * @param time the ordering field, compared truncated to milliseconds (EQL's {@code date} resolution)
 * @param tiebreak orders events with equal milliseconds (evidence order)
 * @param show the fields printed for each event of a result
 */
public record Sequence(Field by, List<Filter> stages, Field time, Field tiebreak, List<Field> show) {
  public Sequence {
    if (by.kind() != FieldKind.KEYWORD || !by.has(Field.Flag.HASHED)) {
      throw new IllegalArgumentException(by.fieldName() + " cannot be a join key: it needs Flag.HASHED");
    }
    if (stages.size() < 2) {
      throw new IllegalArgumentException("a sequence needs at least two stages, not " + stages.size());
    }
    for (Field f : List.of(time, tiebreak)) {
      if (!f.has(Field.Flag.DOC_VALUES) || (f.kind() != FieldKind.TIME && f.kind() != FieldKind.LONG)) {
        throw new IllegalArgumentException(f.fieldName() + " cannot order a sequence: no numeric doc values");
      }
    }
    stages = List.copyOf(stages);
    show = List.copyOf(show);
  }
}
