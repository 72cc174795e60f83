package org.huntindex.bench.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text to plain Java values (Map, List, String, Long, Double, Boolean, null), and nested maps to dotted keys. */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      p.nextToken();
      return value(p);
    } catch (IOException e) {
      throw new UncheckedIOException("bad JSON: " + text, e);
    }
  }

  /** A JSON object's fields with nested objects flattened to {@code a.b.c} keys; arrays stay lists. */
  public static Map<String, Object> flat(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", (Map<?, ?>) parse(text), out);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> m, Map<String, Object> out) {
    m.forEach((k, v) -> {
      if (v instanceof Map<?, ?> nested) {
        flatten(prefix + k + ".", nested, out);
      } else {
        out.put(prefix + k, v);
      }
    });
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }
}
