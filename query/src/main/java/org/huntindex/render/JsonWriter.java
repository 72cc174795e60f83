package org.huntindex.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.huntindex.source.Printable;

/** A thin, unchecked wrapper over Jackson's generator for the JSON the commands print. */
public final class JsonWriter implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();
  private final JsonGenerator g;

  public JsonWriter(OutputStream out, boolean pretty) {
    try {
      g = JSON.createGenerator(out, JsonEncoding.UTF8);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setCharacterEscapes(ControlEscapes.INSTANCE);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void startObject() {
    io(() -> g.writeStartObject());
  }

  public void endObject() {
    io(() -> g.writeEndObject());
  }

  public void startArray() {
    io(() -> g.writeStartArray());
  }

  public void endArray() {
    io(() -> g.writeEndArray());
  }

  public void name(String name) {
    io(() -> g.writeFieldName(name));
  }

  public void field(String name, long value) {
    io(() -> g.writeNumberField(name, value));
  }

  public void field(String name, String value) {
    io(() -> {
      if (value == null) {
        g.writeNullField(name);
      } else {
        g.writeStringField(name, value);
      }
    });
  }

  public void value(String value) {
    io(() -> g.writeString(value));
  }

  public void nullValue() {
    io(() -> g.writeNull());
  }

  public void value(long value) {
    io(() -> g.writeNumber(value));
  }

  /** An object of string keys to counts, keys in the map's order. */
  public void counts(String name, Map<String, Long> counts) {
    io(() -> {
      g.writeObjectFieldStart(name);
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    });
  }

  public void flush() {
    io(g::flush);
  }

  @Override
  public void close() {
    io(g::close);
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void io(Io action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Escapes what JSON allows raw but a terminal may act on, besides the C0 controls Jackson always escapes: C1 controls,
   * bidirectional controls, and the line and paragraph separators ({@link Printable#isLayoutControl}).
   */
  private static final class ControlEscapes extends CharacterEscapes {
    static final ControlEscapes INSTANCE = new ControlEscapes();
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      boolean escape = (ch >= 0x80 && ch < 0xA0) || Printable.isLayoutControl((char) ch);
      return escape ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
