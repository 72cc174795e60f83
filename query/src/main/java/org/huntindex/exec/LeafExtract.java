package org.huntindex.exec;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.huntindex.extract.IpAddresses;
import org.huntindex.index.StoredValues;
import org.huntindex.plan.Extract;

/**
 * One segment's view of a plan's {@link Extract}: the kept values of a document. Doc-values sources decide once per
 * distinct value; a regex runs on the stored text of the candidates only.
 */
abstract sealed class LeafExtract {
  /** Adds the document's kept values to {@code out}. */
  abstract void values(int doc, List<String> out) throws IOException;

  static LeafExtract of(LeafReader reader, Extract extract, ValueTests tests) throws IOException {
    return switch (extract.source()) {
      case Extract.Indexed i -> new Indexed(new LeafStrings(reader, i.field()), tests);
      case Extract.FirstMatch m -> new FirstMatch(reader.storedFields(), m, tests);
      case Extract.EachAddress a -> new EachAddress(DocValues.getSortedSet(reader, a.field().fieldName()), tests);
    };
  }

  private static final class Indexed extends LeafExtract {
    private final LeafStrings strings;
    private final ValueTests tests;
    private final byte[] verdicts;

    Indexed(LeafStrings strings, ValueTests tests) {
      this.strings = strings;
      this.tests = tests;
      this.verdicts = new byte[strings.valueCount()];
    }

    @Override
    void values(int doc, List<String> out) throws IOException {
      long ord = strings.ord(doc);
      if (ord < 0) {
        return;
      }
      int i = (int) ord;
      if (verdicts[i] == 0) {
        verdicts[i] = tests.keep(strings.string(ord)) ? (byte) 1 : (byte) 2;
      }
      if (verdicts[i] == 1) {
        out.add(strings.string(ord));
      }
    }
  }

  private static final class FirstMatch extends LeafExtract {
    private final StoredFields stored;
    private final Set<String> names;
    private final String name;
    private final Matcher matcher;
    private final int group;
    private final ValueTests tests;

    FirstMatch(StoredFields stored, Extract.FirstMatch m, ValueTests tests) {
      this.stored = stored;
      this.name = m.text().fieldName();
      this.names = Set.of(name);
      this.matcher = Pattern.compile(m.regex(), Pattern.UNICODE_CHARACTER_CLASS).matcher("");
      this.group = m.group();
      this.tests = tests;
    }

    @Override
    void values(int doc, List<String> out) throws IOException {
      String text = StoredValues.document(stored, doc, names).get(name);
      if (text == null || !matcher.reset(text).find()) {
        return;
      }
      String v = matcher.group(group);
      if (v != null && !v.isEmpty() && tests.keep(v)) {
        out.add(v);
      }
    }
  }

  private static final class EachAddress extends LeafExtract {
    private final SortedSetDocValues addresses;
    private final ValueTests tests;
    private final String[] kept;
    private final boolean[] decided;

    EachAddress(SortedSetDocValues addresses, ValueTests tests) {
      this.addresses = addresses;
      this.tests = tests;
      int n = (int) addresses.getValueCount();
      this.kept = new String[n];
      this.decided = new boolean[n];
    }

    @Override
    void values(int doc, List<String> out) throws IOException {
      if (!addresses.advanceExact(doc)) {
        return;
      }
      for (int k = 0, n = addresses.docValueCount(); k < n; k++) {
        int ord = (int) addresses.nextOrd();
        if (!decided[ord]) {
          BytesRef b = addresses.lookupOrd(ord);
          byte[] address = BytesRef.deepCopyOf(b).bytes;
          String text = IpAddresses.format(address);
          kept[ord] = tests.keep(text, address) ? text : null;
          decided[ord] = true;
        }
        if (kept[ord] != null) {
          out.add(kept[ord]);
        }
      }
    }
  }
}
