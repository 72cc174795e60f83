package org.huntindex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void plainTextIsReturnedAsIs() {
    for (String s : new String[] {"", "cmd.exe /c ping 8.8.8.8", "C:\\Users\\ж\\é.txt", "日本語", "😀 ok"}) {
      assertSame(s, Printable.of(s), s);
    }
  }

  @Test
  void controlsAndLayoutCharactersAreShownVisibly() {
    assertEquals("a⇥b␍↵c", Printable.of("a\tb\r\nc"));
    assertEquals("␛[2J␛]0;x␇", Printable.of("\u001b[2J\u001b]0;x\u0007"));
    assertEquals("␀␡<U+0085><U+009B>", Printable.of("\u0000\u007f\u0085\u009b"));
    assertEquals("invoice<U+202E>fdp.exe", Printable.of("invoice\u202efdp.exe"));
    assertEquals("<U+2066>x<U+2069><U+200F><U+061C><U+2028>", Printable.of("\u2066x\u2069\u200f\u061c\u2028"));
    assertEquals("\uFFFDa\uFFFD😀", Printable.of("\ud800a\udc00\ud83d\ude00"));
  }

  @Test
  void everyCharacterComesOutPrintableAndEncodable() throws CharacterCodingException {
    CharsetEncoder strict = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      all.append((char) c);
    }
    String out = Printable.of(all.toString());
    ByteBuffer encoded = strict.encode(CharBuffer.wrap(out));
    assertFalse(encoded.remaining() == 0);
    out.codePoints().forEach(c -> assertFalse(
        c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x202E || c == 0x2028 || Character.isSurrogate((char) c)
            || Character.getType(c) == Character.SURROGATE,
        "U+" + Integer.toHexString(c)));
    // the only pair in the input, U+DBFF U+DC00, is kept as the code point it encodes
    assertEquals(1, out.codePoints().filter(c -> c == 0x10FC00).count());
  }
}
