package org.huntindex.exec;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PointValues.IntersectVisitor;
import org.apache.lucene.index.PointValues.Relation;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * Documents with an address in any of several ranges of an IP point field, found in one pass over the points: one
 * tree walk and one document set, where a disjunction of range queries walks the tree and merges sets once per range.
 */
final class AddressRanges extends Query {
  private static final int BYTES = 16;

  private final String field;
  private final byte[][] lower;
  private final byte[][] upper;

  /** {@code lower[i]..upper[i]} inclusive, 16-byte addresses; the ranges sorted and disjoint. */
  AddressRanges(String field, List<byte[]> lower, List<byte[]> upper) {
    if (lower.size() != upper.size()) {
      throw new IllegalArgumentException(lower.size() + " lower bounds but " + upper.size() + " upper bounds");
    }
    this.field = field;
    this.lower = lower.toArray(byte[][]::new);
    this.upper = upper.toArray(byte[][]::new);
    for (int i = 0; i < this.lower.length; i++) {
      if (this.lower[i].length != BYTES || this.upper[i].length != BYTES || order(this.lower[i], this.upper[i]) > 0
          || i > 0 && order(this.upper[i - 1], this.lower[i]) >= 0) {
        throw new IllegalArgumentException("ranges must be 16-byte, sorted and disjoint; range " + i + " is not");
      }
    }
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        PointValues points = context.reader().getPointValues(field);
        if (points == null || lower.length == 0) {
          return null;
        }
        if (points.getNumIndexDimensions() != 1 || points.getBytesPerDimension() != BYTES) {
          throw new IllegalArgumentException(field + " is not a 16-byte, one-dimensional point field");
        }
        int maxDoc = context.reader().maxDoc();
        return new ScorerSupplier() {
          private long cost = -1;

          @Override
          public Scorer get(long leadCost) throws IOException {
            DocIdSetBuilder docs = new DocIdSetBuilder(maxDoc, points);
            points.intersect(visitor(docs));
            return new ConstantScoreScorer(score(), scoreMode, docs.build().iterator());
          }

          @Override
          public long cost() {
            if (cost < 0) {
              cost = points.estimateDocCount(visitor(null));
            }
            return cost;
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return true;
      }
    };
  }

  private IntersectVisitor visitor(DocIdSetBuilder docs) {
    return new IntersectVisitor() {
      private DocIdSetBuilder.BulkAdder adder;

      @Override
      public void grow(int count) {
        adder = docs.grow(count);
      }

      @Override
      public void visit(int doc) {
        adder.add(doc);
      }

      @Override
      public void visit(DocIdSetIterator iterator) throws IOException {
        adder.add(iterator);
      }

      @Override
      public void visit(int doc, byte[] packed) {
        if (inRange(packed)) {
          adder.add(doc);
        }
      }

      @Override
      public void visit(DocIdSetIterator iterator, byte[] packed) throws IOException {
        if (inRange(packed)) {
          adder.add(iterator);
        }
      }

      @Override
      public Relation compare(byte[] min, byte[] max) {
        int i = firstEndingAtOrAfter(min);
        if (i == lower.length || order(lower[i], max) > 0) {
          return Relation.CELL_OUTSIDE_QUERY;
        }
        return order(lower[i], min) <= 0 && order(max, upper[i]) <= 0
            ? Relation.CELL_INSIDE_QUERY : Relation.CELL_CROSSES_QUERY;
      }
    };
  }

  private boolean inRange(byte[] address) {
    int i = firstEndingAtOrAfter(address);
    return i < lower.length && order(lower[i], address) <= 0;
  }

  /** The first range whose upper bound is not below {@code address}, or the number of ranges. */
  private int firstEndingAtOrAfter(byte[] address) {
    int lo = 0;
    int hi = upper.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (order(upper[mid], address) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int order(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, 0, BYTES, b, 0, BYTES);
  }

  @Override
  public String toString(String defaultField) {
    return "AddressRanges(" + field + ", " + lower.length + " ranges)";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && field.equals(((AddressRanges) o).field)
        && Arrays.deepEquals(lower, ((AddressRanges) o).lower) && Arrays.deepEquals(upper, ((AddressRanges) o).upper);
  }

  @Override
  public int hashCode() {
    return (classHash() * 31 + field.hashCode()) * 31 + Arrays.deepHashCode(lower) * 7 + Arrays.deepHashCode(upper);
  }
}
