package org.huntindex.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON object into the fields of a {@link RawRecord}: nested names joined with dots, arrays of scalars as
 * lists, arrays of objects as repeated names. Not thread-safe: one per batch or document.
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

  private final Name root = new Name("");
  /** Values and characters the current record may still take; when either runs out the rest of it is skipped. */
  private int budget;
  private long charsLeft;
  private boolean cut;

  /** Reads the object whose START_OBJECT the parser is on, to its END_OBJECT, into {@code record}. */
  RawRecord object(JsonParser parser, RawRecord record) throws IOException {
    budget = MAX_VALUES;
    charsLeft = MAX_RECORD_CHARS;
    cut = false;
    object(parser, root, 1, record);
    return record;
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
