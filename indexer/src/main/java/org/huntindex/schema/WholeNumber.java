package org.huntindex.schema;

/** Whole numbers as Windows writes them: decimal, or hexadecimal after {@code 0x} (process, thread and logon ids). */
public final class WholeNumber {
  private WholeNumber() {}

  /** The number {@code s} writes, surrounding blanks ignored; hexadecimal takes up to 64 bits, unsigned. */
  public static long parse(String s) {
    String t = s.strip();
    if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
      return Long.parseUnsignedLong(t, 2, t.length(), 16);
    }
    return Long.parseLong(t);
  }
}
