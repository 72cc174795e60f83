package org.huntindex.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.huntindex.index.IndexFormat;
import org.huntindex.index.StoredValues;
import org.huntindex.schema.Field;

/** An index opened for ad-hoc searches: parses queries against its schema and contents, counts, sorts, fetches hits. */
public final class SearchIndex implements AutoCloseable {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final SearchFields fields;
  private final Long newest;

  private SearchIndex(DirectoryReader reader) throws IOException {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.fields = new SearchFields(reader);
    this.newest = TimeSpan.newest(reader);
  }

  public static SearchIndex open(Path indexDir) throws IOException {
    return new SearchIndex(IndexFormat.open(indexDir));
  }

  /** The query for what the analyst typed; throws {@link BadQueryException} with a position and a suggestion. */
  public Query parse(String query) {
    return SchemaQueryParser.parse(query, fields, newest);
  }

  public int count(Query query) throws IOException {
    return searcher.count(query);
  }

  /** How many of the query's hits are events recovered from EVTX slack space. */
  public int recoveredAmong(Query query) throws IOException {
    return searcher.count(new BooleanQuery.Builder().add(query, Occur.FILTER)
        .add(new TermQuery(new Term(Field.RECOVERED.fieldName(), "true")), Occur.FILTER).build());
  }

  /** Up to {@code limit} hits in {@code sort} order (all of them when limit is 0), and how many matched in all. */
  public Hits search(Query query, Sort sort, int limit) throws IOException {
    int n = limit > 0 ? limit : Math.max(1, reader.numDocs());
    TopFieldDocs top = searcher.search(query, n, sort);
    StoredFields stored = reader.storedFields();
    List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc d : top.scoreDocs) {
      hits.add(Hit.of(StoredValues.document(stored, d.doc)));
    }
    long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
        ? top.totalHits.value() : searcher.count(query);
    return new Hits(hits, total);
  }

  public CountBy countBy(Query query, Field field) throws IOException {
    return CountBy.run(searcher, query, field);
  }

  /** Counts by a raw field or a Windows field name, from stored values ({@link CountBy#ofStored}). */
  public CountBy countBy(Query query, String name) throws IOException {
    return CountBy.ofStored(searcher, query, name);
  }

  public SearchFields fields() {
    return fields;
  }

  /** True when some event in the index has this schema field. */
  public boolean present(Field f) {
    return FieldInfos.getMergedFieldInfos(reader).fieldInfo(f.fieldName()) != null;
  }

  /** The newest event's time in ticks, or null when no event has one. */
  public Long newest() {
    return newest;
  }

  /**
   * The hits of one search.
   *
   * @param hits the hits fetched, in order
   * @param total how many events matched in all
   */
  public record Hits(List<Hit> hits, long total) {}

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
