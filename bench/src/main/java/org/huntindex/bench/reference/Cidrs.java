package org.huntindex.bench.reference;

import java.math.BigInteger;
import java.util.List;

/** CIDR membership the slow, obvious way: addresses as {@link BigInteger}s, compared after a right shift. */
final class Cidrs {
  private Cidrs() {}

  /** True when {@code address} (4 or 16 bytes, null = missing) is in one of the nets. */
  static boolean any(List<Net> nets, byte[] address) {
    if (address == null) {
      return false;
    }
    for (Net n : nets) {
      if (n.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** A CIDR (or a bare address) as a byte length, a prefix value and a prefix length. */
  record Net(int bytes, BigInteger prefix, int length) {
    static Net parse(String cidr) {
      int slash = cidr.indexOf('/');
      byte[] a = EqlHunt.parse(slash < 0 ? cidr : cidr.substring(0, slash));
      if (a == null) {
        throw new IllegalArgumentException("not a CIDR: " + cidr);
      }
      int len = slash < 0 ? a.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      return new Net(a.length, top(a, len), len);
    }

    boolean contains(byte[] a) {
      return a.length == bytes && top(a, length).equals(prefix);
    }

    private static BigInteger top(byte[] a, int len) {
      return new BigInteger(1, a).shiftRight(a.length * 8 - len);
    }
  }
}
