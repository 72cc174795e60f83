package org.huntindex.bench.generate;

/** Lower-case hexadecimal digits of a number, fixed width, without {@code String.format}. */
final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** The low {@code digits} hex digits of {@code v}. */
  static String of(long v, int digits) {
    char[] c = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      c[i] = DIGITS[(int) (v & 15)];
      v >>>= 4;
    }
    return new String(c);
  }

  static void append(StringBuilder b, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      b.append(DIGITS[(int) (v >>> (4 * i)) & 15]);
    }
  }
}
