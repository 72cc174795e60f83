package org.huntindex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlinesTest {
  private static int naive(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  @Test
  void findsTheFirstNewlineLikeAByteByByteScan() {
    Random random = new Random(7);
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[random.nextInt(80)];
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(10);
        // Neighbours of '\n' (0x09, 0x0B), bytes whose XOR with 0x0A borrows, and high bytes all appear.
        b[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x0B : kind == 2 ? 0x09 : kind == 3 ? 0x8A : random.nextInt(256));
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      int to = from + random.nextInt(b.length - from + 1);
      assertEquals(naive(b, from, to), Newlines.next(b, from, to), "round " + round);
    }
  }

  @Test
  void aNewlineJustPastTheRangeIsNotFound() {
    byte[] b = "abcdefghijklmnop\n".getBytes();
    assertEquals(16, Newlines.next(b, 0, 16));
    assertEquals(16, Newlines.next(b, 0, 17));
    assertEquals(3, Newlines.next(b, 3, 3));
  }
}
