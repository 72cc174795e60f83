package org.huntindex.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Windows events written as XML, one {@link RawRecord} per {@code Event} (format {@code xml}, position = the line
 * of its start tag): Event Viewer's "Save as XML" ({@code <Events><Event>...}), and {@code wevtutil qe /f:xml} or
 * {@code Get-WinEvent}'s {@code ToXml()}, one {@code Event} after another without a root. Fields are named as the EVTX
 * reader names them: {@code System.EventID}, {@code System.TimeCreated.SystemTime}, {@code EventData.<Data@Name>},
 * {@code UserData.<path>}; Event Viewer adds {@code RenderingInfo.Message}.
 *
 * <p>Evidence is hostile: no DTD and no entity but XML's own are read, nesting and values per event are bounded, and a
 * syntax error ends the file, reported with its line and column, after the events before it. A character XML does not
 * allow (a control character, which {@code evtxexport} writes raw from binary data) is read as U+FFFD instead of ending
 * the file there.
 */
public final class XmlRecordReader implements RecordReader {
  static final int MAX_DEPTH = 64;
  static final int MAX_VALUES = 100_000;
  static final int MAX_TEXT_CHARS = 16 << 20;

  private static final byte[] OPEN = "<Events>".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "</Events>".getBytes(StandardCharsets.US_ASCII);
  private static final int HEAD = 64;
  /** One per thread: JSON lines carrying event XML are parsed on several at once, and a factory is not thread-safe. */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlRecordReader::factory);

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // text comes in pieces, so a hostile text node is cut at MAX_TEXT_CHARS instead of held whole
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }

  @Override
  public void read(Evidence evidence, RecordSink sink) throws IOException {
    String location = evidence.location();
    BufferedInputStream in = new BufferedInputStream(evidence.open(), HEAD);
    in.mark(HEAD);
    byte[] head = in.readNBytes(HEAD);
    in.reset();
    // a parser reading characters takes a byte order mark for content before the declaration
    in.skipNBytes(FormatSniffer.skipBom(head, head.length));
    // EvidenceReaders has made UTF-16 evidence UTF-8 already, so a Reader, which makes the parser ignore the encoding
    // the declaration names; events without a root element get one
    InputStream body = isDocument(head) ? in : new SequenceInputStream(Collections.enumeration(
        List.of(new ByteArrayInputStream(OPEN), in, new ByteArrayInputStream(CLOSE))));
    XMLStreamReader xml;
    try {
      xml = FACTORY.get().createXMLStreamReader(new AllowedChars(new InputStreamReader(body, StandardCharsets.UTF_8)));
    } catch (XMLStreamException e) {
      sink.error(error(location, e));
      return;
    }
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Event")) {
          sink.accept(event(xml, new RawRecord("xml", location, xml.getLocation().getLineNumber())));
        }
      }
    } catch (XMLStreamException e) {
      sink.error(error(location, e));
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // nothing left to read
      }
    }
  }

  /** Splunk's name for an event's text as it was received. */
  private static final String RAW = "_raw";

  /**
   * A record whose {@code _raw} is a Windows event's XML (a Splunk export of {@code XmlWinEventLog}, as JSON or CSV) as
   * that event, read as an {@code .xml} file's would be, beside the record's other fields but Splunk's internal ({@code
   * _}) ones; the record itself when {@code _raw} is none, or is reported when it does not parse.
   */
  static RawRecord inRaw(RawRecord record, RecordSink sink) {
    if (!(record.get(RAW) instanceof String raw) || !raw.stripLeading().startsWith("<Event")) {
      return record;
    }
    RawRecord event = new RawRecord("xml", record.location(), record.position());
    try {
      event(raw, event);
    } catch (XMLStreamException e) {
      ReadError inXml = error(record.location(), e);
      sink.error(new ReadError(record.location(), "line " + record.position(), "_raw holds no readable event XML: "
          + inXml.reason() + (inXml.position().isEmpty() ? "" : " (its " + inXml.position() + ")")));
      return record;
    }
    for (int i = 0; i < record.size(); i++) {
      if (!record.name(i).startsWith("_")) {
        event.add(record.name(i), record.value(i));
      }
    }
    return event;
  }

  /** Reads one event's XML, an {@code Event} element, into {@code record}. */
  static void event(String text, RawRecord record) throws XMLStreamException {
    XMLStreamReader xml = FACTORY.get().createXMLStreamReader(new AllowedChars(new StringReader(text)));
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          if (!xml.getLocalName().equals("Event")) {
            throw new XMLStreamException("no Event element but " + xml.getLocalName(), xml.getLocation());
          }
          event(xml, record);
          return;
        }
      }
    } finally {
      xml.close();
    }
  }

  /** Whether the content begins with an XML declaration or an {@code Events} root, after a byte order mark. */
  private static boolean isDocument(byte[] head) {
    String start = new String(head, StandardCharsets.ISO_8859_1);
    int i = FormatSniffer.contentStart(head, head.length);
    return start.startsWith("<?xml", i) || start.startsWith("<Events", i);
  }

  /** The fields of the {@code Event} element the reader is on, through its end tag. */
  private static RawRecord event(XMLStreamReader xml, RawRecord record) throws XMLStreamException {
    List<String> names = new ArrayList<>();
    List<Boolean> parents = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int values = 0;
    while (true) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (names.size() == MAX_DEPTH) {
            throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, xml.getLocation());
          }
          if (!parents.isEmpty()) {
            parents.set(parents.size() - 1, true);
          }
          String name = name(xml, names.isEmpty() ? "" : names.getLast());
          names.add(name);
          parents.add(false);
          text.setLength(0);
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (!(name.startsWith("EventData.") && xml.getAttributeLocalName(i).equals("Name"))
                && values++ < MAX_VALUES) {
              record.add(name + "." + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text.length() + xml.getTextLength() <= MAX_TEXT_CHARS) {
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (names.isEmpty()) {
            return record;
          }
          String name = names.removeLast();
          boolean parent = parents.removeLast();
          if (!parent && !text.isEmpty() && values++ < MAX_VALUES) {
            record.add(name, text.toString());
          }
          text.setLength(0);
        }
        case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the file ends inside an event",
            xml.getLocation());
        default -> {}
      }
    }
  }

  /** The dotted name of the element the reader is on: {@code EventData.<Name>} for a named data item. */
  private static String name(XMLStreamReader xml, String parent) {
    String element = xml.getLocalName();
    if (parent.equals("EventData") && element.equals("Data")) {
      String named = xml.getAttributeValue(null, "Name");
      return "EventData." + (named == null || named.isEmpty() ? "Data" : named);
    }
    return parent.isEmpty() ? element : parent + "." + element;
  }

  static ReadError error(String location, XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int cut = message.indexOf("Message: ");
    if (cut >= 0) {
      message = message.substring(cut + "Message: ".length());
    }
    return new ReadError(location, at == null ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber(),
        message.replaceAll("\\s+", " ").strip());
  }

  /** Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE and U+FFFF) as U+FFFD. */
  private static final class AllowedChars extends java.io.FilterReader {
    AllowedChars(java.io.Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      return c < 0 ? c : allowed((char) c);
    }

    @Override
    public int read(char[] chars, int off, int len) throws IOException {
      int n = super.read(chars, off, len);
      for (int i = off; i < off + n; i++) {
        chars[i] = allowed(chars[i]);
      }
      return n;
    }

    private static char allowed(char c) {
      return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF' ? '\uFFFD' : c;
    }
  }
}
