package org.huntindex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

class EventTest {
  @Test
  void multiValuedFieldsCollectDistinctValuesAndOthersRefuseASecond() {
    Event e = new Event().add(Field.EVENT_TYPE, "start").add(Field.EVENT_TYPE, "start").add(Field.EVENT_TYPE, "end");
    assertEquals(List.of("start", "end"), e.all(Field.EVENT_TYPE));
    assertThrows(IllegalArgumentException.class, () -> e.add(Field.HOST_NAME, "ws1"));
  }
}
