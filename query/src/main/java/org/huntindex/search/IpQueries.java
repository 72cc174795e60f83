package org.huntindex.search;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.search.Query;
import org.huntindex.extract.IpAddresses;

/**
 * Queries over an IP field: an address, a CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), a range, or whole
 * leading IPv4 octets ({@code 10.1.*}). IPv4 is matched as IPv4-mapped IPv6, as it is indexed, so
 * {@code ::ffff:8.8.8.8} and {@code 8.8.8.8} are the same address and IPv4 blocks never cover other IPv6 addresses.
 */
final class IpQueries {
  private IpQueries() {}

  /** An address or a CIDR block. */
  static Query exactOrCidr(String field, String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      return InetAddressPoint.newExactQuery(field, address(t));
    }
    String host = t.substring(0, slash);
    byte[] bytes = bytes(host);
    int bits;
    try {
      bits = Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + t + "' has no prefix length after '/'");
    }
    boolean v4 = host.indexOf(':') < 0;
    int max = v4 ? 32 : 128;
    if (bits < 0 || bits > max) {
      throw new IllegalArgumentException("prefix length in '" + t + "' must be 0.." + max);
    }
    return block(field, bytes, v4 ? bits + 96 : bits);
  }

  /** Addresses between two bounds, {@code *} open. */
  static Query range(String field, String lower, String upper, boolean includeLower, boolean includeUpper) {
    InetAddress lo = lower == null ? InetAddressPoint.MIN_VALUE : address(lower);
    InetAddress hi = upper == null ? InetAddressPoint.MAX_VALUE : address(upper);
    if (!includeLower && lower != null) {
      lo = lo.equals(InetAddressPoint.MAX_VALUE) ? null : InetAddressPoint.nextUp(lo);
    }
    if (!includeUpper && upper != null) {
      hi = hi.equals(InetAddressPoint.MIN_VALUE) ? null : InetAddressPoint.nextDown(hi);
    }
    if (lo == null || hi == null) {
      return new org.apache.lucene.search.MatchNoDocsQuery("empty address range");
    }
    return InetAddressPoint.newRangeQuery(field, lo, hi);
  }

  /** Whole leading IPv4 octets followed by {@code *}: {@code 10.*}, {@code 192.168.*}; null for anything else. */
  static Query octetPrefix(String field, String prefix) {
    if (!prefix.endsWith(".") || prefix.indexOf(':') >= 0) {
      return null;
    }
    String[] octets = prefix.substring(0, prefix.length() - 1).split("\\.");
    if (octets.length > 3) {
      return null;
    }
    StringBuilder address = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      address.append(i == 0 ? "" : ".").append(i < octets.length ? octets[i] : "0");
    }
    byte[] bytes = IpAddresses.parse(address.toString());
    return bytes == null ? null : block(field, bytes, 96 + 8 * octets.length);
  }

  private static Query block(String field, byte[] bytes, int bits) {
    byte[] lo = bytes.clone();
    byte[] hi = bytes.clone();
    for (int bit = bits; bit < 128; bit++) {
      lo[bit >> 3] &= (byte) ~(0x80 >>> (bit & 7));
      hi[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
    }
    return InetAddressPoint.newRangeQuery(field, inet(lo), inet(hi));
  }

  private static InetAddress address(String text) {
    return inet(bytes(text.trim()));
  }

  private static byte[] bytes(String text) {
    byte[] b = IpAddresses.parse(text);
    if (b == null) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address (use 10.1.2.3, \"2001:db8::1\", "
          + "\"10.0.0.0/8\" or [10.0.0.0 TO 10.0.0.255]; IPv6 and CIDR in quotes)");
    }
    return b;
  }

  private static InetAddress inet(byte[] sixteen) {
    try {
      return InetAddress.getByAddress(sixteen);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
