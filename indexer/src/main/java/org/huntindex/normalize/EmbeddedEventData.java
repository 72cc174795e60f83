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
 * An {@code EventData} column that holds a document as a string: a flat JSON object (Sentinel {@code WindowsEvent}) or
 * the {@code <EventData><Data Name="...">} XML fragment (Sentinel {@code SecurityEvent}).
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
      int fields = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME && fields++ < MAX_FIELDS) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL) {
          w.put(name, p.getText());
        }
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
