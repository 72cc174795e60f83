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
 * a few nanoseconds; {@link #merged} gives the blocks merged into disjoint ranges for
 * {@code InetAddressPoint.newRangeQuery}.
 *
 * <p>The blocks are merged into sorted disjoint 128-bit ranges. A lookup reads one entry of a 256 KiB table keyed by
 * the top two bytes of the address (for IPv4-mapped addresses, its first two octets, in a second half): a key whose
 * whole span is in or out of the set answers at once; a key that a range boundary cuts names the first range that can
 * hold its addresses, and the lookup walks the ranges from there (one or two, for hunt B's blocks), or searches them
 * all when that range's index does not fit the entry.
 */
public final class CidrSet {

  /** One merged range of addresses, both ends inclusive, as 16-byte arrays. */
  public record Range(byte[] lower, byte[] upper) {}

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int IN = 1;
  private static final int CUT = 2;
  /** Entry {@code FIRST + i}: the key is cut, and range {@code i} is the first that can hold its addresses. */
  private static final int FIRST = 2;
  /** Entry of a cut key whose first range is past what an entry holds: the lookup searches all ranges. */
  private static final int BEYOND = Character.MAX_VALUE;

  // range bounds as (hi, lo) with the sign bit flipped, so that signed comparison orders them as unsigned
  private final long[] lowHi;
  private final long[] lowLo;
  private final long[] upHi;
  private final long[] upLo;
  // by key: 0..65535 an IPv6 address's top two bytes, 65536.. an IPv4 address's first two octets; OUT, IN, FIRST + the
  // first range to walk, or BEYOND
  private final char[] keys = new char[2 << 16];

  private CidrSet(List<Cidr> cidrs) {
    List<long[]> merged = merge(cidrs);
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
    for (int first = 0; first < 512; first++) {
      boolean v4 = first >= 256;
      int state = state(v4, first & 0xFF, 0, 8);
      if (state == IN) {
        Arrays.fill(keys, first << 8, (first + 1) << 8, (char) IN);
      } else if (state == CUT) {
        for (int second = 0; second < 256; second++) {
          int cut = state(v4, first & 0xFF, second, 16);
          keys[first << 8 | second] =
              (char) (cut == CUT ? Math.min(FIRST + (long) firstRangeFrom(v4, first & 0xFF, second), BEYOND) : cut);
        }
      }
    }
  }

  /**
   * The blocks of {@code cidrs} (each per {@link Cidr#parse}) merged into sorted, disjoint, non-adjacent ranges, as a
   * set of them looks them up; no lookup table is built.
   */
  public static List<Range> merged(Collection<String> cidrs) {
    return toRanges(merge(cidrs.stream().map(Cidr::parse).toList()));
  }

  /** Sorted, disjoint, non-adjacent ranges as {hi, lo, hi, lo} with the sign bits flipped. */
  private static List<long[]> merge(List<Cidr> cidrs) {
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
    return merged;
  }

  private static List<Range> toRanges(List<long[]> merged) {
    List<Range> out = new ArrayList<>(merged.size());
    for (long[] r : merged) {
      out.add(new Range(bytes(flip(r[0]), flip(r[1])), bytes(flip(r[2]), flip(r[3]))));
    }
    return out;
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
    // branch-free choice of the key: notMapped is all ones unless the address is ::ffff:a.b.c.d (then 0), and masks
    // in the IPv6 key instead of the IPv4 one
    long t = hi | ((lo >>> 32) ^ 0xFFFFL);
    int notMapped = (int) ((t | -t) >> 63);
    int v4Key = 0x10000 | (int) (lo >>> 16) & 0xFFFF;
    int top = v4Key ^ ((v4Key ^ (int) (hi >>> 48)) & notMapped);
    int state = keys[top];
    if (state >= FIRST) {
      // The ranges are sorted and disjoint: walk from the first that can hold the address while they start at or
      // before it. Written out here, not called: as a call, lookups took 15% longer (JMH).
      long h = flip(hi);
      long l = flip(lo);
      if (state == BEYOND) {
        return search(h, l);
      }
      for (int i = state - FIRST; i < lowHi.length && (lowHi[i] < h || (lowHi[i] == h && lowLo[i] <= l)); i++) {
        if (h < upHi[i] || (h == upHi[i] && l <= upLo[i])) {
          return true;
        }
      }
      return false;
    }
    return (state & IN) != 0;
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

  /** The first range whose upper end is at or above the first address of a 16-bit key. */
  private int firstRangeFrom(boolean v4, int first, int second) {
    long top16 = (long) first << 8 | second;
    long fromHi = flip(v4 ? 0 : top16 << 48);
    long fromLo = flip(v4 ? 0x0000FFFF00000000L | top16 << 16 : 0);
    int i = 0;
    while (i < upHi.length && (upHi[i] < fromHi || (upHi[i] == fromHi && upLo[i] < fromLo))) {
      i++;
    }
    return i;
  }

  /** OUT, IN or CUT for the addresses whose top {@code bits} (8 or 16) bits, IPv4 octets if {@code v4}, are given. */
  private int state(boolean v4, int first, int second, int bits) {
    long top16 = (long) first << 8 | (bits == 16 ? second : 0);
    long fromHi;
    long fromLo;
    long toHi;
    long toLo;
    if (v4) {
      fromHi = 0;
      toHi = 0;
      fromLo = 0x0000FFFF00000000L | top16 << 16;
      toLo = fromLo | ((1L << (32 - bits)) - 1);
    } else {
      fromHi = top16 << 48;
      toHi = fromHi | ((1L << (64 - bits)) - 1);
      fromLo = 0;
      toLo = -1L;
    }
    boolean first0 = search(flip(fromHi), flip(fromLo));
    if (first0 && sameRange(flip(fromHi), flip(fromLo), flip(toHi), flip(toLo))) {
      return IN;
    }
    return first0 || overlapsAfter(flip(fromHi), flip(fromLo), flip(toHi), flip(toLo)) ? CUT : 0;
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
