package org.huntindex.extract;

/**
 * IP addresses as 16 bytes, the way Lucene's {@code InetAddressPoint} encodes them (IPv4 as IPv4-mapped IPv6), parsed
 * and formatted without {@code InetAddress} and so without any name lookup.
 *
 * <p>Parsing is strict and follows Elasticsearch's {@code ip} field: IPv4 is a dotted quad of decimal octets at most
 * 255 with no leading zeros (which some parsers read as octal); IPv6 has one to four hex digits per group, at most one
 * {@code ::}, an optional dotted-quad tail, and an optional non-empty {@code %zone} that is dropped.
 */
public final class IpAddresses {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private IpAddresses() {}

  /** The 16-byte form of {@code text}, or null when it is not exactly one IPv4 or IPv6 address. */
  public static byte[] parse(String text) {
    byte[] out = new byte[16];
    int n = text.length();
    if (text.indexOf(':') < 0) {
      return parseV4(text, 0, n, out) ? out : null;
    }
    int zone = text.indexOf('%');
    if (zone >= 0) {
      if (zone == n - 1 || !isZone(text, zone + 1, n)) {
        return null;
      }
      n = zone;
    }
    return parseV6(text, 0, n, out) ? out : null;
  }

  /** {@code address} as text: IPv4-mapped addresses as a dotted quad, others in RFC 5952 form. */
  public static String format(byte[] address) {
    if (address.length != 16) {
      throw new IllegalArgumentException("expected a 16-byte address, got " + address.length + " bytes");
    }
    if (isV4Mapped(address)) {
      return (address[12] & 0xFF) + "." + (address[13] & 0xFF) + "." + (address[14] & 0xFF) + "." + (address[15] & 0xFF);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int g = 0; g < 8; ) {
      int end = g;
      while (end < 8 && group(address, end) == 0) {
        end++;
      }
      if (end - g > bestLen) {
        bestStart = g;
        bestLen = end - g;
      }
      g = Math.max(end, g + 1);
    }
    StringBuilder sb = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        sb.append("::");
        g += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      appendHex(sb, group(address, g));
    }
    return sb.toString();
  }

  /** Whether {@code address} is an IPv4 address in IPv4-mapped form ({@code ::ffff:a.b.c.d}). */
  public static boolean isV4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
  }

  /** Parses a dotted quad filling exactly {@code [from, to)} into {@code out} as IPv4-mapped. */
  static boolean parseV4(CharSequence s, int from, int to, byte[] out) {
    if (!quad(s, from, to, out, 12)) {
      return false;
    }
    java.util.Arrays.fill(out, 0, 10, (byte) 0);
    out[10] = (byte) 0xFF;
    out[11] = (byte) 0xFF;
    return true;
  }

  /** Parses IPv6 (no zone) filling exactly {@code [from, to)} into {@code out}. */
  static boolean parseV6(CharSequence s, int from, int to, byte[] out) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = from;
    if (to - from >= 2 && s.charAt(i) == ':') {
      if (s.charAt(i + 1) != ':') {
        return false;
      }
      gap = 0;
      i += 2;
    }
    while (i < to) {
      if (count == 8) {
        return false;
      }
      int j = i;
      int v = 0;
      while (j < to && j - i < 5 && hex(s.charAt(j)) >= 0) {
        v = v << 4 | hex(s.charAt(j++));
      }
      if (j < to && s.charAt(j) == '.') {
        if (count > 6 || !quad(s, i, to, out, 12)) {
          return false;
        }
        groups[count++] = (out[12] & 0xFF) << 8 | (out[13] & 0xFF);
        groups[count++] = (out[14] & 0xFF) << 8 | (out[15] & 0xFF);
        break;
      }
      if (j == i || j - i > 4) {
        return false;
      }
      groups[count++] = v;
      if (j == to) {
        break;
      }
      if (s.charAt(j) != ':' || j + 1 == to) {
        return false;
      }
      i = j + 1;
      if (s.charAt(i) == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = count;
        i++;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return false;
    }
    int zeros = 8 - count;
    for (int g = 0, k = 0; g < 8; g++) {
      int v = gap >= 0 && g >= gap && g < gap + zeros ? 0 : groups[k++];
      out[2 * g] = (byte) (v >>> 8);
      out[2 * g + 1] = (byte) v;
    }
    return true;
  }

  /** Parses exactly four dotted decimal octets in {@code [from, to)} into {@code out[at..at+4)}. */
  static boolean quad(CharSequence s, int from, int to, byte[] out, int at) {
    int i = from;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= to || s.charAt(i) != '.') {
          return false;
        }
        i++;
      }
      int start = i;
      int v = 0;
      while (i < to && i - start < 4 && (char) (s.charAt(i) - '0') <= 9) {
        v = v * 10 + s.charAt(i++) - '0';
      }
      int len = i - start;
      if (len == 0 || len > 3 || v > 255 || (len > 1 && s.charAt(start) == '0')) {
        return false;
      }
      out[at + part] = (byte) v;
    }
    return i == to;
  }

  static int hex(char c) {
    if ((char) (c - '0') <= 9) {
      return c - '0';
    }
    int l = (c | 0x20) - 'a';
    return l >= 0 && l < 6 ? l + 10 : -1;
  }

  /** Whether {@code [from, to)} is a plausible zone id: ASCII letters, digits, {@code . _ - ~}. */
  static boolean isZone(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!KustoTerms.isAlnum(c) && c != '.' && c != '_' && c != '-' && c != '~') {
        return false;
      }
    }
    return to > from;
  }

  private static int group(byte[] a, int g) {
    return (a[2 * g] & 0xFF) << 8 | (a[2 * g + 1] & 0xFF);
  }

  private static void appendHex(StringBuilder sb, int v) {
    boolean started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int d = (v >>> shift) & 0xF;
      if (d != 0 || started || shift == 0) {
        sb.append(HEX[d]);
        started = true;
      }
    }
  }
}
