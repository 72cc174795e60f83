package org.huntindex.extract;

import java.util.Arrays;

/**
 * One CIDR block over 16-byte addresses: an IPv4 block {@code a.b.c.d/n} covers IPv4-mapped addresses (prefix
 * {@code 96 + n}), an IPv6 block covers IPv6 addresses, and a bare address is a block of one. Host bits are ignored,
 * as Lucene's {@code InetAddressPoint.newPrefixQuery} ignores them.
 */
public record Cidr(byte[] address, int prefixLength, boolean ipv4) {

  /** Validates and masks; {@code prefixLength} counts bits of the 16-byte form (96 to 128 for IPv4). */
  public Cidr {
    if (address.length != 16) {
      throw new IllegalArgumentException("expected a 16-byte address, got " + address.length + " bytes");
    }
    if (prefixLength < (ipv4 ? 96 : 0) || prefixLength > 128) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for "
          + (ipv4 ? "IPv4 (96..128 in 16-byte form)" : "IPv6 (0..128)"));
    }
    address = mask(address, prefixLength, false);
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code FE80::/10}, {@code ::1} or {@code 192.0.0.8}: an address per
   * {@link IpAddresses#parse}, then optionally {@code /} and a decimal prefix of 0 to 32 (IPv4) or 0 to 128 (IPv6).
   *
   * @throws IllegalArgumentException saying what was wrong
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    byte[] address = IpAddresses.parse(addressText);
    if (address == null) {
      throw new IllegalArgumentException("bad CIDR '" + text + "': '" + addressText
          + "' is not an IPv4 or IPv6 address (expected e.g. 10.0.0.0/8, fe80::/10 or ::1)");
    }
    boolean ipv4 = addressText.indexOf(':') < 0;
    int max = ipv4 ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || (prefix = Integer.parseInt(p)) > max) {
        throw new IllegalArgumentException("bad CIDR '" + text + "': prefix length '" + p + "' must be a number from 0 to "
            + max + " for " + (ipv4 ? "IPv4" : "IPv6"));
      }
    }
    return new Cidr(address, ipv4 ? 96 + prefix : prefix, ipv4);
  }

  /** The first address of the block. */
  public byte[] lower() {
    return address.clone();
  }

  /** The last address of the block. */
  public byte[] upper() {
    return mask(address, prefixLength, true);
  }

  /** Whether the block holds {@code address16}. */
  public boolean contains(byte[] address16) {
    return Arrays.equals(mask(address16, prefixLength, false), address);
  }

  /** The block as {@code address/prefix}, IPv4 with its own prefix length. */
  @Override
  public String toString() {
    return IpAddresses.format(address) + "/" + (ipv4 ? prefixLength - 96 : prefixLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.address, address);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(address) * 31 + prefixLength;
  }

  private static byte[] mask(byte[] a, int prefix, boolean setHostBits) {
    byte[] out = a.clone();
    for (int bit = prefix; bit < 128; bit++) {
      int mask = 0x80 >>> (bit & 7);
      out[bit >>> 3] = (byte) (setHostBits ? out[bit >>> 3] | mask : out[bit >>> 3] & ~mask);
    }
    return out;
  }
}
