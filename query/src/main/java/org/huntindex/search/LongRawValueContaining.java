package org.huntindex.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.huntindex.exec.IgnoreCase;
import org.huntindex.index.RawFields;
import org.huntindex.index.StoredValues;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.CommandLineTokenizer;
import org.huntindex.schema.Field;

/**
 * Events with a raw value too long to be one term (a script block, a task's XML) that contains a text, ASCII
 * case-insensitive, as grep would: {@code ScriptBlockText:"New-Object Net.WebClient"}. Such a value is indexed by its
 * tokens only, so the events whose values hold every token of the text are read back and their stored values checked.
 */
final class LongRawValueContaining extends Query {
  /** Tokens of the text that narrow the candidates, whole ones first, then the longest; more add automata, not much. */
  private static final int MAX_TOKENS = 4;

  private final String name;
  private final String text;
  private final Query candidates;

  private LongRawValueContaining(String name, String text, Query candidates) {
    this.name = name;
    this.text = text;
    this.candidates = candidates;
  }

  /**
   * Long values of raw field {@code name} (any name when null) containing {@code text}; null when no token of the text
   * has a separator beside it (one whole token: that token's own term finds it).
   */
  static Query of(String name, String text) {
    List<Token> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return null;
    }
    tokens.sort(Comparator.comparingInt((Token t) -> t.kind.ordinal()).thenComparing(t -> -t.text.length()));
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int used = 0;
    for (Token t : tokens) {
      if (used == MAX_TOKENS) {
        break;
      }
      Query q = t.query(name);
      if (q != null) {
        all.add(q, Occur.FILTER);
        used++;
      }
    }
    return used == 0 ? null : new LongRawValueContaining(name, Ascii.lower(text), all.build());
  }

  /** How a token of the text lies in a value holding the text, by what is beside it in the text. */
  private enum Kind {
    /** separators on both sides: a whole token of the value */
    WHOLE,
    /** a separator before: the start of a value's token */
    STARTS,
    /** a separator after: the end of a value's token or, where the value's run was cut into pieces, a piece */
    ENDS
  }

  private record Token(String text, Kind kind) {
    /** Raw terms a value holding this token has, as a case-insensitive regular expression after the name. */
    Query query(String name) {
      String t = IgnoreCase.literal(text);
      String value = switch (kind) {
        case WHOLE -> t;
        case STARTS -> t + ".*";
        case ENDS -> {
          StringBuilder re = new StringBuilder("(.*").append(t);
          for (int i = 1; i < text.length(); i++) {
            re.append('|').append(IgnoreCase.literal(text.substring(i)));
          }
          yield re.append(')').toString();
        }
      };
      String names = name == null ? "[^=]*" : IgnoreCase.literal(name);
      try {
        return IgnoreCase.regexp(Field.RAW.fieldName(), names + "=" + value);
      } catch (TooComplexToDeterminizeException e) {
        return null;
      }
    }
  }

  /**
   * The tokens of the text as the indexer cuts long values, with what lies beside each; a token with no separator on
   * either side (a piece of a run longer than a token) narrows nothing and is left out.
   */
  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (CommandLineTokenizer words = new CommandLineTokenizer()) {
      CharTermAttribute word = words.getAttribute(CharTermAttribute.class);
      OffsetAttribute at = words.getAttribute(OffsetAttribute.class);
      words.setReader(new StringReader(text));
      words.reset();
      while (words.incrementToken()) {
        boolean before = at.startOffset() > 0 && CommandLineTokenizer.separates(text.charAt(at.startOffset() - 1));
        boolean after = at.endOffset() < text.length() && CommandLineTokenizer.separates(text.charAt(at.endOffset()));
        if (before || after) {
          out.add(new Token(word.toString(), before && after ? Kind.WHOLE : before ? Kind.STARTS : Kind.ENDS));
        }
      }
      words.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = searcher.createWeight(searcher.rewrite(candidates), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier in = inner.scorerSupplier(context);
        if (in == null) {
          return null;
        }
        StoredFields stored = context.reader().storedFields();
        float score = score();
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            DocIdSetIterator approximation = in.get(leadCost).iterator();
            return new ConstantScoreScorer(score, scoreMode, new TwoPhaseIterator(approximation) {
              @Override
              public boolean matches() throws IOException {
                return holdsText(stored, approximation.docID());
              }

              @Override
              public float matchCost() {
                return 10_000;
              }
            });
          }

          @Override
          public long cost() {
            return in.cost();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private boolean holdsText(StoredFields stored, int doc) throws IOException {
    for (IndexableField blob : StoredValues.document(stored, doc, Set.of(Field.RAW.fieldName())).getFields()) {
      for (Map.Entry<String, String> pair : RawFields.decode(blob.binaryValue())) {
        String value = pair.getValue();
        if ((name == null || Ascii.lower(pair.getKey()).equals(Ascii.lower(name))) && isLong(pair.getKey(), value)
            && Ascii.lower(value).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the pair was indexed by its tokens, not whole. */
  private static boolean isLong(String name, String value) {
    return UnicodeUtil.calcUTF16toUTF8Length(name, 0, name.length()) + 1
        + UnicodeUtil.calcUTF16toUTF8Length(value, 0, value.length()) > Field.RAW_TERM_BYTES;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    candidates.visit(visitor.getSubVisitor(Occur.FILTER, this));
  }

  @Override
  public String toString(String field) {
    return (name == null ? "" : name + ":") + "contains(\"" + text + "\")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && Objects.equals(name, ((LongRawValueContaining) o).name)
        && text.equals(((LongRawValueContaining) o).text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), name, text);
  }
}
