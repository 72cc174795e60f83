package org.huntindex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huntindex.normalize.SourceNames;
import org.huntindex.render.Column;
import org.huntindex.render.Format;
import org.huntindex.schema.Field;
import org.huntindex.search.FieldGuide;
import org.huntindex.search.SearchFields;
import org.huntindex.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hunt fields}: the fields a search can use, how to query each, and which the index holds. */
@Command(name = "fields", description = "List the fields a search can use: type, whether the index has it, "
    + "how to query it, an example; then the Windows field names a search takes for them, and the raw source fields "
    + "found in the index.")
final class FieldsCommand implements Callable<Integer> {
  @Option(names = {"-i", "--index"}, required = true, paramLabel = "IDX", description = "index directory")
  Path index;

  @Option(names = "--format", description = "table, json, ndjson or csv (default: ${DEFAULT-VALUE})")
  Format format = Format.TABLE;

  private static final List<String> COLUMNS = List.of("field", "type", "in_index", "count_by", "query", "example");
  /** Counted from each hit's stored values: slower than from doc values. */
  private static final String STORED = "slower";

  @Override
  public Integer call() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (SearchIndex idx = SearchIndex.open(Checks.existingIndex(index))) {
      for (Field f : Field.values()) {
        rows.add(row(f.fieldName(), FieldGuide.type(f), idx.present(f) ? "yes" : "no",
            f.has(Field.Flag.DOC_VALUES) ? "yes" : STORED, FieldGuide.how(f), FieldGuide.example(f)));
      }
      rows.add(row(SearchFields.ANY_IP, "pseudo", "-", "no", "every IP field at once",
          SearchFields.ANY_IP + ":\"45.76.0.0/16\""));
      rows.add(row(SearchFields.TEXT, "pseudo", "-", "no",
          "command lines, message and inside raw values; terms without a field", "mimikatz"));
      for (String name : SourceNames.names()) {
        rows.add(row(name, "windows", "-", STORED, "as " + FieldGuide.moved(name)
            + (idx.fields().isRaw(name) ? ", and the raw field of other events" : ""), FieldGuide.example(name)));
      }
      for (String name : idx.fields().rawNames()) {
        if (SourceNames.of(name).isEmpty()) {
          rows.add(row(name, "raw", "yes", STORED, FieldGuide.how(Field.RAW), name + ":value*"));
        }
      }
    }
    format.renderer(Terminal.width()).render(rows, Column.of(COLUMNS), System.out);
    return 0;
  }

  private static Map<String, Object> row(String... values) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(COLUMNS.get(i), values[i]);
    }
    return row;
  }
}
