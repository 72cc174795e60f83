package org.huntindex.exec;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.huntindex.extract.CidrSet;

/**
 * Documents with no address in any of the blocks, a document without the field included: {@code must_not} of a CIDR
 * match, checked on each candidate from the field's doc values. It never leads a conjunction; beside a selective
 * clause it reads a few ordinals where the point ranges would have collected every address in the blocks.
 */
final class NoAddressInBlocks extends Query {
  private final String field;
  private final List<String> cidrs;
  private final List<CidrSet.Range> blocks;

  NoAddressInBlocks(String field, List<String> cidrs) {
    this.field = field;
    this.cidrs = List.copyOf(cidrs);
    this.blocks = CidrSet.merged(cidrs);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(context.reader(), field);
        long[] ords = ordRanges(values);
        DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
        TwoPhaseIterator outside = new TwoPhaseIterator(all) {
          @Override
          public boolean matches() throws IOException {
            if (!values.advanceExact(all.docID())) {
              return true;
            }
            for (int k = 0, n = values.docValueCount(); k < n; k++) {
              if (inRanges(ords, values.nextOrd())) {
                return false;
              }
            }
            return true;
          }

          @Override
          public float matchCost() {
            return 10;
          }
        };
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, outside));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return DocValues.isCacheable(context, field);
      }
    };
  }

  /** The blocks as inclusive ordinal ranges of this segment, {@code [from0, to0, from1, to1, ...]}, sorted. */
  private long[] ordRanges(SortedSetDocValues values) throws IOException {
    long[] out = new long[blocks.size() * 2];
    int n = 0;
    for (CidrSet.Range r : blocks) {
      long from = values.lookupTerm(new BytesRef(r.lower()));
      long to = values.lookupTerm(new BytesRef(r.upper()));
      from = from >= 0 ? from : -from - 1;
      to = to >= 0 ? to : -to - 2;
      if (from <= to) {
        out[n++] = from;
        out[n++] = to;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean inRanges(long[] ords, long ord) {
    int lo = 0;
    int hi = ords.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ord < ords[2 * mid]) {
        hi = mid - 1;
      } else if (ord > ords[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString(String defaultField) {
    return "NoAddressInBlocks(" + field + ", " + cidrs + ")";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && field.equals(((NoAddressInBlocks) o).field) && cidrs.equals(((NoAddressInBlocks) o).cidrs);
  }

  @Override
  public int hashCode() {
    return (classHash() * 31 + field.hashCode()) * 31 + cidrs.hashCode();
  }
}
