package org.huntindex.source.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huntindex.source.RawRecord;

/**
 * The templates one file's live records used, chunk by chunk, to name the values of its slack records whose own
 * template was lost and whose chunk held no other template of that id: Windows writes the same template into every
 * chunk that holds its event, so another chunk's may fit. A template is used only when it sits at the same path and
 * the record's values fit it exactly (as many, each of the declared type or null), as for one borrowed within the
 * chunk.
 */
final class FileTemplates {
  /** Templates kept per id and path, and their fields in all: a hostile file may define thousands per chunk. */
  static final int MAX_SAME_KEY = 4;
  static final int MAX_FIELDS = 1 << 20;

  private record Known(CompiledTemplate template, long chunk) {}

  private final Map<CompiledTemplate.Key, List<Known>> byKey = new HashMap<>();
  private int fields;

  void add(long chunk, Map<CompiledTemplate.Key, List<CompiledTemplate>> templates) {
    templates.forEach((key, list) -> {
      for (CompiledTemplate t : list) {
        List<Known> known = byKey.get(key);
        if (fields + t.size() <= MAX_FIELDS && (known == null || known.size() < MAX_SAME_KEY
            && known.stream().noneMatch(k -> sameFields(k.template(), t)))) {
          byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Known(t, chunk));
          fields += t.size();
        }
      }
    });
  }

  /** The record with its unnamed values named by a fitting template of the file; the record itself when none fits. */
  RawRecord name(RawRecord record, Unnamed unnamed) {
    for (Known known : byKey.getOrDefault(unnamed.key(), List.of())) {
      if (known.template().fits(unnamed.types(), unnamed.types().length)) {
        return named(record, unnamed, known);
      }
    }
    return record;
  }

  /** The record's fields with its {@code Recovery.Value}s replaced, where they stood, by the template's fields. */
  private static RawRecord named(RawRecord record, Unnamed unnamed, Known known) {
    CompiledTemplate t = known.template();
    RawRecord out = new RawRecord(record.format(), record.location(), record.position(), record.size() + t.size());
    boolean placed = false;
    for (int i = 0; i < record.size(); i++) {
      String name = record.name(i);
      if (name.equals(FieldKeys.RECOVERY_VALUE) || name.equals(FieldKeys.RECOVERY_TEMPLATE)) {
        if (!placed && name.equals(FieldKeys.RECOVERY_VALUE)) {
          emit(t, unnamed, out);
          placed = true;
        }
      } else if (!name.equals(FieldKeys.RECOVERY_WRITTEN)) {
        out.add(name, record.value(i));
      }
    }
    if (!placed) {
      emit(t, unnamed, out);
    }
    if (out.get(FieldKeys.TIME_CREATED) == null && record.get(FieldKeys.RECOVERY_WRITTEN) != null) {
      out.add(FieldKeys.RECOVERY_WRITTEN, record.get(FieldKeys.RECOVERY_WRITTEN));
    }
    out.add(FieldKeys.RECOVERY_TEMPLATE, "definition at 0x" + Integer.toHexString(unnamed.definition()) + " "
        + unnamed.fate() + "; used the template 0x" + Integer.toHexString(unnamed.key().id()) + " of chunk "
        + known.chunk());
    return out.recovered(true).checksumOk(record.checksumOk());
  }

  private static void emit(CompiledTemplate t, Unnamed unnamed, RawRecord out) {
    for (int i = 0; i < t.size(); i++) {
      Object value = t.slots[i] == CompiledTemplate.STATIC ? t.statics[i] : unnamed.values()[t.slots[i]];
      if (value != null) {
        out.add(t.keys[i], value);
      }
    }
  }

  private static boolean sameFields(CompiledTemplate a, CompiledTemplate b) {
    return a == b || Arrays.equals(a.keys, b.keys) && Arrays.equals(a.slots, b.slots) && Arrays.equals(a.types, b.types)
        && Arrays.equals(a.statics, b.statics);
  }
}
