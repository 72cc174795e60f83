package org.huntindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.search.Query;
import org.huntindex.render.Column;
import org.huntindex.render.Format;
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
    "  CommandLine:*whoami* AND EventID:4688   (Windows field names work too)",
    "  mimikatz   (no field: command lines, messages, and any raw value holding it)",
    "Fields and how to query them: hunt fields -i IDX"})
final class SearchCommand implements Callable<Integer> {
  /** Columns of a table or CSV when --fields is not given; every format adds the evidence location. */
  private static final List<Field> DEFAULT_COLUMNS = List.of(Field.TIMESTAMP, Field.HOST_NAME, Field.EVENT_CODE,
      Field.USER_NAME, Field.PROCESS_NAME, Field.DESTINATION_IP, Field.PROCESS_COMMAND_LINE);
  private static final String EVIDENCE = "evidence";
  private static final String COUNT = "count";

  /**
   * The command line with a query that starts with Lucene's minus ({@code -host.name:dc01}) led by a space, so that
   * picocli takes it for the query, not for an option; a misspelt {@code --option} is still reported as one.
   */
  static String[] queriesAsText(String[] args) {
    String[] out = args.clone();
    boolean value = false;
    for (int i = 1; i < out.length; i++) {
      String a = out[i];
      boolean option = a.startsWith("--") || a.equals("-i") || a.startsWith("-i=");
      if (!value && !option && a.length() > 1 && a.charAt(0) == '-') {
        out[i] = " " + a;
      }
      // every option but --count takes a value: the next argument, unless given after '='
      value = option && !a.contains("=") && !a.equals("--count");
    }
    return out;
  }

  @Parameters(index = "0", paramLabel = "QUERY", description = "Lucene query; quote it for the shell")
  String query;

  @Option(names = {"-i", "--index"}, required = true, paramLabel = "IDX", description = "index directory")
  Path index;

  @Option(names = "--format", description = "table, json, ndjson or csv (default: ${DEFAULT-VALUE})")
  Format format = Format.TABLE;

  @Option(names = "--fields", split = ",", paramLabel = "FIELD", description = "fields to show, schema or raw")
  List<String> fields;

  @Option(names = "--sort", paramLabel = "[-]FIELD",
      description = "order by a doc-values field, - for descending (default: ${DEFAULT-VALUE})")
  String sort = Field.TIMESTAMP.fieldName();

  @Option(names = "--limit", paramLabel = "N", description = "hits or values to show, 0 for all (default: ${DEFAULT-VALUE})")
  int limit = 100;

  @Option(names = "--count", description = "print only the number of hits")
  boolean count;

  @Option(names = "--count-by", paramLabel = "FIELD", description = "count hits per value of a field: schema fields "
      + "from doc values; the rest (event.provider, TargetUserName, Image) from stored values, slower")
  String countBy;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    try (SearchIndex idx = SearchIndex.open(Checks.existingIndex(index))) {
      Query q = idx.parse(query);
      PrintStream out = System.out;
      if (count) {
        out.println(idx.count(q));
      } else if (countBy != null) {
        countBy(idx, q, out);
      } else {
        hits(idx, q, out);
      }
      System.err.printf("hunt: %.0f ms%n", (System.nanoTime() - started) / 1e6);
      return 0;
    } catch (BadQueryException e) {
      System.err.println("hunt: " + e.oneLine());
      return 2;
    }
  }

  private void hits(SearchIndex idx, Query q, PrintStream out) throws IOException {
    List<String> names = columns(idx);
    SearchIndex.Hits result = idx.search(q, SearchSort.parse(sort), limit);
    List<Map<String, Object>> rows = new ArrayList<>(result.hits().size());
    for (Hit hit : result.hits()) {
      rows.add(row(hit, names));
    }
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      Column c = name.equals(EVIDENCE) ? Column.evidence(name, r -> r.get(name)) : Column.of(name);
      columns.add(name.equals(Field.PROCESS_COMMAND_LINE.fieldName()) ? c.narrowedFirst() : c);
    }
    format.renderer(Terminal.width()).render(rows, columns, out);
    int recovered = result.total() == 0 ? 0 : idx.recoveredAmong(q);
    System.err.printf("hunt: %,d hit%s%s%s%n", result.total(), result.total() == 1 ? "" : "s",
        recovered == 0 ? "" : String.format(" (%,d recovered from EVTX slack space; NOT recovered:true leaves them out)",
            recovered),
        result.hits().size() < result.total() ? ", showing " + result.hits().size() + " by " + sort
            + " (--limit N, 0 for all)" : "");
  }

  private List<String> columns(SearchIndex idx) {
    List<String> columns = new ArrayList<>();
    if (fields != null) {
      for (String name : fields) {
        if (SearchFields.schema(name) == null && !idx.fields().isSourceName(name)) {
          throw new BadQueryException("--fields: " + idx.fields().unknownField(name), -1);
        }
        columns.add(name);
      }
    } else if (format == Format.TABLE || format == Format.CSV) {
      DEFAULT_COLUMNS.forEach(f -> columns.add(f.fieldName()));
    } else {
      Arrays.stream(Field.values()).filter(f -> f != Field.RAW).forEach(f -> columns.add(f.fieldName()));
      columns.add(Field.RAW.fieldName());
    }
    columns.add(EVIDENCE);
    return columns;
  }

  /** The hit's values of the columns that it has, by column name. */
  private static Map<String, Object> row(Hit hit, List<String> columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String c : columns) {
      if (c.equals(EVIDENCE)) {
        row.put(c, hit.evidence());
      } else if (c.equals(Field.RAW.fieldName())) {
        if (!hit.raw().isEmpty()) {
          row.put(c, hit.raw());
        }
      } else {
        List<Object> v = hit.get(c);
        Field f = Field.byName(c);
        if (!v.isEmpty()) {
          row.put(c, (f == null || !f.multiValued()) && v.size() == 1 ? v.getFirst() : v);
        }
      }
    }
    return row;
  }

  private void countBy(SearchIndex idx, Query q, PrintStream out) throws IOException {
    Field f = Field.byName(countBy);
    CountBy result;
    if (f != null) {
      result = idx.countBy(q, f);
    } else if (idx.fields().isSourceName(countBy)) {
      result = idx.countBy(q, countBy);
    } else {
      throw new BadQueryException("--count-by: " + idx.fields().unknownField(countBy), -1);
    }
    String name = f != null ? f.fieldName() : countBy;
    List<CountBy.Count> shown = limit > 0 && result.counts().size() > limit ? result.counts().subList(0, limit)
        : result.counts();
    List<Map<String, Object>> rows = new ArrayList<>(shown.size());
    for (CountBy.Count c : shown) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(name, c.value());
      row.put(COUNT, c.count());
      rows.add(row);
    }
    format.renderer(Terminal.width()).render(rows, Column.of(List.of(name, COUNT)), out);
    System.err.printf("hunt: %,d hit%s, %,d distinct value%s%s%s%n", result.hits(), result.hits() == 1 ? "" : "s",
        result.counts().size(), result.counts().size() == 1 ? "" : "s",
        shown.size() < result.counts().size() ? ", showing the top " + shown.size() : "",
        result.missing() > 0 ? String.format(", %,d without %s", result.missing(), name) : "");
  }
}
