package org.huntindex.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.RegExp;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;

/**
 * ASCII-case-insensitive queries over a keyword: on the lower-cased twin where the schema keeps one, otherwise as a
 * case-insensitive automaton over the exact terms. {@code prefix} is prepended verbatim to every value (the
 * {@code name=} of a raw field).
 */
final class KeywordQueries {
  private static final int LIMIT = Operations.DEFAULT_DETERMINIZE_WORK_LIMIT;

  private final String field;
  private final boolean lowerTwin;
  private final String prefix;

  private KeywordQueries(String field, boolean lowerTwin, String prefix) {
    this.field = field;
    this.lowerTwin = lowerTwin;
    this.prefix = prefix;
  }

  static KeywordQueries of(Field f) {
    boolean lower = f.has(Field.Flag.LOWER);
    return new KeywordQueries(lower ? f.lowerName() : f.fieldName(), lower, "");
  }

  /** A raw source field's values; {@code name} empty for {@code raw:"name=value"} itself. */
  static KeywordQueries raw(String name) {
    return new KeywordQueries(Field.RAW.fieldName(), false, name.isEmpty() ? "" : name + "=");
  }

  Query term(String value) {
    if (lowerTwin) {
      return new TermQuery(new Term(field, Ascii.lower(value)));
    }
    return regexp(literal(prefix + value));
  }

  /** A Lucene wildcard pattern ({@code *}, {@code ?}, {@code \} escapes). */
  Query wildcard(String pattern) {
    if (lowerTwin) {
      return new WildcardQuery(new Term(field, Ascii.lower(pattern)), LIMIT);
    }
    StringBuilder re = new StringBuilder(literal(prefix));
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(literal(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(literal(String.valueOf(c)));
      }
    }
    return regexp(re.toString());
  }

  Query prefixOf(String value) {
    return lowerTwin ? wildcard(escapeWildcard(value) + "*") : regexp(literal(prefix + value) + ".*");
  }

  /** A Lucene regular expression over the whole value, without the raw field's name. */
  Query userRegexp(String regex) {
    return regexp(literal(prefix) + (prefix.isEmpty() ? regex : "(" + regex + ")"));
  }

  Query fuzzy(String value, int edits) {
    return new FuzzyQuery(new Term(field, prefix + (lowerTwin ? Ascii.lower(value) : value)), edits,
        prefix.length());
  }

  Query range(String lower, String upper, boolean includeLower, boolean includeUpper) {
    return TermRangeQuery.newStringRange(field, bound(lower), upper == null && !prefix.isEmpty()
        ? prefix.substring(0, prefix.length() - 1) + ">" : bound(upper), includeLower, includeUpper);
  }

  private String bound(String value) {
    if (value == null) {
      return prefix.isEmpty() ? null : prefix;
    }
    return prefix + (lowerTwin ? Ascii.lower(value) : value);
  }

  @SuppressWarnings("deprecation") // ASCII folding on purpose: the .lc twins, Kusto and EQL fold A-Z only
  private Query regexp(String regex) {
    return new RegexpQuery(new Term(field, regex), RegExp.NONE, RegExp.ASCII_CASE_INSENSITIVE, LIMIT);
  }

  private static String escapeWildcard(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  static String literal(String s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
