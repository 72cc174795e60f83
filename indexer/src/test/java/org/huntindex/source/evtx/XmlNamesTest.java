package org.huntindex.source.evtx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlNamesTest {
  @Test
  void namesWindowsWritesAreNamesAndMisreadBytesAreNot() {
    for (String name : List.of("Event", "EventData", "Data", "xmlns", "xmlns:auto-ns2", "_x", "Data.1", "Ünïcødé",
        "事件", "a\u00b7b")) {
      assertTrue(XmlNames.isName(name), name);
    }
    for (String name : List.of("", "1Data", "-x", ".x", "Event Data", "a/b", "FS03$", "a\u0001b", "\u0000",
        "\u2400", "a\uffff", "\ud800", "ttp://manifests.microsoft.com")) {
      assertFalse(XmlNames.isName(name), name);
    }
  }
}
