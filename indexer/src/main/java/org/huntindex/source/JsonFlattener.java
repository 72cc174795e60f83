package org.huntindex.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Turns one JSON object into the fields of a {@link RawRecord}: nested names joined with dots, arrays of scalars as
 * lists, arrays of objects as repeated names. Elasticsearch's wrappers are taken off: a document's {@code _source}
 * (elasticdump, a search hit) is read as the record's own fields, and a saved search response gives one record per hit;
 * a Log Analytics query response ({@code tables} of {@code columns} and {@code rows}) gives one record per row; a Splunk
 * export row ({@code {"preview":false,"result":{...}}}) is its {@code result}, and a Windows event's XML in its
 * {@code _raw} is read as that event. Not thread-safe: one per batch or document.
 */
final class JsonFlattener {
  static final int MAX_DEPTH = 64;
  static final int MAX_ARRAY_ELEMENTS = 10_000;
  static final int MAX_STRING_CHARS = 16 << 20;
  /** The most values one record keeps, list elements included, and the most characters of text in them. */
  static final int MAX_VALUES = 100_000;
  static final long MAX_RECORD_CHARS = 64 << 20;
  static final String TRUNCATED = "_truncated";

  /** Cached dotted names: building {@code a.b.c} once per batch instead of once per field. */
  private static final class Name {
    final String dotted;
    Map<String, Name> children;

    Name(String dotted) {
      this.dotted = dotted;
    }

    Name child(String name) {
      if (children == null) {
        children = new HashMap<>();
      }
      Name child = children.get(name);
      if (child == null) {
        child = new Name(dotted.isEmpty() ? name : dotted + "." + name);
        if (children.size() < MAX_CACHED_CHILDREN) {
          children.put(name, child);
        }
      }
      return child;
    }
  }

  private static final int MAX_CACHED_CHILDREN = 4096;
  /** What an Elasticsearch search response begins with; an object that begins so and has {@code hits} is one. */
  private static final Set<String> RESPONSE_FIELDS = Set.of("took", "timed_out", "_shards", "_scroll_id", "pit_id");
  private static final String SOURCE = "_source";
  /** What a Splunk export row holds beside its {@code preview}, which it begins with, and its {@code result}. */
  private static final Set<String> SPLUNK_ROW_FIELDS = Set.of("offset", "lastrow");

  private final Name root = new Name("");
  /** Values and characters the current record may still take; when either runs out the rest of it is skipped. */
  private int budget;
  private long charsLeft;
  private boolean cut;

  /**
   * Reads the top-level object whose START_OBJECT the parser is on, to its END_OBJECT: into one record, or, when it is an
   * Elasticsearch search response, into one record per hit of {@code hits.hits}, or, when it is a Log Analytics query
   * response, into one record per row of its tables, each at its own {@code position}.
   *
   * @param position the line of the token the parser is on
   */
  void root(JsonParser parser, String location, LongSupplier position, RecordSink sink) throws IOException {
    RawRecord record = start(new RawRecord("json", location, position.getAsLong()));
    boolean first = true;
    boolean response = false;
    boolean splunk = false;
    boolean records = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (response && token == JsonToken.START_OBJECT && field.equals("hits")) {
        hits(parser, location, position, sink);
        records = true;
      } else if (first && token == JsonToken.START_ARRAY && field.equals("tables")) {
        tables(parser, location, position, sink);
        records = true;
      } else if (first && field.equals("preview") || splunk && SPLUNK_ROW_FIELDS.contains(field)) {
        // a Splunk export row: {"preview":false,"offset":0,"result":{...}}, the last with "lastrow":true
        splunk = true;
        parser.skipChildren();
      } else if (splunk && token == JsonToken.START_OBJECT && field.equals("result")) {
        object(parser, root, 2, record);
      } else {
        // the service writes one of these first
        response |= first && RESPONSE_FIELDS.contains(field);
        field(parser, field, token, record);
      }
      first = false;
    }
    if (!records) {
      sink.accept(XmlRecordReader.inRaw(record, sink));
    }
  }

  /** Reads the object whose START_OBJECT the parser is on, to its END_OBJECT, into {@code record}. */
  RawRecord object(JsonParser parser, RawRecord record) throws IOException {
    start(record);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      field(parser, field, parser.nextToken(), record);
    }
    return record;
  }

  private RawRecord start(RawRecord record) {
    budget = MAX_VALUES;
    charsLeft = MAX_RECORD_CHARS;
    cut = false;
    return record;
  }

  /** One field of a top-level object; a document's {@code _source} holds the record's own fields. */
  private void field(JsonParser parser, String field, JsonToken token, RawRecord record) throws IOException {
    if (token == JsonToken.START_OBJECT && field.equals(SOURCE)) {
      object(parser, root, 2, record);
    } else {
      value(parser, token, root.child(field), 1, record, null);
    }
  }

  /**
   * A Log Analytics query response's tables: each row is a record, its values named by the table's columns, which the
   * service writes first; rows before any columns cannot be named and are reported.
   */
  private void tables(JsonParser parser, String location, LongSupplier position, RecordSink sink) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      List<Name> columns = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        token = parser.nextToken();
        if (token == JsonToken.START_ARRAY && field.equals("columns")) {
          columns = columns(parser);
        } else if (token == JsonToken.START_ARRAY && field.equals("rows") && columns != null) {
          rows(parser, columns, location, position, sink);
        } else {
          if (field.equals("rows")) {
            sink.error(new ReadError(location, "line " + position.getAsLong(), "table rows before their columns: "
                + "skipped"));
          }
          parser.skipChildren();
        }
      }
    }
  }

  /** The names of a table's columns, in order; a column without one is {@code column N}. */
  private List<Name> columns(JsonParser parser) throws IOException {
    List<Name> names = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      String name = null;
      if (token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          boolean isName = parser.currentName().equals("name");
          if (parser.nextToken() == JsonToken.VALUE_STRING && isName) {
            name = parser.getText();
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
      if (names.size() < MAX_ARRAY_ELEMENTS) {
        names.add(root.child(name == null || name.isEmpty() ? "column " + (names.size() + 1) : name));
      }
    }
    return names;
  }

  private void rows(JsonParser parser, List<Name> columns, String location, LongSupplier position, RecordSink sink)
      throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_ARRAY) {
        parser.skipChildren();
        continue;
      }
      RawRecord record = start(new RawRecord("json", location, position.getAsLong()));
      int column = 0;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (column < columns.size()) {
          value(parser, token, columns.get(column), 1, record, null);
        } else {
          parser.skipChildren();
        }
        column++;
      }
      sink.accept(record);
    }
  }

  /** A search response's {@code hits} object: each object of its {@code hits} array is a record; the rest is skipped. */
  private void hits(JsonParser parser, String location, LongSupplier position, RecordSink sink) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean list = parser.currentName().equals("hits");
      JsonToken token = parser.nextToken();
      if (!list || token != JsonToken.START_ARRAY) {
        parser.skipChildren();
        continue;
      }
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == JsonToken.START_OBJECT) {
          sink.accept(object(parser, new RawRecord("json", location, position.getAsLong())));
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private void object(JsonParser parser, Name parent, int depth, RawRecord record) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      Name name = parent.child(parser.currentName());
      value(parser, parser.nextToken(), name, depth, record, null);
    }
  }

  /** Adds one value; scalars go to {@code list} when inside an array of scalars. */
  private void value(JsonParser parser, JsonToken token, Name name, int depth, RawRecord record, List<Object> list)
      throws IOException {
    if (budget == 0) {
      cutAt(name, record);
      parser.skipChildren();
      return;
    }
    switch (token) {
      case START_OBJECT -> {
        if (depth >= MAX_DEPTH) {
          parser.skipChildren();
          record.add(TRUNCATED, name.dotted);
        } else {
          object(parser, name, depth + 1, record);
        }
      }
      case START_ARRAY -> {
        if (list != null) {
          array(parser, name, depth + 1, record, list);
        } else {
          List<Object> scalars = new ArrayList<>();
          array(parser, name, depth + 1, record, scalars);
          if (!scalars.isEmpty()) {
            record.add(name.dotted, scalars);
          }
        }
      }
      case VALUE_NULL -> {}
      default -> {
        Object scalar = scalar(parser, token, name, record);
        if (scalar instanceof String text && (charsLeft -= text.length()) < 0) {
          budget = 0;
          cutAt(name, record);
          return;
        }
        budget--;
        if (list == null) {
          record.add(name.dotted, scalar);
        } else {
          list.add(scalar);
        }
      }
    }
  }

  /** Names in {@code _truncated} the field where the record was cut, once. */
  private void cutAt(Name name, RawRecord record) {
    if (!cut) {
      record.add(TRUNCATED, name.dotted);
      cut = true;
    }
  }

  private void array(JsonParser parser, Name name, int depth, RawRecord record, List<Object> scalars)
      throws IOException {
    if (depth >= MAX_DEPTH) {
      parser.skipChildren();
      record.add(TRUNCATED, name.dotted);
      return;
    }
    int elements = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (++elements > MAX_ARRAY_ELEMENTS) {
        parser.skipChildren();
        if (elements == MAX_ARRAY_ELEMENTS + 1) {
          record.add(TRUNCATED, name.dotted);
        }
      } else {
        value(parser, token, name, depth, record, scalars);
      }
    }
  }

  private static Object scalar(JsonParser parser, JsonToken token, Name name, RawRecord record) throws IOException {
    return switch (token) {
      case VALUE_STRING -> {
        String text = parser.getText();
        if (text.length() > MAX_STRING_CHARS) {
          record.add(TRUNCATED, name.dotted);
          yield text.substring(0, MAX_STRING_CHARS);
        }
        yield text;
      }
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getText()
          : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> parser.getText();
    };
  }
}
