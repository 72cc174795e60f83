package org.huntindex.extract;

import java.util.List;

/**
 * Kusto's IPv4 scalar functions used by hunt A: {@code ipv4_is_private} (HUNTS.md A.3 step 5) and
 * {@code has_any_ipv4_prefix} (step 6).
 *
 * <p>The Kusto parser is closed source; the strict grammar here is the spec's assumption [A]: the whole string is
 * {@code d{1,3}.d{1,3}.d{1,3}.d{1,3}} with an optional {@code /d{1,2}}, ASCII digits, octets at most 255 (leading zeros
 * read as decimal), prefix at most 32. Anything else, including surrounding whitespace or punctuation, does not parse.
 */
public final class KqlIpv4 {

  private KqlIpv4() {}

  /**
   * {@code ipv4_is_private(ip)}: whether the (masked) address is in 10/8, 172.16/12 or 192.168/16; {@link KqlBool#NULL}
   * when {@code ip} does not parse.
   */
  public static KqlBool isPrivate(String ip) {
    long parsed = parse(ip);
    if (parsed < 0) {
      return KqlBool.NULL;
    }
    int prefix = (int) (parsed >>> 32);
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    int v = (int) parsed & mask;
    return KqlBool.of(v >>> 24 == 10 || v >>> 20 == 0xAC1 || v >>> 16 == 0xC0A8);
  }

  /**
   * The address of {@code a.b.c.d[/n]} in the low 32 bits and the prefix length (32 when absent) in bits 32 to 37, or -1
   * when {@code s} does not match the strict grammar.
   */
  static long parse(String s) {
    int n = s.length();
    long quad = quad(s, 0);
    if (quad < 0) {
      return -1;
    }
    int i = (int) (quad >>> 32);
    int address = (int) quad;
    int prefix = 32;
    if (i < n) {
      if (s.charAt(i++) != '/') {
        return -1;
      }
      int start = i;
      prefix = 0;
      while (i < n && i - start < 3 && isDigit(s.charAt(i))) {
        prefix = prefix * 10 + s.charAt(i++) - '0';
      }
      if (i == start || i - start > 2 || i != n || prefix > 32) {
        return -1;
      }
    }
    return (long) prefix << 32 | (address & 0xFFFFFFFFL);
  }

  /**
   * {@code has_any_ipv4_prefix(source, prefixes)}: whether some prefix is valid (a full dotted quad, or one to three
   * octets each followed by a dot) and starts an IPv4 address that occurs in {@code source} delimited by
   * non-alphanumeric characters. An invalid prefix such as {@code ""} or {@code "127.0"} never matches.
   */
  public static boolean hasAnyIpv4Prefix(String source, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (hasIpv4Prefix(source, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code has_ipv4_prefix(source, prefix)}; see {@link #hasAnyIpv4Prefix}. */
  public static boolean hasIpv4Prefix(String source, String prefix) {
    if (!validPrefix(prefix)) {
      return false;
    }
    int n = source.length();
    for (int i = 0; i < n; i++) {
      if (!isDigit(source.charAt(i)) || (i > 0 && isAsciiAlnum(source.charAt(i - 1)))) {
        continue;
      }
      int end = quadEnd(source, i);
      boolean delimited = end > 0 && (end == n || !isAsciiAlnum(source.charAt(end)));
      if (delimited && source.startsWith(prefix, i) && (prefix.endsWith(".") || prefix.length() == end - i)) {
        return true;
      }
    }
    return false;
  }

  /** End of a dotted quad of octets at most 255 starting at {@code i}, or -1. */
  private static int quadEnd(String s, int i) {
    long quad = quad(s, i);
    return quad < 0 ? -1 : (int) (quad >>> 32);
  }

  /** A dotted quad of octets at most 255 starting at {@code i}: its end above bit 32, its address below; or -1. */
  private static long quad(String s, int i) {
    int n = s.length();
    int address = 0;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= n || s.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int start = i;
      int v = 0;
      while (i < n && i - start < 4 && isDigit(s.charAt(i))) {
        v = v * 10 + s.charAt(i++) - '0';
      }
      if (i == start || i - start > 3 || v > 255) {
        return -1;
      }
      address = address << 8 | v;
    }
    return (long) i << 32 | (address & 0xFFFFFFFFL);
  }

  private static boolean validPrefix(String p) {
    if (p.endsWith(".")) {
      int octets = 0;
      int i = 0;
      while (i < p.length()) {
        int start = i;
        int v = 0;
        while (i < p.length() && i - start < 4 && isDigit(p.charAt(i))) {
          v = v * 10 + p.charAt(i++) - '0';
        }
        if (i == start || i - start > 3 || v > 255 || i >= p.length() || p.charAt(i) != '.') {
          return false;
        }
        i++;
        octets++;
      }
      return octets <= 3;
    }
    return quadEnd(p, 0) == p.length();
  }

  private static boolean isDigit(char c) {
    return (char) (c - '0') <= 9;
  }

  private static boolean isAsciiAlnum(char c) {
    return isDigit(c) || (char) ((c | 0x20) - 'a') < 26;
  }
}
