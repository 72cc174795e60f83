package org.huntindex.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.huntindex.extract.CidrSet;
import org.huntindex.plan.Condition;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;

/** Compiles plan {@link Condition}s to Lucene queries over the fields {@code EventDocuments} writes. */
public final class LuceneQueries {

  private LuceneQueries() {}

  /** The query selecting exactly the events the condition holds for. */
  public static Query of(Condition c) {
    return new ConstantScoreQuery(compile(c));
  }

  private static Query compile(Condition c) {
    return switch (c) {
      case Condition.Equals e -> new TermQuery(new Term(e.field().fieldName(), e.value()));
      case Condition.EqualsNumber e -> LongPoint.newExactQuery(e.field().fieldName(), e.value());
      case Condition.EqualsIgnoreCase e ->
          any(e.patterns().stream().map(p -> IgnoreCase.wildcard(e.field().fieldName(), p)).toList());
      case Condition.Exists e -> exists(e.field());
      case Condition.InRange r -> LongPoint.newRangeQuery(r.field().fieldName(), r.from(), r.to());
      case Condition.InCidrs in -> inCidrs(in.field(), in.cidrs());
      case Condition.All all -> all(all.conditions());
      case Condition.Not not -> all(List.of(not));
    };
  }

  /**
   * Beside a positive clause, a negated CIDR test on a field with doc values is checked per candidate from doc values;
   * other negations are {@code must_not} clauses.
   */
  private static Query all(List<Condition> conditions) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = conditions.stream().anyMatch(c -> !(c instanceof Condition.Not));
    for (Condition c : conditions) {
      if (!(c instanceof Condition.Not not)) {
        b.add(compile(c), Occur.FILTER);
      } else if (positive && not.condition() instanceof Condition.InCidrs in && in.field().has(Field.Flag.DOC_VALUES)) {
        b.add(new NoAddressInBlocks(in.field().fieldName(), in.cidrs()), Occur.FILTER);
      } else {
        b.add(compile(not.condition()), Occur.MUST_NOT);
      }
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return b.build();
  }

  private static Query any(List<Query> queries) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }



  private static Query exists(Field field) {
    String name = field.fieldName();
    if (field.has(Field.Flag.DOC_VALUES)) {
      return new FieldExistsQuery(name);
    }
    return switch (field.kind()) {
      case KEYWORD, BOOLEAN -> new TermRangeQuery(name, null, null, true, true);
      case LONG, TIME -> LongPoint.newRangeQuery(name, Long.MIN_VALUE, Long.MAX_VALUE);
      case IP -> InetAddressPoint.newRangeQuery(name, InetAddressPoint.MIN_VALUE, InetAddressPoint.MAX_VALUE);
      case TEXT -> new TermRangeQuery(name, null, null, true, true);
    };
  }

  private static Query inCidrs(Field field, List<String> cidrs) {
    if (field.kind() != FieldKind.IP) {
      throw new IllegalArgumentException(field.fieldName() + " is not an IP field");
    }
    List<byte[]> lower = new ArrayList<>();
    List<byte[]> upper = new ArrayList<>();
    for (CidrSet.Range r : CidrSet.merged(cidrs)) {
      lower.add(r.lower());
      upper.add(r.upper());
    }
    return new AddressRanges(field.fieldName(), lower, upper);
  }

  /** Documents with at least one address outside every block: the gaps between the merged blocks. */
  static Query outsideCidrs(Field field, List<String> cidrs) {
    List<byte[]> lower = new ArrayList<>();
    List<byte[]> upper = new ArrayList<>();
    byte[] next = new byte[16];
    for (CidrSet.Range r : CidrSet.merged(cidrs)) {
      if (Arrays.compareUnsigned(next, r.lower()) < 0) {
        lower.add(next);
        upper.add(step(r.lower(), -1));
      }
      if (Arrays.equals(r.upper(), MAX_ADDRESS)) {
        return new AddressRanges(field.fieldName(), lower, upper);
      }
      next = step(r.upper(), 1);
    }
    lower.add(next);
    upper.add(MAX_ADDRESS);
    return new AddressRanges(field.fieldName(), lower, upper);
  }

  private static final byte[] MAX_ADDRESS = InetAddressPoint.encode(InetAddressPoint.MAX_VALUE);

  /** The 128-bit address plus or minus one (callers never step past either end). */
  private static byte[] step(byte[] address, int delta) {
    byte[] out = address.clone();
    for (int i = out.length - 1; i >= 0; i--) {
      int v = (out[i] & 0xff) + delta;
      out[i] = (byte) v;
      if (v >= 0 && v <= 0xff) {
        break;
      }
    }
    return out;
  }
}
