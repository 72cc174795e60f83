package org.huntindex.source.evtx;

import java.util.Arrays;

/**
 * The one template instance of a slack record whose template was lost and none of its chunk fitted, its values kept
 * without names: the template id and the path where the instance sits, the definition offset it named and what became
 * of that definition, and its value table's types and decoded values (null where a value is null or empty).
 */
record Unnamed(CompiledTemplate.Key key, int definition, String fate, int[] types, Object[] values) {

  /** Null when a value is embedded BinXML, which only its own template could place. */
  static Unnamed of(CompiledTemplate.Key key, int definition, String fate, int[] types, int count, Object[] values) {
    return values == null ? null : new Unnamed(key, definition, fate, Arrays.copyOf(types, count), values);
  }
}
