package org.huntindex.hunts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JSON values (maps, lists, strings, longs, doubles, booleans) read and written with Jackson's streaming API. */
public final class Json {
  private static final JsonFactory JSON = new JsonFactory();

  private Json() {}

  static Object read(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      p.nextToken();
      return value(p);
    }
  }

  public static Object parse(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      p.nextToken();
      return value(p);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        yield m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> null;
    };
  }

  /** Writes each value as one line of JSON. */
  public static void writeLines(Path file, List<?> values) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      for (Object v : values) {
        try (JsonGenerator g = JSON.createGenerator(w)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          write(g, v);
        }
        w.write('\n');
      }
    }
  }

  /** The value as one line of JSON. */
  public static String text(Object value) throws IOException {
    java.io.StringWriter w = new java.io.StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      write(g, value);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    switch (v) {
      case null -> g.writeNull();
      case Map<?, ?> m -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeFieldName(e.getKey().toString());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case List<?> l -> {
        g.writeStartArray();
        for (Object o : l) {
          write(g, o);
        }
        g.writeEndArray();
      }
      case String s -> g.writeString(s);
      case Long n -> g.writeNumber(n);
      case Double d -> g.writeNumber(d);
      case Boolean b -> g.writeBoolean(b);
      default -> g.writeString(v.toString());
    }
  }
}
