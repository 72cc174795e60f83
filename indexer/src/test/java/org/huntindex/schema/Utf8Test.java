package org.huntindex.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static void assertLuceneBytes(String s) {
    assertArrayEquals(BytesRef.deepCopyOf(new BytesRef(s)).bytes, Utf8.bytes(s), () -> "for " + s.codePoints()
        .mapToObj(Integer::toHexString).toList());
  }

  @Test
  void givesLucenesBytesForAsciiAndBeyond() {
    for (String s : List.of("", "a", "cmd.exe", "C:\\Windows\\System32\\cmd.exe /c whoami", "12345678",
        "1234567?", "?", "http://x/?a=1", "?".repeat(17), "a?b?c?d?e?f?g?h?i", "héllo", "ж?", "ж", "é".repeat(20),
        "😀", "a😀b", "\u00a0\t\n")) {
      assertLuceneBytes(s);
    }
  }

  @Test
  void unpairedSurrogatesBecomeTheReplacementCharacterAsInLucene() {
    for (String s : List.of("\ud800", "a\ud800b", "abcdefgh\udc00", "\udc00\ud800", "12345678\ud83d", "a?\ud800",
        "????????\ud800", "abcdefg?\udbff?", "é\ud800", "é?", "http://x/?q=1&r=?".repeat(50) + "\udfff")) {
      assertLuceneBytes(s);
    }
  }

  @Test
  void randomStringsOfEveryKindOfCharacter() {
    Random random = new Random(7);
    char[] pool = {'a', 'Z', '0', '?', '=', ' ', '\u00e9', '\u0436', '\u0663', '\ud83d', '\ude00', '\ud800', '\uffff'};
    for (int round = 0; round < 20_000; round++) {
      char[] chars = new char[random.nextInt(40)];
      boolean ascii = random.nextBoolean();
      for (int i = 0; i < chars.length; i++) {
        chars[i] = pool[random.nextInt(ascii ? 5 : pool.length)];
      }
      assertLuceneBytes(new String(chars));
    }
  }

  @Test
  void validStringsComeBackFromTheirBytes() {
    for (String s : List.of("", "cmd.exe", "http://x/?a=1", "héllo ж", "a😀b", "?".repeat(9))) {
      byte[] b = Utf8.bytes(s);
      assertEquals(s, Utf8.string(new BytesRef(b)));
      assertEquals(s, Utf8.string(new BytesRef(("xx" + s + "yy").getBytes(StandardCharsets.UTF_8), 2, b.length)));
    }
  }
}
