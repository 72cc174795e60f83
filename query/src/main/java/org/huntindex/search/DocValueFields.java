package org.huntindex.search;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.huntindex.schema.Field;

/** The schema fields with doc values: the ones a search can sort by, and count by without reading stored values. */
final class DocValueFields {
  private DocValueFields() {}

  static String names() {
    return Arrays.stream(Field.values()).filter(f -> f.has(Field.Flag.DOC_VALUES)).map(Field::fieldName)
        .collect(Collectors.joining(", "));
  }
}
