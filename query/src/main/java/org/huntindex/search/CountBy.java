package org.huntindex.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.huntindex.extract.IpAddresses;
import org.huntindex.index.StoredValues;
import org.huntindex.normalize.SourceNames;
import org.huntindex.normalize.Ticks;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * Counts the hits of a query per value of one field: a schema field's from doc values, another name's from stored
 * values. A multi-valued field counts each of an event's values once, so the counts may add up to more than the hits.
 *
 * @param counts values with their counts, most frequent first, ties by value
 * @param hits events that matched
 * @param missing matching events without a value
 */
public record CountBy(List<Count> counts, long hits, long missing) {
  /** One value and how many matching events have it. */
  public record Count(String value, long count) {}

  /** Counts by a schema field: from its doc values, or from stored values when it has none ({@code event.provider}). */
  public static CountBy run(IndexSearcher searcher, Query query, Field field) throws IOException {
    if (!field.has(Field.Flag.DOC_VALUES)) {
      Set<String> needed = Set.of(field.fieldName());
      return count(searcher, query, () -> new StoredTally(field.fieldName(), needed));
    }
    return count(searcher, query, () -> new Tally(field));
  }

  /**
   * Counts the hits per value of a name outside the schema, a raw field ({@code TargetUserName}) or a Windows name
   * whose value normalization moved ({@code CommandLine}), as {@code --fields} shows it: from each hit's stored values,
   * so slower than a count from doc values.
   */
  public static CountBy ofStored(IndexSearcher searcher, Query query, String name) throws IOException {
    Set<String> needed = new HashSet<>(List.of(Field.RAW.fieldName(), Field.WINLOG_CHANNEL.fieldName(),
        Field.EVENT_CODE.fieldName()));
    SourceNames.of(name).forEach(a -> needed.add(a.field().fieldName()));
    return count(searcher, query, () -> new StoredTally(name, needed));
  }

  private static <T extends Counts> CountBy count(IndexSearcher searcher, Query query, Supplier<T> counts)
      throws IOException {
    Counts total = searcher.search(query, new CollectorManager<T, Counts>() {
      @Override
      public T newCollector() {
        return counts.get();
      }

      @Override
      public Counts reduce(Collection<T> parts) {
        Counts all = counts.get();
        for (T part : parts) {
          part.counts.forEach((k, v) -> all.counts.merge(k, v, Long::sum));
          all.hits += part.hits;
          all.missing += part.missing;
        }
        return all;
      }
    });
    return of(total.counts, total.hits, total.missing);
  }

  /** A collector's counts per value, hits and hits without a value. */
  private abstract static class Counts extends SimpleCollector {
    final Map<String, Long> counts = new HashMap<>();
    long hits;
    long missing;

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private static CountBy of(Map<String, Long> tally, long hits, long missing) {
    List<Count> counts = new ArrayList<>(tally.size());
    tally.forEach((k, v) -> counts.add(new Count(k, v)));
    counts.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value));
    return new CountBy(counts, hits, missing);
  }

  /** Each hit's distinct values of one name, from its stored values. */
  private static final class StoredTally extends Counts {
    private final String name;
    private final Set<String> needed;
    private StoredFields stored;

    StoredTally(String name, Set<String> needed) {
      this.name = name;
      this.needed = needed;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
      stored = leaf.reader().storedFields();
    }

    @Override
    public void collect(int doc) throws IOException {
      hits++;
      List<Object> values = Hit.of(StoredValues.document(stored, doc, needed)).get(name);
      if (values.isEmpty()) {
        missing++;
      }
      values.stream().map(String::valueOf).distinct().forEach(v -> counts.merge(v, 1L, Long::sum));
    }
  }

  /** Per-segment ordinal counts for sorted-set fields, per-value counts for numbers; merged by value. */
  private static final class Tally extends Counts {
    private final Field field;
    private SortedSetDocValues terms;
    private long[] ordCounts;
    private SortedNumericDocValues numbers;

    Tally(Field field) {
      this.field = field;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
      flush();
      if (field.kind() == FieldKind.LONG || field.kind() == FieldKind.TIME) {
        numbers = DocValues.getSortedNumeric(leaf.reader(), field.fieldName());
      } else {
        terms = DocValues.getSortedSet(leaf.reader(), field.fieldName());
        ordCounts = new long[Math.toIntExact(terms.getValueCount())];
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      hits++;
      if (terms != null) {
        if (terms.advanceExact(doc)) {
          for (int i = 0; i < terms.docValueCount(); i++) {
            ordCounts[(int) terms.nextOrd()]++;
          }
        } else {
          missing++;
        }
      } else if (numbers.advanceExact(doc)) {
        for (int i = 0; i < numbers.docValueCount(); i++) {
          counts.merge(number(numbers.nextValue()), 1L, Long::sum);
        }
      } else {
        missing++;
      }
    }

    @Override
    public void finish() throws IOException {
      flush();
    }

    private void flush() throws IOException {
      if (terms == null) {
        return;
      }
      for (int ord = 0; ord < ordCounts.length; ord++) {
        if (ordCounts[ord] > 0) {
          counts.merge(term(terms.lookupOrd(ord)), ordCounts[ord], Long::sum);
        }
      }
      terms = null;
    }

    private String term(BytesRef b) {
      if (field.kind() == FieldKind.IP) {
        byte[] bytes = new byte[b.length];
        System.arraycopy(b.bytes, b.offset, bytes, 0, b.length);
        return IpAddresses.format(bytes);
      }
      return b.utf8ToString();
    }

    private String number(long v) {
      return field.kind() == FieldKind.TIME ? Ticks.format7(v) : Long.toString(v);
    }
  }
}
