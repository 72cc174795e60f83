package org.huntindex.schema;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Strings to index bytes and back: exactly the UTF-8 bytes Lucene's {@link UnicodeUtil} gives, at the speed of the
 * JDK's own (vectorized) encoder and decoder.
 *
 * <p>The two encoders differ only on an unpaired surrogate: the JDK writes {@code '?'}, Lucene U+FFFD. So the JDK's
 * bytes are kept when they hold no {@code '?'}, or when the string is ASCII and each {@code '?'} is one; anything else
 * is encoded again by Lucene.
 */
public final class Utf8 {
  private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** The UTF-8 bytes of {@code s}. */
  public static byte[] bytes(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (!hasQuestionMark(b) || b.length == s.length() && questionMarksAreReal(b, s)) {
      return b;
    }
    byte[] out = new byte[UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length())];
    UnicodeUtil.UTF16toUTF8(s, 0, s.length(), out, 0);
    return out;
  }

  /**
   * The string of valid UTF-8 bytes (every term and doc value Lucene wrote from a Java string is valid); the JDK's
   * decoder copies ASCII straight into a compact string.
   */
  public static String string(BytesRef b) {
    return new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8);
  }

  /** Whether {@code b} holds a {@code '?'}, looked for eight bytes at a time. */
  private static boolean hasQuestionMark(byte[] b) {
    int i = 0;
    for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
      if (hasQuestionMark(b, i)) {
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

  /** Whether each {@code '?'} in {@code b}, one byte per char of {@code s}, is a {@code '?'} in {@code s}. */
  private static boolean questionMarksAreReal(byte[] b, String s) {
    int i = 0;
    for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
      if (hasQuestionMark(b, i) && !questionMarksAreReal(b, s, i, i + Long.BYTES)) {
        return false;
      }
    }
    return questionMarksAreReal(b, s, i, b.length);
  }

  private static boolean questionMarksAreReal(byte[] b, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '?' && s.charAt(i) != '?') {
        return false;
      }
    }
    return true;
  }

  /** Whether the eight bytes of {@code b} at {@code i} hold a {@code '?'}. */
  private static boolean hasQuestionMark(byte[] b, int i) {
    long x = (long) BitUtil.VH_LE_LONG.get(b, i) ^ QUESTION_MARKS;
    return ((x - LOW_BITS) & ~x & HIGH_BITS) != 0;
  }
}
