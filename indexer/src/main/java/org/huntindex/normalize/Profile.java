package org.huntindex.normalize;

import java.util.List;
import java.util.function.BiConsumer;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * Maps the fields of one kind of Windows event (Security 4688, Sysmon 3, ...) onto the event schema: first the source
 * fields whose value a schema field takes unchanged, then what takes more than a copy (names from paths, numbers,
 * codes to words).
 *
 * @param copies source field name to schema field, applied in order
 * @param rest the rest of the mapping, run after the copies
 */
record Profile(List<Copy> copies, BiConsumer<WindowsRecord, Event> rest) {

  /**
   * A source field whose value, as the record holds it, becomes the schema field's value; a number field takes the
   * number the source writes, decimal or hexadecimal ({@code DestinationPort} 445, {@code NewProcessId} 0x1ecc).
   *
   * @param hex whether Windows writes the source field in hexadecimal, as {@code 0x1ecc} (its manifest's {@code
   *     HexInt64}), which is how the field is shown by its Windows name
   */
  record Copy(String source, Field field, boolean hex) {}

  /** Applies the copies, then the rest; a value a number field cannot read stays a raw field, as the source wrote it. */
  void apply(WindowsRecord w, Event e) {
    for (Copy c : copies) {
      String value = w.take(c.source());
      Object typed = c.field().kind() == FieldKind.LONG ? Values.integer(value) : value;
      if (typed != null) {
        e.set(c.field(), typed);
      } else {
        w.put(c.source(), value);
      }
    }
    rest.accept(w, e);
  }
}
