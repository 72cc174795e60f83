package org.huntindex.plan;

import java.util.List;
import org.huntindex.schema.Field;

/**
 * A per-event check for what a {@link Condition} cannot express exactly, evaluated only on the candidates the
 * condition selected. Data, like conditions: every executor evaluates the same definitions.
 */
public sealed interface Residual {

  /** Kusto {@code field has_any (needles)}: whole-term, ASCII case-insensitive (HUNTS.md A.3 step 2). */
  record KustoHasAny(Field field, List<String> needles) implements Residual {
    public KustoHasAny {
      needles = List.copyOf(needles);
    }
  }
}
