package org.huntindex.index;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Encodes strings to exactly the UTF-8 bytes Lucene's {@link UnicodeUtil} gives (an unpaired surrogate becomes U+FFFD),
 * at the speed of the JDK's own encoder for the ASCII that most event values are.
 */
final class Utf8 {
  private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** The UTF-8 bytes of {@code s}. */
  static byte[] bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length == s.length() && !hasQuestionMark(b)) {
      return b;
    }
    // Not pure ASCII, or a '?' that may be the JDK's stand-in for an unpaired surrogate: Lucene's encoder decides.
    byte[] out = new byte[UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length())];
    UnicodeUtil.UTF16toUTF8(s, 0, s.length(), out, 0);
    return out;
  }

  /** Whether {@code b} holds a {@code '?'}, looked for eight bytes at a time. */
  private static boolean hasQuestionMark(byte[] b) {
    int i = 0;
    for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
      long x = (long) BitUtil.VH_LE_LONG.get(b, i) ^ QUESTION_MARKS;
      if (((x - LOW_BITS) & ~x & HIGH_BITS) != 0) {
        return true;
      }
    }
    for (; i < b.length; i++) {
      if (b[i] == '?') {
        return true;
      }
    }
    return false;
  }
}
