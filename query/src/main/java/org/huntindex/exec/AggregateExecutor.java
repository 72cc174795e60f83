package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.huntindex.index.StoredValues;
import org.huntindex.plan.Aggregate;
import org.huntindex.plan.Limit;
import org.huntindex.plan.Plan;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * Runs filter → extract → aggregate over doc values: group keys, time bounds and distinct sets are read from doc
 * values per candidate; stored documents are read only for hashed text keys (one representative per group) and for
 * the evidence of the rows printed.
 */
final class AggregateExecutor {
  private final IndexSearcher searcher;

  AggregateExecutor(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  List<Map<String, Object>> run(Plan.Aggregation plan) throws IOException {
    Aggregate agg = plan.aggregate();
    ValueTests tests = new ValueTests(plan.extract().keep());
    List<Aggregate.DistinctSet> sets = new ArrayList<>();
    int evidenceCap = 0;
    for (Aggregate.Measure m : agg.measures()) {
      if (m instanceof Aggregate.DistinctSet s) {
        sets.add(s);
      } else if (m instanceof Aggregate.Evidence e) {
        evidenceCap = e.cap();
      }
    }
    Field timeField = timeField(agg);
    int evidence = evidenceCap;
    int[] caps = sets.stream().mapToInt(Aggregate.DistinctSet::cap).toArray();
    Map<GroupKey, Group> groups = new HashMap<>();
    FilterQuery filter = FilterQuery.of(searcher.getIndexReader(), plan.filter());
    Query query = filter.query();
    Query pushed = ExtractPushdown.of(searcher.getIndexReader(), plan.extract(), tests);
    if (pushed != null) {
      query = new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER)
          .add(pushed, BooleanClause.Occur.FILTER).build();
    }
    Hits.visit(searcher, query, context -> {
      LeafReader reader = context.reader();
      int base = context.docBase;
      ResidualCheck residual = new ResidualCheck(reader, filter.residuals());
      LeafExtract extract = LeafExtract.of(reader, plan.extract(), tests);
      KeyReader[] keys = keyReaders(reader, agg.by());
      LeafStrings[] setValues = new LeafStrings[sets.size()];
      for (int i = 0; i < setValues.length; i++) {
        setValues[i] = new LeafStrings(reader, sets.get(i).field());
      }
      NumericDocValues times = timeField == null ? null : DocValues.getNumeric(reader, timeField.fieldName());
      NumericDocValues order = DocValues.getNumeric(reader, Field.EVENT_SEQUENCE.fieldName());
      List<String> values = new ArrayList<>(2);
      return doc -> {
        if (!residual.test(doc)) {
          return;
        }
        values.clear();
        extract.values(doc, values);
        if (values.isEmpty()) {
          return;
        }
        boolean timed = times != null && times.advanceExact(doc);
        long seq = order.advanceExact(doc) ? order.longValue() : (1L << 62) + base + doc;
        for (String value : values) {
          Object[] parts = new Object[keys.length];
          for (int k = 0; k < keys.length; k++) {
            parts[k] = keys[k] == null ? value : keys[k].read(doc);
          }
          Group g = groups.computeIfAbsent(new GroupKey(parts), x -> new Group(base + doc, caps));
          if (timed) {
            g.time(times.longValue());
          }
          for (int i = 0; i < setValues.length; i++) {
            if (g.sets[i].open(seq)) {
              g.add(i, setValues[i].first(doc, ""), seq);
            }
          }
          if (evidence > 0) {
            g.evidence(seq, base + doc, evidence);
          }
        }
      };
    });
    return rows(agg, sets, groups, plan.limit());
  }

  private List<Map<String, Object>> rows(Aggregate agg, List<Aggregate.DistinctSet> sets, Map<GroupKey, Group> groups,
      Limit limit) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Map<String, Object>> rows = new ArrayList<>(groups.size());
    List<Group> order = new ArrayList<>(groups.size());
    for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      Map<String, Object> values = new HashMap<>();
      List<Aggregate.Key> by = agg.by();
      for (int k = 0; k < by.size(); k++) {
        Object part = e.getKey().parts()[k];
        values.put(by.get(k).name(), part instanceof Long ? storedText(stored, g.representative, by.get(k)) : part);
      }
      for (Aggregate.Measure m : agg.measures()) {
        switch (m) {
          case Aggregate.Earliest t -> values.put(t.name(), g.earliest == Long.MAX_VALUE ? null
              : TimeText.format(g.earliest, t.fractionDigits()));
          case Aggregate.Latest t -> values.put(t.name(), g.latest == Long.MIN_VALUE ? null
              : TimeText.format(g.latest, t.fractionDigits()));
          case Aggregate.DistinctSet s -> values.put(s.name(), g.sets[sets.indexOf(s)].sorted());
          case Aggregate.SetSize s -> values.put(s.name(), null);
          case Aggregate.Evidence ev -> values.put(ev.name(), null);
        }
      }
      for (Aggregate.Measure m : agg.measures()) {
        if (m instanceof Aggregate.SetSize s) {
          values.put(s.name(), (long) ((List<?>) values.get(s.of())).size());
        }
      }
      values.put(GROUP, order.size());
      order.add(g);
      rows.add(values);
    }
    rows.sort(comparator(agg.order()));
    rows = limited(rows, limit);
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> values : rows) {
      Group g = order.get((Integer) values.get(GROUP));
      Map<String, Object> row = new LinkedHashMap<>();
      for (String column : agg.columns()) {
        row.put(column, values.get(column));
      }
      for (Aggregate.Measure m : agg.measures()) {
        if (m instanceof Aggregate.Evidence ev) {
          List<String> where = new ArrayList<>(g.evidence().length);
          for (int doc : g.evidence()) {
            where.add(EvidenceLocation.location(searcher.getIndexReader(), doc));
          }
          row.put(ev.name(), where);
        }
      }
      out.add(row);
    }
    return out;
  }

  private static final String GROUP = "\u0000group";

  static <T> List<T> limited(List<T> rows, Limit limit) {
    if (rows.size() <= limit.n()) {
      return rows;
    }
    return limit.tail() ? rows.subList(rows.size() - limit.n(), rows.size()) : rows.subList(0, limit.n());
  }

  private static Comparator<Map<String, Object>> comparator(List<Aggregate.Order> order) {
    Comparator<Map<String, Object>> c = (a, b) -> 0;
    for (Aggregate.Order o : order) {
      Comparator<Map<String, Object>> one = (a, b) -> compare(a.get(o.column()), b.get(o.column()));
      c = c.thenComparing(o.descending() ? one.reversed() : one);
    }
    return c;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    if (a instanceof List || b instanceof List) {
      return a.toString().compareTo(b.toString());
    }
    return ((Comparable) a).compareTo(b);
  }

  private static String storedText(StoredFields stored, int doc, Aggregate.Key key) throws IOException {
    String name = ((Aggregate.FieldKey) key).field().fieldName();
    String v = StoredValues.document(stored, doc, Set.of(name)).get(name);
    return v == null ? "" : v;
  }

  private static Field timeField(Aggregate agg) {
    Field f = null;
    for (Aggregate.Measure m : agg.measures()) {
      Field t = m instanceof Aggregate.Earliest e ? e.field() : m instanceof Aggregate.Latest l ? l.field() : null;
      if (t != null && f != null && t != f) {
        throw new IllegalArgumentException("earliest and latest must read the same time field");
      }
      f = t != null ? t : f;
    }
    return f;
  }

  /** Reads one group key of a document. */
  private interface KeyReader {
    Object read(int doc) throws IOException;
  }

  /** Readers per key; null marks the extracted value. */
  private static KeyReader[] keyReaders(LeafReader reader, List<Aggregate.Key> by) throws IOException {
    KeyReader[] readers = new KeyReader[by.size()];
    for (int k = 0; k < by.size(); k++) {
      if (by.get(k) instanceof Aggregate.FieldKey fk) {
        Field f = fk.field();
        if (f.kind() == FieldKind.KEYWORD) {
          LeafStrings strings = new LeafStrings(reader, f);
          readers[k] = doc -> strings.first(doc, "");
        } else {
          NumericDocValues hashes = DocValues.getNumeric(reader, f.hashName());
          readers[k] = doc -> hashes.advanceExact(doc) ? (Object) hashes.longValue() : "";
        }
      }
    }
    return readers;
  }
}
