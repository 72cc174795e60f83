package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** EventData embedded as text: its forms, and the bounds on hostile ones. */
class EmbeddedEventDataTest {
  @Test
  void payloadDataItemsOneOrManyNamedOrNot() {
    WindowsRecord w = new WindowsRecord(8);
    EmbeddedEventData.parse("{\"EventData\":{\"Data\":{\"@Name\":\"Image\",\"#text\":\"a.exe\"},\"Binary\":\"00\"}}", w);
    assertEquals("a.exe", w.data.get("Image"));
    WindowsRecord classic = new WindowsRecord(8);
    EmbeddedEventData.parse("{\"EventData\":{\"Data\":[\"first\",{\"#text\":\"second\"},{\"@Name\":\"N\",\"#text\":7}]}}",
        classic);
    assertEquals("first", ((WindowsRecord.MultiValue) classic.data.get("Data")).values.get(0));
    assertEquals("second", ((WindowsRecord.MultiValue) classic.data.get("Data")).values.get(1));
    assertEquals("7", classic.data.get("N"));
  }

  @Test
  void manyItemsAndDeepUserDataAreCutNotFollowed() {
    StringBuilder many = new StringBuilder("{\"EventData\":{\"Data\":[");
    for (int i = 0; i < 10_000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"@Name\":\"F").append(i).append("\",\"#text\":\"v\"}");
    }
    WindowsRecord w = new WindowsRecord(8);
    EmbeddedEventData.parse(many.append("]}}").toString(), w);
    assertTrue(w.data.size() <= 4096 && w.data.size() > 4000, w.data.size() + " fields");
    StringBuilder deep = new StringBuilder("{\"UserData\":");
    for (int i = 0; i < 50; i++) {
      deep.append("{\"L").append(i).append("\":");
    }
    deep.append("\"bottom\"").append("}".repeat(51));
    WindowsRecord d = new WindowsRecord(8);
    EmbeddedEventData.parse(deep.toString(), d);
    assertTrue(d.data.isEmpty(), d.data.toString());
    WindowsRecord shallow = new WindowsRecord(8);
    EmbeddedEventData.parse("{\"UserData\":{\"LogFileCleared\":{\"SubjectUserName\":\"x\"}}}", shallow);
    assertEquals("x", shallow.data.get("UserData.LogFileCleared.SubjectUserName"));
  }
}
