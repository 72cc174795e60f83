package org.huntindex.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/** A hit order read from doc values: {@code @timestamp} (oldest first), {@code -@timestamp}, or any doc-values field. */
public final class SearchSort {
  private SearchSort() {}

  /** {@code [-]FIELD}; ties are broken by evidence order ({@code event.sequence}) in the same direction. */
  public static Sort parse(String spec) {
    boolean reverse = spec.startsWith("-");
    String name = reverse || spec.startsWith("+") ? spec.substring(1) : spec;
    Field f = Field.byName(name);
    if (f == null || !f.has(Field.Flag.DOC_VALUES)) {
      throw new BadQueryException("cannot sort by '" + name + "': sort fields need doc values ("
          + DocValueFields.names() + ")", -1);
    }
    return new Sort(of(f, reverse), of(Field.EVENT_SEQUENCE, reverse));
  }

  private static SortField of(Field f, boolean reverse) {
    if (f.kind() == FieldKind.LONG || f.kind() == FieldKind.TIME) {
      long missing = reverse ? Long.MIN_VALUE : Long.MAX_VALUE;
      return f.multiValued()
          ? new SortedNumericSortField(f.fieldName(), SortField.Type.LONG, reverse, SortedNumericSelector.Type.MIN,
              missing)
          : new SortField(f.fieldName(), SortField.Type.LONG, reverse, missing);
    }
    return new SortedSetSortField(f.fieldName(), reverse, SortedSetSelector.Type.MIN,
        reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
  }
}
