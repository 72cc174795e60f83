package org.huntindex.source.evtx;

/** BinXML token codes; bit 0x40 on an element or attribute token means "has attributes" / "more follow". */
final class BinXmlToken {
  static final int EOF = 0x00;
  static final int OPEN_START_ELEMENT = 0x01;
  static final int CLOSE_START_ELEMENT = 0x02;
  static final int CLOSE_EMPTY_ELEMENT = 0x03;
  static final int END_ELEMENT = 0x04;
  static final int VALUE = 0x05;
  static final int ATTRIBUTE = 0x06;
  static final int CDATA = 0x07;
  static final int CHAR_REF = 0x08;
  static final int ENTITY_REF = 0x09;
  static final int PI_TARGET = 0x0a;
  static final int PI_DATA = 0x0b;
  static final int TEMPLATE_INSTANCE = 0x0c;
  static final int SUBSTITUTION = 0x0d;
  static final int OPTIONAL_SUBSTITUTION = 0x0e;
  static final int FRAGMENT_HEADER = 0x0f;
  static final int MORE = 0x40;

  private BinXmlToken() {}

  /** The token code without the 0x40 flag; an unknown byte maps to -1. */
  static int code(int b) {
    return (b & ~(MORE | 0x0f)) == 0 ? b & 0x0f : -1;
  }
}
