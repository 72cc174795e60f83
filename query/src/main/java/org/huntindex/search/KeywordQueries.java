package org.huntindex.search;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.huntindex.exec.IgnoreCase;
import org.huntindex.schema.Field;

/**
 * ASCII-case-insensitive queries over a keyword's exact terms, as automata that visit only the terms that can match.
 * {@code prefix} is prepended verbatim to every value (the {@code name=} of a raw field).
 */
final class KeywordQueries {
  private final String field;
  private final String prefix;

  private KeywordQueries(String field, String prefix) {
    this.field = field;
    this.prefix = prefix;
  }

  static KeywordQueries of(Field f) {
    return new KeywordQueries(f.fieldName(), "");
  }

  /** A raw source field's values; {@code name} empty for {@code raw:"name=value"} itself. */
  static KeywordQueries raw(String name) {
    return new KeywordQueries(Field.RAW.fieldName(), name.isEmpty() ? "" : name + "=");
  }

  Query term(String value) {
    return IgnoreCase.term(field, prefix + value);
  }

  /** A Lucene wildcard pattern ({@code *}, {@code ?}, {@code \} escapes). */
  Query wildcard(String pattern) {
    return IgnoreCase.regexp(field, IgnoreCase.literal(prefix) + wildcardRegex(pattern));
  }

  /** A Lucene wildcard pattern as a regular expression matching the same strings. */
  private static String wildcardRegex(String pattern) {
    StringBuilder re = new StringBuilder(pattern.length() * 2);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(IgnoreCase.literal(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(IgnoreCase.literal(String.valueOf(c)));
      }
    }
    return re.toString();
  }

  /** Raw pairs of any name whose value contains {@code text}; null when the text is too long for any raw term. */
  static Query anyRawValueContaining(String text) {
    return anyRawValueMatching(text.length(), IgnoreCase.literal(text));
  }

  /**
   * Raw pairs of any name whose value contains a match of a wildcard pattern ({@code *}, {@code ?}, {@code \}
   * escapes); null when the pattern is too long for any raw term or too complex to compile.
   */
  static Query anyRawValueContainingWildcard(String pattern) {
    return anyRawValueMatching(pattern.replace("*", "").length(), wildcardRegex(pattern));
  }

  private static Query anyRawValueMatching(int minLength, String regex) {
    if (minLength > Field.RAW_TERM_BYTES) {
      return null;
    }
    try {
      return IgnoreCase.valueContaining(Field.RAW.fieldName(), regex);
    } catch (TooComplexToDeterminizeException e) {
      return null;
    }
  }

  Query prefixOf(String value) {
    return IgnoreCase.regexp(field, IgnoreCase.literal(prefix + value) + ".*");
  }

  /** A Lucene regular expression over the whole value, without the raw field's name. */
  Query userRegexp(String regex) {
    return IgnoreCase.regexp(field, IgnoreCase.literal(prefix) + (prefix.isEmpty() ? regex : "(" + regex + ")"));
  }

  Query fuzzy(String value, int edits) {
    return IgnoreCase.fuzzy(field, prefix, value, edits);
  }

  Query range(String lower, String upper, boolean includeLower, boolean includeUpper) {
    return TermRangeQuery.newStringRange(field, bound(lower), upper == null && !prefix.isEmpty()
        ? prefix.substring(0, prefix.length() - 1) + ">" : bound(upper), includeLower, includeUpper);
  }

  private String bound(String value) {
    if (value == null) {
      return prefix.isEmpty() ? null : prefix;
    }
    return prefix + value;
  }
}
