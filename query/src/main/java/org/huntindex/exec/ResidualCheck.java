package org.huntindex.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFields;
import org.huntindex.extract.KustoHas;
import org.huntindex.index.StoredValues;
import org.huntindex.plan.Residual;
import org.huntindex.schema.Field;

/**
 * One segment's evaluation of a filter's residual checks. A keyword with doc values is tested once per distinct value;
 * other fields are read from the stored document.
 */
final class ResidualCheck {
  private final List<Leaf> checks = new ArrayList<>();

  ResidualCheck(LeafReader reader, List<Residual> residuals) throws IOException {
    for (Residual r : residuals) {
      checks.add(switch (r) {
        case Residual.KustoHasAny has -> leaf(reader, has.field(), v -> KustoHas.hasAny(v, has.needles()));
      });
    }
  }

  boolean test(int doc) throws IOException {
    for (Leaf c : checks) {
      if (!c.test(doc)) {
        return false;
      }
    }
    return true;
  }

  private interface Leaf {
    boolean test(int doc) throws IOException;
  }

  private interface StringTest {
    boolean test(String value);
  }

  /** Kusto semantics: a missing string is {@code ""}. */
  private static Leaf leaf(LeafReader reader, Field field, StringTest test) throws IOException {
    if (field.has(Field.Flag.DOC_VALUES)) {
      LeafStrings strings = new LeafStrings(reader, field);
      byte[] verdicts = new byte[strings.valueCount()];
      boolean missing = test.test("");
      return doc -> {
        long ord = strings.ord(doc);
        if (ord < 0) {
          return missing;
        }
        int i = (int) ord;
        if (verdicts[i] == 0) {
          verdicts[i] = test.test(strings.string(ord)) ? (byte) 1 : (byte) 2;
        }
        return verdicts[i] == 1;
      };
    }
    StoredFields stored = reader.storedFields();
    Set<String> names = Set.of(field.fieldName());
    return doc -> {
      String v = StoredValues.document(stored, doc, names).get(field.fieldName());
      return test.test(v == null ? "" : v);
    };
  }
}
