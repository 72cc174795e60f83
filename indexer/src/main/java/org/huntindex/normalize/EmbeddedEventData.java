package org.huntindex.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An {@code EventData} column that holds a document as a string: a flat JSON object (Sentinel {@code WindowsEvent}), the
 * {@code <EventData><Data Name="...">} XML fragment (Sentinel {@code SecurityEvent}), or that XML as JSON, {@code
 * {"EventData":{"Data":[{"@Name":..,"#text":..}]}}} or {@code {"UserData":{..}}} (EvtxECmd's {@code Payload}).
 */
final class EmbeddedEventData {
  private static final JsonFactory JSON = new JsonFactory();
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();
  private static final int MAX_FIELDS = 4096;

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
  }

  private EmbeddedEventData() {}

  /** Adds the embedded fields to {@code w}; text that is neither JSON nor XML is kept as {@code EventData}. */
  static void parse(String text, WindowsRecord w) {
    if (text == null) {
      return;
    }
    String t = text.strip();
    try {
      if (t.startsWith("{")) {
        json(t, w);
        return;
      }
      if (t.startsWith("<")) {
        xml(t, w);
        return;
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // not a well-formed document: keep the text as it is
    }
    w.put("EventData", text);
  }

  private static void json(String t, WindowsRecord w) throws IOException {
    try (JsonParser p = JSON.createParser(t)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      // fields read so far, across nesting; at the limit every level stops reading
      int[] fields = {0};
      while (fields[0]++ < MAX_FIELDS && p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT && name.equals("EventData")) {
          dataItems(p, w, fields);
        } else if (v == JsonToken.START_OBJECT && name.equals("UserData")) {
          nested(p, name, 1, w, fields);
        } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL) {
          w.put(name, p.getText());
        }
      }
    }
  }

  /**
   * The XML's {@code EventData} as JSON (EvtxECmd's {@code Payload}): {@code Data} items of {@code @Name} and {@code
   * #text}, as an array or, for one item, an object; an item without a name is {@code Data}.
   */
  private static void dataItems(JsonParser p, WindowsRecord w, int[] fields) throws IOException {
    while (fields[0] < MAX_FIELDS && p.nextToken() == JsonToken.FIELD_NAME) {
      boolean data = p.currentName().equals("Data");
      JsonToken v = p.nextToken();
      if (!data) {
        p.skipChildren();
      } else if (v == JsonToken.START_ARRAY) {
        while (fields[0]++ < MAX_FIELDS && (v = p.nextToken()) != JsonToken.END_ARRAY) {
          dataItem(p, v, w);
        }
      } else {
        dataItem(p, v, w);
      }
    }
  }

  private static void dataItem(JsonParser p, JsonToken token, WindowsRecord w) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      if (token == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else if (token != JsonToken.VALUE_NULL) {
        w.put("Data", p.getText());
      }
      return;
    }
    String name = null;
    String text = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else if (v != JsonToken.VALUE_NULL && field.equals("@Name")) {
        name = p.getText();
      } else if (v != JsonToken.VALUE_NULL && field.equals("#text")) {
        text = p.getText();
      }
    }
    w.put(name == null ? "Data" : name, text);
  }

  /** An object's scalars as {@code prefix.<path>}, as the EVTX reader names UserData; nesting stops at 8 levels. */
  private static void nested(JsonParser p, String prefix, int depth, WindowsRecord w, int[] fields)
      throws IOException {
    while (fields[0]++ < MAX_FIELDS && p.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix + '.' + p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT && depth < 8) {
        nested(p, name, depth + 1, w, fields);
      } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else if (v != JsonToken.VALUE_NULL) {
        w.put(name, p.getText());
      }
    }
  }

  private static void xml(String t, WindowsRecord w) throws XMLStreamException {
    XMLStreamReader r = XML.createXMLStreamReader(new StringReader(t));
    try {
      int fields = 0;
      while (r.hasNext() && fields < MAX_FIELDS) {
        if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("Data")) {
          String name = r.getAttributeValue(null, "Name");
          String value = r.getElementText();
          w.put(name == null ? "Data" : name, value);
          fields++;
        }
      }
    } finally {
      r.close();
    }
  }
}
