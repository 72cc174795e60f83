package org.huntindex.source.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * A BinXML token stream flattened once into fields: each is a key with either a static value (literal text in the
 * template) or the index of the substitution value that fills it per record.
 */
final class CompiledTemplate {
  static final int STATIC = -1;

  final String[] keys;
  final Object[] statics;
  /** Substitution index per field, or {@link #STATIC}. */
  final int[] slots;
  /** The value type each slot's substitution declares (0 for a static field). */
  final int[] types;
  /** Where each slot sits, for an embedded BinXML value that continues the path. */
  final Context[] contexts;
  /** Offset just past the compiled stream. */
  final int end;

  private CompiledTemplate(Builder b, int end) {
    int n = b.keys.size();
    this.keys = b.keys.toArray(new String[n]);
    this.statics = b.statics.toArray();
    this.slots = b.slots.stream().mapToInt(Integer::intValue).toArray();
    this.types = b.types.stream().mapToInt(Integer::intValue).toArray();
    this.contexts = b.contexts.toArray(new Context[n]);
    this.end = end;
  }

  int size() {
    return keys.length;
  }

  /**
   * Whether a value table of these types holds exactly the values this template substitutes: as many, each of the
   * type its substitution declares or null. A declared size_t may hold a hex integer: live records do that.
   */
  boolean fits(int[] valueTypes, int count) {
    int max = -1;
    for (int i = 0; i < size(); i++) {
      int slot = slots[i];
      if (slot == STATIC) {
        continue;
      }
      if (slot >= count) {
        return false;
      }
      max = Math.max(max, slot);
      int type = valueTypes[slot];
      int declared = types[i];
      if (type != declared && type != ValueReader.NULL
          && !(declared == ValueReader.SIZE_T && (type == ValueReader.HEX32 || type == ValueReader.HEX64))) {
        return false;
      }
    }
    return count == max + 1;
  }

  /** A template id where an instance of it sits: templates of one id compiled under other paths differ. */
  record Key(Context context, int id) {}

  /** An element path where decoding continues: the names from the root and the EventData Data name, if any. */
  record Context(List<String> path, String dataName) {
    static final Context ROOT = new Context(List.of(), null);
  }

  /** Collects fields while a stream is walked. */
  static final class Builder {
    private final List<String> keys = new ArrayList<>();
    private final List<Object> statics = new ArrayList<>();
    private final List<Integer> slots = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private final List<Context> contexts = new ArrayList<>();

    void literal(String key, Object value) {
      keys.add(key);
      statics.add(value);
      slots.add(STATIC);
      types.add(0);
      contexts.add(null);
    }

    void slot(String key, int index, int type, Context context) {
      keys.add(key);
      statics.add(null);
      slots.add(index);
      types.add(type);
      contexts.add(context);
    }

    int size() {
      return keys.size();
    }

    CompiledTemplate build(int end) {
      return new CompiledTemplate(this, end);
    }
  }
}
