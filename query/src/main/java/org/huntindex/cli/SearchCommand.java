package org.huntindex.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.search.Query;
import org.huntindex.schema.Field;
import org.huntindex.search.BadQueryException;
import org.huntindex.search.CountBy;
import org.huntindex.search.Hit;
import org.huntindex.search.SearchFields;
import org.huntindex.search.SearchIndex;
import org.huntindex.search.SearchSort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hunt search}: an ad-hoc Lucene-syntax query over an index; hits, a count, or counts per value. */
@Command(name = "search", description = {"Search an index with Lucene query syntax that knows the schema, e.g.",
    "  destination.ip:\"45.76.0.0/16\" AND @timestamp:[last-7d TO *]",
    "  process.command_line:mimikatz* AND host.name:ws00*",
    "  event.code:4625 --count-by host.name",
    "Fields and how to query them: hunt fields -i IDX"})
final class SearchCommand implements Callable<Integer> {
  /** Columns of a table or CSV when --fields is not given; every format adds the evidence location. */
  private static final List<Field> DEFAULT_COLUMNS = List.of(Field.TIMESTAMP, Field.HOST_NAME, Field.EVENT_CODE,
      Field.USER_NAME, Field.PROCESS_NAME, Field.DESTINATION_IP, Field.PROCESS_COMMAND_LINE);
  private static final String EVIDENCE = "evidence";

  @Parameters(index = "0", paramLabel = "QUERY", description = "Lucene query; quote it for the shell")
  String query;

  @Option(names = {"-i", "--index"}, required = true, paramLabel = "IDX", description = "index directory")
  Path index;

  @Option(names = "--format", description = "table, json, ndjson or csv (default: ${DEFAULT-VALUE})")
  String format = "table";

  @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "fields to show, schema or raw")
  List<String> fields;

  @Option(names = "--sort", paramLabel = "[-]FIELD",
      description = "order by a doc-values field, - for descending (default: ${DEFAULT-VALUE})")
  String sort = Field.TIMESTAMP.fieldName();

  @Option(names = "--limit", paramLabel = "N", description = "hits or values to show, 0 for all (default: ${DEFAULT-VALUE})")
  int limit = 100;

  @Option(names = "--count", description = "print only the number of hits")
  boolean count;

  @Option(names = "--count-by", paramLabel = "FIELD", description = "count hits per value of a doc-values field")
  String countBy;

  @Override
  public Integer call() throws Exception {
    RowWriter.Format fmt = RowWriter.format(format);
    long started = System.nanoTime();
    try (SearchIndex idx = SearchIndex.open(Checks.existingIndex(index))) {
      Query q = idx.parse(query);
      PrintStream out = System.out;
      if (count) {
        out.println(idx.count(q));
      } else if (countBy != null) {
        countBy(idx, q, fmt, out);
      } else {
        hits(idx, q, fmt, out);
      }
      System.err.printf("hunt: %.0f ms%n", (System.nanoTime() - started) / 1e6);
      return 0;
    } catch (BadQueryException e) {
      System.err.println("hunt: " + e.oneLine());
      return 2;
    }
  }

  private void hits(SearchIndex idx, Query q, RowWriter.Format fmt, PrintStream out) throws Exception {
    List<String> columns = columns(idx, fmt);
    SearchIndex.Hits result = idx.search(q, SearchSort.parse(sort), limit);
    try (RowWriter rows = RowWriter.of(fmt, columns, out)) {
      for (Hit hit : result.hits()) {
        rows.row(values(hit, columns));
      }
    }
    System.err.printf("hunt: %,d hit%s%s%n", result.total(), result.total() == 1 ? "" : "s",
        result.hits().size() < result.total() ? ", showing " + result.hits().size() + " by " + sort
            + " (--limit N, 0 for all)" : "");
  }

  private List<String> columns(SearchIndex idx, RowWriter.Format fmt) {
    List<String> columns = new ArrayList<>();
    if (fields != null) {
      for (String name : fields) {
        if (SearchFields.schema(name) == null && !idx.fields().isRaw(name)) {
          throw new BadQueryException("--fields: " + idx.fields().unknownField(name), -1);
        }
        columns.add(name);
      }
    } else if (fmt == RowWriter.Format.TABLE || fmt == RowWriter.Format.CSV) {
      DEFAULT_COLUMNS.forEach(f -> columns.add(f.fieldName()));
    } else {
      Arrays.stream(Field.values()).filter(f -> f != Field.RAW).forEach(f -> columns.add(f.fieldName()));
      columns.add(Field.RAW.fieldName());
    }
    columns.add(EVIDENCE);
    return columns;
  }

  private static List<Object> values(Hit hit, List<String> columns) {
    List<Object> values = new ArrayList<>(columns.size());
    for (String c : columns) {
      if (c.equals(EVIDENCE)) {
        values.add(hit.evidence());
      } else if (c.equals(Field.RAW.fieldName())) {
        values.add(hit.raw().isEmpty() ? null : hit.raw());
      } else {
        List<Object> v = hit.get(c);
        Field f = Field.byName(c);
        boolean single = f == null || !f.multiValued();
        values.add(v.isEmpty() ? null : single && v.size() == 1 ? v.getFirst() : v);
      }
    }
    return values;
  }

  private void countBy(SearchIndex idx, Query q, RowWriter.Format fmt, PrintStream out) throws Exception {
    Field f = Field.byName(countBy);
    if (f == null) {
      throw new BadQueryException("--count-by: " + idx.fields().unknownField(countBy), -1);
    }
    CountBy result = idx.countBy(q, f);
    List<CountBy.Count> shown = limit > 0 && result.counts().size() > limit ? result.counts().subList(0, limit)
        : result.counts();
    try (RowWriter rows = RowWriter.of(fmt, List.of(f.fieldName(), "count"), out)) {
      for (CountBy.Count c : shown) {
        rows.row(List.of(c.value(), c.count()));
      }
    }
    System.err.printf("hunt: %,d hit%s, %,d distinct value%s%s%s%n", result.hits(), result.hits() == 1 ? "" : "s",
        result.counts().size(), result.counts().size() == 1 ? "" : "s",
        shown.size() < result.counts().size() ? ", showing the top " + shown.size() : "",
        result.missing() > 0 ? ", " + result.missing() + " without " + f.fieldName() : "");
  }
}
