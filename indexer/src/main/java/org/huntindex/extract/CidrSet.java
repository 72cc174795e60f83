package org.huntindex.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A fixed set of CIDR blocks (EQL {@code cidrmatch}, HUNTS.md B.3) answering "is this 16-byte address in any block" in
 * a few nanoseconds, and giving its blocks merged into disjoint ranges for {@code InetAddressPoint.newRangeQuery}.
 *
 * <p>The blocks are merged into sorted disjoint 128-bit ranges. A lookup first reads a bitmap keyed by the top 16 bits
 * of the address (for IPv4-mapped addresses, by the first two octets): a key whose whole span is in or out of the set
 * answers at once; only keys that a range boundary cuts fall back to a binary search over the ranges.
 */
public final class CidrSet {

  /** One merged range of addresses, both ends inclusive, as 16-byte arrays. */
  public record Range(byte[] lower, byte[] upper) {}

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int KEYS = 1 << 16;

  private final List<Cidr> cidrs;
  // range bounds as (hi, lo) with the sign bit flipped, so that signed comparison orders them as unsigned
  private final long[] lowHi;
  private final long[] lowLo;
  private final long[] upHi;
  private final long[] upLo;
  private final long[] v4In = new long[KEYS / 64];
  private final long[] v4Cut = new long[KEYS / 64];
  private final long[] v6In = new long[KEYS / 64];
  private final long[] v6Cut = new long[KEYS / 64];

  private CidrSet(List<Cidr> cidrs) {
    this.cidrs = List.copyOf(cidrs);
    List<long[]> ranges = new ArrayList<>();
    for (Cidr c : cidrs) {
      byte[] l = c.lower();
      byte[] u = c.upper();
      ranges.add(new long[] {hi(l), lo(l), hi(u), lo(u)});
    }
    ranges.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : ranges) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !(r[0] > last[2] || (r[0] == last[2] && r[1] > last[3]))) {
        if (r[2] > last[2] || (r[2] == last[2] && r[3] > last[3])) {
          last[2] = r[2];
          last[3] = r[3];
        }
      } else if (last != null && adjacent(last, r)) {
        last[2] = r[2];
        last[3] = r[3];
      } else {
        merged.add(r.clone());
      }
    }
    int n = merged.size();
    lowHi = new long[n];
    lowLo = new long[n];
    upHi = new long[n];
    upLo = new long[n];
    for (int i = 0; i < n; i++) {
      long[] r = merged.get(i);
      lowHi[i] = r[0];
      lowLo[i] = r[1];
      upHi[i] = r[2];
      upLo[i] = r[3];
    }
    for (int key = 0; key < KEYS; key++) {
      long v4Lo = 0x0000FFFF00000000L | (long) key << 16;
      classify(v4In, v4Cut, key, flip(0), flip(v4Lo), flip(0), flip(v4Lo | 0xFFFF));
      long hi = (long) key << 48;
      classify(v6In, v6Cut, key, flip(hi), flip(0), flip(hi | 0xFFFF_FFFF_FFFFL), flip(-1L));
    }
  }

  /** The set of {@code cidrs}, each per {@link Cidr#parse}. */
  public static CidrSet of(Collection<String> cidrs) {
    return new CidrSet(cidrs.stream().map(Cidr::parse).toList());
  }

  /** The set of {@code cidrs}. */
  public static CidrSet ofCidrs(Collection<Cidr> cidrs) {
    return new CidrSet(List.copyOf(cidrs));
  }

  /** Whether some block holds the 16-byte {@code address}. */
  public boolean contains(byte[] address) {
    return contains((long) LONGS.get(address, 0), (long) LONGS.get(address, 8));
  }

  /** Whether some block holds the address whose 16 bytes are {@code hi} then {@code lo}, big-endian. */
  public boolean contains(long hi, long lo) {
    int key;
    long[] in;
    long[] cut;
    if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
      key = (int) (lo >>> 16) & 0xFFFF;
      in = v4In;
      cut = v4Cut;
    } else {
      key = (int) (hi >>> 48);
      in = v6In;
      cut = v6Cut;
    }
    long bit = 1L << key;
    if ((cut[key >>> 6] & bit) == 0) {
      return (in[key >>> 6] & bit) != 0;
    }
    return search(flip(hi), flip(lo));
  }

  /** The blocks merged into sorted, disjoint, non-adjacent ranges. */
  public List<Range> ranges() {
    List<Range> out = new ArrayList<>(lowHi.length);
    for (int i = 0; i < lowHi.length; i++) {
      out.add(new Range(bytes(flip(lowHi[i]), flip(lowLo[i])), bytes(flip(upHi[i]), flip(upLo[i]))));
    }
    return out;
  }

  /** The blocks as given. */
  public List<Cidr> cidrs() {
    return cidrs;
  }

  private boolean search(long h, long l) {
    int a = 0;
    int b = lowHi.length - 1;
    int found = -1;
    while (a <= b) {
      int m = (a + b) >>> 1;
      if (lowHi[m] < h || (lowHi[m] == h && lowLo[m] <= l)) {
        found = m;
        a = m + 1;
      } else {
        b = m - 1;
      }
    }
    return found >= 0 && (h < upHi[found] || (h == upHi[found] && l <= upLo[found]));
  }

  private void classify(long[] in, long[] cut, int key, long fromHi, long fromLo, long toHi, long toLo) {
    boolean first = search(fromHi, fromLo);
    boolean whole = first && sameRange(fromHi, fromLo, toHi, toLo);
    if (whole) {
      in[key >>> 6] |= 1L << key;
    } else if (first || overlapsAfter(fromHi, fromLo, toHi, toLo)) {
      cut[key >>> 6] |= 1L << key;
    }
  }

  private boolean sameRange(long fromHi, long fromLo, long toHi, long toLo) {
    for (int i = 0; i < lowHi.length; i++) {
      boolean startsBefore = lowHi[i] < fromHi || (lowHi[i] == fromHi && lowLo[i] <= fromLo);
      boolean endsAfter = upHi[i] > toHi || (upHi[i] == toHi && upLo[i] >= toLo);
      if (startsBefore && endsAfter) {
        return true;
      }
    }
    return false;
  }

  private boolean overlapsAfter(long fromHi, long fromLo, long toHi, long toLo) {
    for (int i = 0; i < lowHi.length; i++) {
      boolean afterFrom = lowHi[i] > fromHi || (lowHi[i] == fromHi && lowLo[i] > fromLo);
      boolean beforeTo = lowHi[i] < toHi || (lowHi[i] == toHi && lowLo[i] <= toLo);
      if (afterFrom && beforeTo) {
        return true;
      }
    }
    return false;
  }

  private static boolean adjacent(long[] last, long[] r) {
    long nextLo = flip(flip(last[3]) + 1);
    long nextHi = flip(last[3]) == -1L ? flip(flip(last[2]) + 1) : last[2];
    return r[0] == nextHi && r[1] == nextLo;
  }

  private static long hi(byte[] a) {
    return flip((long) LONGS.get(a, 0));
  }

  private static long lo(byte[] a) {
    return flip((long) LONGS.get(a, 8));
  }

  private static long flip(long v) {
    return v ^ Long.MIN_VALUE;
  }

  private static byte[] bytes(long hi, long lo) {
    byte[] out = new byte[16];
    LONGS.set(out, 0, hi);
    LONGS.set(out, 8, lo);
    return out;
  }
}
