package org.huntindex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RawRecordTest {
  @Test
  void getFindsTheFirstValueOfEveryNameAndNothingElse() {
    RawRecord r = new RawRecord("json", "t.json", 1);
    for (int i = 0; i < 200; i++) {
      r.add("field" + i, (long) i);
    }
    r.add("field7", "second");
    for (int i = 0; i < 200; i++) {
      // A name built anew, not the instance added: equal strings must be found, not only the same object.
      assertEquals((long) i, r.get(new String("field" + i)), "field" + i);
    }
    assertNull(r.get("field200"));
    assertNull(r.get("Field1"));
  }

  @Test
  void aMissingNameWhoseHashSharesABitWithAPresentOneIsStillMissing() {
    RawRecord r = new RawRecord("json", "t.json", 1).add("EventID", 4688L);
    String twin = null;
    for (int i = 0; twin == null; i++) {
      String candidate = "n" + i;
      if ((candidate.hashCode() & 63) == ("EventID".hashCode() & 63)) {
        twin = candidate;
      }
    }
    assertNull(r.get(twin));
    assertEquals(4688L, r.get("EventID"));
  }
}
