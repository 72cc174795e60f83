package org.huntindex.exec;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.Transition;
import org.huntindex.schema.Ascii;

/**
 * Keyword queries that ignore the case of A–Z and only of A–Z, as Kusto's {@code =~} and EQL's {@code :} do: an
 * automaton over the exact terms the index keeps, which visits only the dictionary's terms that can match.
 */
public final class IgnoreCase {
  private static final int WORK_LIMIT = Operations.DEFAULT_DETERMINIZE_WORK_LIMIT;

  private IgnoreCase() {}

  /** Terms equal to {@code value} but for the case of A–Z. */
  public static Query term(String field, String value) {
    return regexp(field, literal(value));
  }

  /** Terms matching {@code pattern}, where {@code *} is any run and {@code ?} any one character; nothing escapes. */
  public static Query wildcard(String field, String pattern) {
    StringBuilder re = new StringBuilder(pattern.length() * 2);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> appendLiteral(re, c);
      }
    }
    return regexp(field, re.toString());
  }

  /** Terms matching a Lucene regular expression (no optional syntax), A–Z matched in either case. */
  public static Query regexp(String field, String regex) {
    return query(field, regex, new RegExp(regex, RegExp.NONE).toAutomaton(), WORK_LIMIT);
  }

  /**
   * Terms of the form {@code name=value} whose value contains a match of {@code regex} (a Lucene regular expression),
   * A–Z matched in either case.
   */
  public static Query valueContaining(String field, String regex) {
    String whole = "[^=]*=.*(" + regex + ").*";
    // a state per character of the text; determinizing costs up to the square of their number (one character repeated)
    long n = regex.length();
    return query(field, whole, new RegExp(whole, RegExp.NONE).toAutomaton(),
        (int) Math.min(Integer.MAX_VALUE, Math.max(WORK_LIMIT, 4 * n * n)));
  }

  /**
   * Terms within {@code edits} (at most 2) insertions, deletions, substitutions or transpositions of {@code value}, all
   * of them after {@code prefix}, which must match exactly but for case.
   */
  public static Query fuzzy(String field, String prefix, String value, int edits) {
    Automaton a = new LevenshteinAutomata(Ascii.lower(value), true).toAutomaton(edits, Ascii.lower(prefix));
    return query(field, prefix + value, a, WORK_LIMIT);
  }

  private static Query query(String field, String text, Automaton a, int workLimit) {
    return new AutomatonQuery(new Term(field, text), Operations.determinize(caseless(a), workLimit));
  }

  /** {@code a} with every transition on a–z or A–Z also taken by the other case of the same letters. */
  static Automaton caseless(Automaton a) {
    Automaton out = new Automaton();
    int states = a.getNumStates();
    for (int s = 0; s < states; s++) {
      out.createState();
      out.setAccept(s, a.isAccept(s));
    }
    Transition t = new Transition();
    for (int s = 0; s < states; s++) {
      int count = a.initTransition(s, t);
      for (int i = 0; i < count; i++) {
        a.getNextTransition(t);
        out.addTransition(s, t.dest, t.min, t.max);
        addOtherCase(out, s, t, 'a', 'z', 'A' - 'a');
        addOtherCase(out, s, t, 'A', 'Z', 'a' - 'A');
      }
    }
    out.finishState();
    return out;
  }

  private static void addOtherCase(Automaton out, int source, Transition t, int from, int to, int shift) {
    int min = Math.max(t.min, from);
    int max = Math.min(t.max, to);
    if (min <= max) {
      out.addTransition(source, t.dest, min + shift, max + shift);
    }
  }

  /** {@code s} as a Lucene regular expression that matches it literally. */
  public static String literal(String s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      appendLiteral(out, s.charAt(i));
    }
    return out.toString();
  }

  private static void appendLiteral(StringBuilder out, char c) {
    if (!Character.isLetterOrDigit(c)) {
      out.append('\\');
    }
    out.append(c);
  }
}
