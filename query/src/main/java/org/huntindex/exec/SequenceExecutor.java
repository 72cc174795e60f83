package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.huntindex.index.StoredValues;
import org.huntindex.normalize.Ticks;
import org.huntindex.plan.Condition;
import org.huntindex.plan.Filter;
import org.huntindex.plan.Plan;
import org.huntindex.plan.Sequence;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/**
 * Runs an EQL-style sequence: each stage's hits are collected from doc values into primitive arrays, sorted by
 * (join-key hash, time in ms, tiebreak), merge-joined by key, and fed to the {@link SequenceMatcher}. Equal hashes are
 * checked against the key bytes; stored documents are loaded only for the sequences printed.
 */
final class SequenceExecutor {
  /** Elasticsearch returns {@code date} fields at millisecond resolution. */
  private static final int FRACTION_DIGITS = 3;
  /** The most join keys of a later stage that narrow an earlier stage's query. */
  private static final int MAX_KEY_TERMS = 1024;

  private final IndexSearcher searcher;

  SequenceExecutor(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  List<Map<String, Object>> run(Plan.Sequencing plan) throws IOException {
    Sequence seq = plan.sequence();
    List<Filter> filters = seq.stages();
    StageHits[] stages = new StageHits[filters.size()];
    StageHits later = null;
    for (int s = stages.length - 1; s >= 0; s--) {
      stages[s] = collect(seq, filters.get(s), later);
      stages[s].sort();
      later = stages[s];
    }
    List<SequenceMatch> matches = join(seq, stages);
    Collections.sort(matches);
    return render(seq, AggregateExecutor.limited(matches, plan.limit()));
  }

  /**
   * One stage's hits. Stages are collected last first: a key absent from a later stage cannot complete a sequence, so
   * an earlier stage keeps only the hits whose key the later one has, and reads nothing more for the rest.
   */
  private StageHits collect(Sequence seq, Filter stage, StageHits later) throws IOException {
    StageHits hits = new StageHits();
    Filter candidates = new Filter(Condition.all(stage.condition(), Condition.exists(seq.by())), stage.residuals());
    FilterQuery filter = FilterQuery.of(searcher.getIndexReader(), candidates);
    Query query = filter.query();
    Query joinable = later == null ? null : keyTerms(seq.by(), later);
    if (joinable != null) {
      query = new BooleanQuery.Builder().add(query, Occur.FILTER).add(joinable, Occur.FILTER).build();
    }
    Hits.visit(searcher, query, context -> {
      LeafReader reader = context.reader();
      int base = context.docBase;
      int segment = context.ord;
      ResidualCheck residual = new ResidualCheck(reader, filter.residuals());
      NumericDocValues keys = DocValues.getNumeric(reader, seq.by().hashName());
      SortedSetDocValues keyOrds = DocValues.getSortedSet(reader, seq.by().fieldName());
      NumericDocValues times = DocValues.getNumeric(reader, seq.time().fieldName());
      NumericDocValues ties = DocValues.getNumeric(reader, seq.tiebreak().fieldName());
      boolean ticks = seq.time().kind() == FieldKind.TIME;
      return doc -> {
        if (!keys.advanceExact(doc) || later != null && !later.hasKey(keys.longValue())
            || !keyOrds.advanceExact(doc) || !times.advanceExact(doc) || !residual.test(doc)) {
          return;
        }
        long ms = ticks ? Ticks.toMillis(times.longValue()) : times.longValue();
        long tie = ties.advanceExact(doc) ? ties.longValue() : Long.MAX_VALUE;
        hits.add(keys.longValue(), ms, tie, base + doc, segment, keyOrds.nextOrd());
      };
    });
    return hits;
  }

  /**
   * The later stage's join keys as a term set, so this stage visits only events that can join; null when there are
   * more than {@link #MAX_KEY_TERMS}: seeking each in every segment would then cost more than reading the stage.
   */
  private Query keyTerms(Field by, StageHits later) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
    Set<BytesRef> keys = new HashSet<>();
    for (int i = 0; i < later.size; i++) {
      int s = later.segment[i];
      if (i > 0 && s == later.segment[i - 1] && later.keyOrd[i] == later.keyOrd[i - 1]) {
        continue;
      }
      if (values[s] == null) {
        values[s] = DocValues.getSortedSet(leaves.get(s).reader(), by.fieldName());
      }
      keys.add(BytesRef.deepCopyOf(values[s].lookupOrd(later.keyOrd[i])));
      if (keys.size() > MAX_KEY_TERMS) {
        return null;
      }
    }
    return new TermInSetQuery(by.fieldName(), keys);
  }

  /** Walks the stages' key runs together; only keys present in every stage can complete a sequence. */
  private List<SequenceMatch> join(Sequence seq, StageHits[] stages) throws IOException {
    List<SequenceMatch> out = new ArrayList<>();
    SequenceMatcher matcher = new SequenceMatcher(stages);
    KeyBytes keyBytes = new KeyBytes(searcher.getIndexReader().leaves(), seq.by());
    int n = stages.length;
    int[] pos = new int[n];
    while (true) {
      long key = Long.MIN_VALUE;
      for (int s = 0; s < n; s++) {
        if (pos[s] >= stages[s].size) {
          return out;
        }
        key = Math.max(key, stages[s].key[pos[s]]);
      }
      boolean aligned = true;
      for (int s = 0; s < n; s++) {
        while (pos[s] < stages[s].size && stages[s].key[pos[s]] < key) {
          pos[s]++;
        }
        aligned &= pos[s] < stages[s].size && stages[s].key[pos[s]] == key;
      }
      if (!aligned) {
        continue;
      }
      int[][] run = new int[n][];
      for (int s = 0; s < n; s++) {
        int end = pos[s];
        while (end < stages[s].size && stages[s].key[end] == key) {
          end++;
        }
        run[s] = new int[end - pos[s]];
        for (int i = 0; i < run[s].length; i++) {
          run[s][i] = pos[s] + i;
        }
        pos[s] = end;
      }
      for (int[][] sameKey : keyBytes.split(stages, run)) {
        matcher.run(sameKey, out);
      }
    }
  }

  private List<Map<String, Object>> render(Sequence seq, List<SequenceMatch> matches) throws IOException {
    StoredFields stored = searcher.storedFields();
    Set<String> names = new HashSet<>();
    seq.show().forEach(f -> names.add(f.fieldName()));
    names.add(seq.by().fieldName());
    List<Map<String, Object>> out = new ArrayList<>(matches.size());
    for (SequenceMatch m : matches) {
      List<Map<String, Object>> events = new ArrayList<>();
      String key = null;
      for (int doc : m.docs()) {
        Document d = StoredValues.document(stored, doc, names);
        key = d.get(seq.by().fieldName());
        events.add(event(d, seq.show()));
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("join_keys", List.of(key));
      result.put("events", events);
      out.add(result);
    }
    return out;
  }

  private static Map<String, Object> event(Document d, List<Field> show) {
    Map<String, Object> e = new LinkedHashMap<>();
    for (Field f : show) {
      IndexableField[] values = d.getFields(f.fieldName());
      if (values.length == 0) {
        continue;
      }
      List<Object> list = new ArrayList<>(values.length);
      for (IndexableField v : values) {
        list.add(value(f, v));
      }
      e.put(f.fieldName(), f.multiValued() ? list : list.get(0));
    }
    return e;
  }

  private static Object value(Field f, IndexableField v) {
    return switch (f.kind()) {
      case TIME -> TimeText.format(v.numericValue().longValue(), FRACTION_DIGITS);
      case LONG -> v.numericValue().longValue();
      default -> v.stringValue();
    };
  }

  /** Tells join keys apart by their bytes when their 64-bit hashes are equal. */
  private static final class KeyBytes {
    private final List<LeafReaderContext> leaves;
    private final Field by;

    KeyBytes(List<LeafReaderContext> leaves, Field by) {
      this.leaves = leaves;
      this.by = by;
    }

    /** The run's hits grouped by key value; one group unless two values share a hash. */
    List<int[][]> split(StageHits[] stages, int[][] run) throws IOException {
      Set<Long> seen = new HashSet<>();
      for (int s = 0; s < run.length; s++) {
        for (int i : run[s]) {
          seen.add((long) stages[s].segment[i] << 40 ^ stages[s].keyOrd[i]);
        }
      }
      if (seen.size() == 1) {
        return List.<int[][]>of(run);
      }
      Map<BytesRef, int[][]> groups = new LinkedHashMap<>();
      Map<Long, BytesRef> resolved = new java.util.HashMap<>();
      for (int s = 0; s < run.length; s++) {
        for (int i : run[s]) {
          int segment = stages[s].segment[i];
          long ord = stages[s].keyOrd[i];
          BytesRef bytes = resolved.get((long) segment << 40 ^ ord);
          if (bytes == null) {
            SortedSetDocValues dv = DocValues.getSortedSet(leaves.get(segment).reader(), by.fieldName());
            bytes = BytesRef.deepCopyOf(dv.lookupOrd(ord));
            resolved.put((long) segment << 40 ^ ord, bytes);
          }
          int[][] g = groups.computeIfAbsent(bytes, b -> new int[run.length][0]);
          g[s] = java.util.Arrays.copyOf(g[s], g[s].length + 1);
          g[s][g[s].length - 1] = i;
        }
      }
      return new ArrayList<>(groups.values());
    }
  }
}
