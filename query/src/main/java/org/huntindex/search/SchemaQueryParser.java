package org.huntindex.search;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.RegExp;
import org.huntindex.normalize.SourceNames;
import org.huntindex.schema.CommandLineTokenizer;
import org.huntindex.schema.Field;
import org.huntindex.schema.FieldKind;
import org.huntindex.schema.SchemaAnalyzer;
import org.huntindex.schema.WholeNumber;

/**
 * Lucene's classic query syntax, with every field queried the way the schema indexes it: IP fields as addresses,
 * CIDR blocks and ranges; times as ISO-8601 spans or relative to the newest event; numbers as points; keywords
 * ASCII-case-insensitively; the command line by its tokens. Raw source fields are queried as {@code Name:value} or
 * {@code Name=value}, and a Windows field name whose value normalization moved into the schema ({@code CommandLine},
 * {@code IpAddress}) also finds the events it was moved from; a term without a field searches {@link SearchFields#TEXT}
 * and every raw value that contains it.
 *
 * <p>Not thread-safe; {@link #parse} makes one per query.
 */
public final class SchemaQueryParser extends QueryParser {
  private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<)(.+)", Pattern.DOTALL);
  private static final Pattern NAME_EQUALS = Pattern.compile("([A-Za-z_@][\\w.@-]*)=(.*)", Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  private final SearchFields fields;
  private final Long newest;
  private final QueryText text;

  private SchemaQueryParser(SearchFields fields, Long newest, QueryText text) {
    super(SearchFields.TEXT, new SchemaAnalyzer());
    this.fields = fields;
    this.newest = newest;
    this.text = text;
    setAllowLeadingWildcard(true);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
  }

  /**
   * The Lucene query for what the analyst typed.
   *
   * @param newest the newest event's {@code @timestamp} in ticks, for {@code last-24h}; null in an empty index
   * @throws BadQueryException for malformed syntax, unknown fields and values a field cannot hold
   */
  public static Query parse(String query, SearchFields fields, Long newest) {
    checkDepth(query);
    QueryText text = QueryText.of(query);
    SchemaQueryParser parser = new SchemaQueryParser(fields, newest, text);
    try {
      return parser.parse(text.parsed());
    } catch (ParseException e) {
      throw parser.syntaxError(e);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(e.getMessage(), -1);
    } catch (StackOverflowError e) {
      // Lucene builds a regular expression or wildcard's automaton by recursion, one level per alternative or symbol
      throw new BadQueryException("a pattern in the query repeats or nests too deeply to compile; shorten it", -1);
    }
  }

  /** Groups nested deeper are refused before parsing: Lucene's parser recurses once per level. */
  static final int MAX_DEPTH = 200;

  private static void checkDepth(String query) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(' && ++depth > MAX_DEPTH) {
        throw new BadQueryException("groups nest more than " + MAX_DEPTH + " deep", i);
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  /**
   * Negations alone ({@code NOT recovered:true}, or such a group) mean every event but those, as in Elasticsearch's
   * query string; Lucene's would match none.
   */
  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query q = super.getBooleanQuery(clauses);
    if (!(q instanceof BooleanQuery b) || b.clauses().stream().anyMatch(c -> c.occur() != Occur.MUST_NOT)) {
      return q;
    }
    BooleanQuery.Builder everyBut = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
    b.clauses().forEach(everyBut::add);
    return everyBut.build();
  }

  @Override
  protected Query getFieldQuery(String field, String value, boolean quoted) throws ParseException {
    if (!quoted) {
      Query split = nameEquals(field, value, v -> fieldQuery(v.field, v.value, false));
      if (split != null) {
        return split;
      }
    }
    return fieldQuery(field, value, quoted);
  }

  private Query fieldQuery(String field, String value, boolean quoted) {
    Matcher cmp = COMPARISON.matcher(value.trim());
    if (cmp.matches() && !isText(field)) {
      String bound = cmp.group(2);
      return switch (cmp.group(1)) {
        case ">=" -> rangeQuery(field, bound, null, true, true);
        case ">" -> rangeQuery(field, bound, null, false, true);
        case "<=" -> rangeQuery(field, null, bound, true, true);
        default -> rangeQuery(field, null, bound, true, false);
      };
    }
    Query q = perField(field, value, f -> switch (f.kind()) {
      case KEYWORD -> keyword(f).term(value);
      case TEXT -> analyzed(f, value, quoted);
      case LONG -> LongPoint.newExactQuery(f.fieldName(), number(f, value));
      case TIME -> {
        TimeSpan span = TimeSpan.parse(value, newest);
        yield LongPoint.newRangeQuery(f.fieldName(), span.start(), span.end() - 1);
      }
      case IP -> IpQueries.exactOrCidr(f.fieldName(), value);
      case BOOLEAN -> new TermQuery(new Term(f.fieldName(), value.trim().toLowerCase(Locale.ROOT)));
    }, raw -> orRaw(KeywordQueries.raw(raw).term(value), LongRawValueContaining.of(raw, value)));
    boolean bare = field.equals(SearchFields.TEXT) && !value.isBlank();
    return bare ? orRaw(orRaw(q, KeywordQueries.anyRawValueContaining(value)), LongRawValueContaining.of(null, value))
        : q;
  }

  @Override
  protected Query getRangeQuery(String field, String lower, String upper, boolean includeLower,
      boolean includeUpper) {
    return rangeQuery(field, lower, upper, includeLower, includeUpper);
  }

  private Query rangeQuery(String field, String lower, String upper, boolean incLower, boolean incUpper) {
    return perField(field, lower + " TO " + upper, f -> switch (f.kind()) {
      case KEYWORD -> keyword(f).range(lower, upper, incLower, incUpper);
      case TEXT, BOOLEAN -> TermRangeQuery.newStringRange(f.fieldName(), lowerCase(lower), lowerCase(upper),
          incLower, incUpper);
      case LONG -> numberRange(f, lower, upper, incLower, incUpper);
      case TIME -> timeRange(f, lower, upper, incLower, incUpper);
      case IP -> IpQueries.range(f.fieldName(), lower, upper, incLower, incUpper);
    }, raw -> KeywordQueries.raw(raw).range(lower, upper, incLower, incUpper));
  }

  @Override
  protected Query getWildcardQuery(String field, String pattern) throws ParseException {
    if (pattern.equals("*")) {
      return getPrefixQuery(field, "");
    }
    Query split = nameEquals(field, pattern, v -> wildcardQuery(v.field, v.value));
    return split != null ? split : wildcardQuery(field, pattern);
  }

  private Query wildcardQuery(String field, String pattern) {
    if (pattern.equals("*")) {
      return prefixQuery(field, "");
    }
    Query q = perField(field, pattern, f -> switch (f.kind()) {
      case KEYWORD -> keyword(f).wildcard(pattern);
      case TEXT -> new WildcardQuery(new Term(f.fieldName(), singleToken(f, pattern)),
          Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
      case IP -> ipPrefix(f, pattern.endsWith("*") && pattern.indexOf('*') == pattern.length() - 1
          && pattern.indexOf('?') < 0 ? pattern.substring(0, pattern.length() - 1) : null, pattern);
      default -> throw notFor(f, "wildcards");
    }, raw -> KeywordQueries.raw(raw).wildcard(pattern));
    return field.equals(SearchFields.TEXT) ? orRaw(q, KeywordQueries.anyRawValueContainingWildcard(pattern)) : q;
  }

  @Override
  protected Query getPrefixQuery(String field, String prefix) throws ParseException {
    if (prefix.isEmpty() && (field.equals("*") || field.equals(SearchFields.TEXT))) {
      // a bare * is every event, as in Kibana: a bare word also looks in raw values, so * is anything anywhere
      return MatchAllDocsQuery.INSTANCE;
    }
    Query split = nameEquals(field, prefix, v -> prefixQuery(v.field, v.value));
    return split != null ? split : prefixQuery(field, prefix);
  }

  private Query prefixQuery(String field, String prefix) {
    Query q = perField(field, prefix + "*", f -> switch (f.kind()) {
      case KEYWORD -> keyword(f).prefixOf(prefix);
      case TEXT -> new PrefixQuery(new Term(f.fieldName(), singleToken(f, prefix)));
      case IP -> ipPrefix(f, prefix, prefix + "*");
      case LONG, TIME -> {
        if (!prefix.isEmpty()) {
          throw notFor(f, "prefixes");
        }
        yield LongPoint.newRangeQuery(f.fieldName(), Long.MIN_VALUE, Long.MAX_VALUE);
      }
      case BOOLEAN -> new PrefixQuery(new Term(f.fieldName(), lowerCase(prefix)));
    }, raw -> KeywordQueries.raw(raw).prefixOf(prefix));
    boolean bare = field.equals(SearchFields.TEXT) && !prefix.isEmpty();
    return bare ? orRaw(q, KeywordQueries.anyRawValueContaining(prefix)) : q;
  }

  /** A query without a field also looks inside every raw value, as grep would: {@code q} or {@code raw} when any. */
  private static Query orRaw(Query q, Query raw) {
    return raw == null ? q : new BooleanQuery.Builder().add(q, Occur.SHOULD).add(raw, Occur.SHOULD).build();
  }

  @Override
  protected Query getRegexpQuery(String field, String regex) throws ParseException {
    return perField(field, "/" + regex + "/", f -> switch (f.kind()) {
      case KEYWORD -> keyword(f).userRegexp(regex);
      case TEXT -> new RegexpQuery(new Term(f.fieldName(), regex), RegExp.NONE, RegExp.CASE_INSENSITIVE,
          Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
      default -> throw notFor(f, "regular expressions");
    }, raw -> KeywordQueries.raw(raw).userRegexp(regex));
  }

  @Override
  protected Query getFuzzyQuery(String field, String value, float similarity) throws ParseException {
    return perField(field, value + "~", f -> switch (f.kind()) {
      case KEYWORD -> keyword(f).fuzzy(value, edits(similarity, value));
      case TEXT -> new FuzzyQuery(new Term(f.fieldName(), lowerCase(value)), edits(similarity, value));
      default -> throw notFor(f, "fuzzy matching");
    }, raw -> KeywordQueries.raw(raw).fuzzy(value, edits(similarity, value)));
  }

  /** Builds the query on each field the name stands for, or on the raw source field of that name. */
  private Query perField(String name, String value, Function<Field, Query> onField, Function<String, Query> onRaw) {
    List<Field> targets = SearchFields.schema(name);
    try {
      if (targets == null) {
        return sourceName(name, onField, onRaw);
      }
      if (targets.size() == 1) {
        return onField.apply(targets.getFirst());
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Field f : targets) {
        Query q = onField.apply(f);
        if (q != null) {
          any.add(q, BooleanClause.Occur.SHOULD);
        }
      }
      return any.build();
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(name + ": " + e.getMessage(), valuePosition(value));
    }
  }

  /**
   * A name outside the schema: the raw source field of that name and, where normalization moved such a field's value
   * into the schema ({@code CommandLine} of a 4688 or a Sysmon 1), that schema field of those events. A value a
   * schema field cannot hold ({@code IpAddress:LOCAL}) is looked for in the other fields alone; in none, it is an error.
   */
  private Query sourceName(String name, Function<Field, Query> onField, Function<String, Query> onRaw) {
    List<SourceNames.Alias> aliases = SourceNames.of(name);
    boolean raw = fields.isRaw(name);
    if (aliases.isEmpty()) {
      if (!raw) {
        throw fields.unknown(name, fieldPosition(name));
      }
      return onRaw.apply(name);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (raw) {
      any.add(onRaw.apply(name), Occur.SHOULD);
    }
    IllegalArgumentException unfit = null;
    for (SourceNames.Alias a : aliases) {
      Query q;
      try {
        q = onField.apply(a.field());
      } catch (IllegalArgumentException e) {
        unfit = e;
        continue;
      }
      if (a.channel() != null) {
        BooleanQuery.Builder only = new BooleanQuery.Builder().add(q, Occur.MUST)
            .add(keyword(Field.WINLOG_CHANNEL).term(a.channel()), Occur.FILTER);
        if (!a.eventIds().isEmpty()) {
          only.add(LongPoint.newSetQuery(Field.EVENT_CODE.fieldName(), a.eventIds()), Occur.FILTER);
        }
        q = only.build();
      }
      any.add(q, Occur.SHOULD);
    }
    BooleanQuery query = any.build();
    if (query.clauses().isEmpty()) {
      throw unfit;
    }
    return query;
  }

  private record NameValue(String field, String value) {}

  /** {@code Name=value} typed without a field: the field {@code Name}'s value, when such a field exists. */
  private Query nameEquals(String field, String value, Function<NameValue, Query> query) {
    if (!field.equals(SearchFields.TEXT)) {
      return null;
    }
    Matcher m = NAME_EQUALS.matcher(value);
    if (!m.matches() || m.group(2).isEmpty()) {
      return null;
    }
    String name = m.group(1);
    if (SearchFields.schema(name) == null && !fields.isSourceName(name)) {
      return null;
    }
    return query.apply(new NameValue(name, m.group(2)));
  }

  private static boolean isText(String field) {
    List<Field> targets = SearchFields.schema(field);
    return targets != null && targets.stream().allMatch(f -> f.kind() == FieldKind.TEXT);
  }

  private static KeywordQueries keyword(Field f) {
    return f == Field.RAW ? KeywordQueries.raw("") : KeywordQueries.of(f);
  }

  private Query analyzed(Field f, String value, boolean quoted) {
    try {
      return super.getFieldQuery(f.fieldName(), value, quoted);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The lower-cased pattern, which must lie within one command-line token. */
  private static String singleToken(Field f, String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
      } else if (c == '*' || c == '?') {
        continue;
      }
      if (CommandLineTokenizer.separates(c)) {
        throw new IllegalArgumentException(f.fieldName() + " is searched by token and '" + c + "' separates "
            + "tokens; use a phrase (\"a\\b c\") or a wildcard within one token (mimi*)");
      }
    }
    return lowerCase(pattern);
  }

  private static Query ipPrefix(Field f, String prefix, String typed) {
    if (prefix != null && prefix.isEmpty()) {
      return InetAddressPoint.newRangeQuery(f.fieldName(), InetAddressPoint.MIN_VALUE, InetAddressPoint.MAX_VALUE);
    }
    Query q = prefix == null ? null : IpQueries.octetPrefix(f.fieldName(), prefix);
    if (q == null) {
      throw new IllegalArgumentException("'" + typed + "' is not an address pattern; use whole octets (10.1.*) "
          + "or a CIDR block (\"10.1.0.0/16\")");
    }
    return q;
  }

  private static long number(Field f, String value) {
    try {
      return WholeNumber.parse(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number; " + f.fieldName() + " is numeric");
    }
  }

  private static Query numberRange(Field f, String lower, String upper, boolean incLower, boolean incUpper) {
    long lo = lower == null ? Long.MIN_VALUE : number(f, lower);
    long hi = upper == null ? Long.MAX_VALUE : number(f, upper);
    if (lower != null && !incLower) {
      lo = lo == Long.MAX_VALUE ? lo : lo + 1;
    }
    if (upper != null && !incUpper) {
      hi = hi == Long.MIN_VALUE ? hi : hi - 1;
    }
    return LongPoint.newRangeQuery(f.fieldName(), lo, hi);
  }

  private Query timeRange(Field f, String lower, String upper, boolean incLower, boolean incUpper) {
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    if (lower != null) {
      TimeSpan span = TimeSpan.parse(lower, newest);
      lo = incLower ? span.start() : span.end();
    }
    if (upper != null) {
      TimeSpan span = TimeSpan.parse(upper, newest);
      hi = (incUpper ? span.end() : span.start()) - 1;
    }
    return LongPoint.newRangeQuery(f.fieldName(), lo, hi);
  }

  private static int edits(float similarity, String value) {
    return similarity >= 1 ? Math.min((int) similarity, 2) : FuzzyQuery.floatToEdits(similarity, value.length());
  }

  private static IllegalArgumentException notFor(Field f, String what) {
    String example = switch (f.kind()) {
      case LONG -> f.fieldName() + ":[4624 TO 4634] or " + f.fieldName() + ":>=4624";
      case TIME -> f.fieldName() + ":[2024-05-01 TO 2024-05-02T12:00] or " + f.fieldName() + ":[last-24h TO *]";
      case IP -> f.fieldName() + ":\"10.0.0.0/8\" or " + f.fieldName() + ":[10.0.0.0 TO 10.0.0.255]";
      default -> f.fieldName() + ":value";
    };
    return new IllegalArgumentException(what + " do not apply to a " + f.kind().name().toLowerCase(Locale.ROOT)
        + " field; use " + example);
  }

  private static String lowerCase(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Where {@code name:} starts in the typed query, searching back from the current token. */
  private int fieldPosition(String name) {
    int at = text.parsed().lastIndexOf(name + ":", tokenEnd());
    return at < 0 ? -1 : text.original(at);
  }

  private int valuePosition(String value) {
    int at = text.parsed().lastIndexOf(value, tokenEnd());
    return text.original(at >= 0 ? at : tokenStart());
  }

  private int tokenStart() {
    return token == null ? 0 : token.beginColumn;
  }

  private int tokenEnd() {
    return token == null ? text.parsed().length() : token.endColumn;
  }

  private BadQueryException syntaxError(ParseException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof BadQueryException bad) {
      return bad;
    }
    int position = -1;
    String what;
    if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
      Token next = pe.currentToken.next;
      position = text.original(next.beginColumn);
      what = next.kind == 0 ? "the query ends too early" : "unexpected '" + next.image + "'";
    } else {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      Matcher column = COLUMN.matcher(message);
      if (column.find()) {
        position = text.original(Integer.parseInt(column.group(1)) - 1);
      }
      what = cause instanceof TokenMgrError ? "cannot read the query here (unbalanced quote or '/'? "
          + "IPv6 and CIDR values go in quotes)" : firstLine(message);
    }
    return new BadQueryException("bad query: " + what, position);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
