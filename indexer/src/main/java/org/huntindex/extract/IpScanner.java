package org.huntindex.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every IPv4 and IPv6 address literal in free text such as a command line: the "intended" extraction of hunt A,
 * which the KQL regex only approximates.
 *
 * <p>The text is cut into maximal runs of hex digits, dots and colons around each dot or colon. A run is read as
 * <ol>
 *   <li>an IPv6 address when it contains a colon and, after dropping one stray leading or trailing colon and trailing
 *       dots, parses as IPv6 per {@link IpAddresses} (an optional {@code %zone} may follow); it must contain a decimal
 *       digit and at least one group, so {@code ::}, {@code std::} or {@code dead::beef} are not addresses;
 *   <li>otherwise, each colon-separated piece of it (so {@code 1.2.3.4:443} gives {@code 1.2.3.4}) is an IPv4 address
 *       when it is exactly a dotted quad with octets at most 255 and no leading zeros, after dropping dots at the run's
 *       ends (a sentence's full stop); a longer dotted-number run ({@code 10.0.19041.1}, {@code 1.2.3.4.5}) is none.
 * </ol>
 * Either way the address must not touch a letter, digit or underscore (Unicode-aware) on either side, so
 * {@code a1.2.3.4}, {@code é8.8.8.8} and {@code 1.2.3.4.txt} give nothing, and neither does a quad that is a folder of a
 * Windows path ({@code C:\Program Files\Edge\1.3.185.29\x.exe}, a version), while brackets ({@code [2001:db8::1]:443}),
 * quotes, slashes, backslashes, commas, colons and whitespace delimit. An IPv6 address without brackets followed by
 * {@code :port} is read as part of the address, as there is no way to tell them apart.
 */
public final class IpScanner {

  /** Hex digits, dots and colons: the characters an address run is made of. */
  private static final boolean[] RUN_CHARS = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      RUN_CHARS[c] = c == '.' || c == ':' || IpAddresses.hex(c) >= 0;
    }
  }

  private IpScanner() {}

  /** Every address in {@code text}, in order of appearance; an empty immutable list when there is none. */
  public static List<IpHit> scan(String text) {
    List<IpHit> hits = List.of();
    int n = text.length();
    int pos = 0;
    int dot = text.indexOf('.');
    int colon = text.indexOf(':');
    while (dot >= 0 || colon >= 0) {
      int i = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
      if (i == dot && !digitsAround(text, i)) {
        // Every dot of a dotted quad has a digit on both sides. A run holding no such dot is read at one of its colons,
        // if it has any, and is no address if it has none; a later anchor in the same run reads the same run.
        dot = text.indexOf('.', i + 1);
        continue;
      }
      int start = i;
      while (start > pos && isRunChar(text.charAt(start - 1))) {
        start--;
      }
      int end = i + 1;
      while (end < n && isRunChar(text.charAt(end))) {
        end++;
      }
      // colon is the first colon at or after pos, and none lies before i: the run has one iff colon < end
      boolean hasColon = colon >= 0 && colon < end;
      int next = end;
      IpHit v6 = hasColon ? v6(text, start, end) : null;
      if (v6 != null) {
        hits = add(hits, v6);
        next = v6.end();
      } else if (hasColon) {
        hits = v4Pieces(text, start, end, hits);
      } else {
        IpHit v4 = v4(text, start, end, true, true);
        if (v4 != null) {
          hits = add(hits, v4);
        }
      }
      pos = next;
      if (dot >= 0 && dot < pos) {
        dot = text.indexOf('.', pos);
      }
      if (colon >= 0 && colon < pos) {
        colon = text.indexOf(':', pos);
      }
    }
    return hits;
  }

  private static IpHit v6(String s, int start, int end) {
    int from = start;
    int to = end;
    if (to - from >= 2 && s.charAt(from) == ':' && s.charAt(from + 1) != ':') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '.') {
      to--;
    }
    if (to - from >= 2 && s.charAt(to - 1) == ':' && s.charAt(to - 2) != ':') {
      to--;
    }
    boolean digit = false;
    int colons = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      digit |= isDigit(c);
      colons += c == ':' ? 1 : 0;
    }
    // every IPv6 text form has two colons at least (1.2.3.4:443 has one), and a group besides them
    if (!digit || colons < 2 || colons == to - from) {
      return null;
    }
    byte[] address = new byte[16];
    if (!IpAddresses.parseV6(s, from, to, address)) {
      return null;
    }
    int litEnd = to;
    if (to == end && end < s.length() && s.charAt(end) == '%') {
      int z = end + 1;
      while (z < s.length() && IpAddresses.isZone(s, z, z + 1)) {
        z++;
      }
      if (z > end + 1) {
        litEnd = z;
      }
    }
    if (isWordAt(s, from - 1) || isWordAt(s, litEnd)) {
      return null;
    }
    return new IpHit(address, from, litEnd);
  }

  private static List<IpHit> v4Pieces(String s, int start, int end, List<IpHit> hits) {
    int a = start;
    while (a < end) {
      int b = a;
      boolean dot = false;
      while (b < end && s.charAt(b) != ':') {
        dot |= s.charAt(b) == '.';
        b++;
      }
      if (dot) {
        IpHit hit = v4(s, a, b, a == start, b == end);
        if (hit != null) {
          hits = add(hits, hit);
        }
      }
      a = b + 1;
    }
    return hits;
  }

  private static IpHit v4(String s, int a, int b, boolean runStart, boolean runEnd) {
    if ((runStart && isWordAt(s, a - 1)) || (runEnd && isWordAt(s, b))) {
      return null;
    }
    while (runStart && a < b && s.charAt(a) == '.') {
      a++;
    }
    while (runEnd && b > a && s.charAt(b - 1) == '.') {
      b--;
    }
    if (b - a < 7 || !isDigit(s.charAt(a))) {
      return null;
    }
    if (isVersionFolder(s, a, b)) {
      return null;
    }
    byte[] address = new byte[16];
    return IpAddresses.parseV4(s, a, b, address) ? new IpHit(address, a, b) : null;
  }

  /**
   * A dotted quad that is a folder in a Windows path ({@code ...\EdgeUpdate\1.3.185.29\x.exe}): one backslash before,
   * one after. A UNC host ({@code \\203.0.113.5\c$}) has two before and stays an address.
   */
  private static boolean isVersionFolder(String s, int a, int b) {
    return a >= 2 && s.charAt(a - 1) == '\\' && s.charAt(a - 2) != '\\' && b < s.length() && s.charAt(b) == '\\';
  }

  private static boolean digitsAround(String s, int i) {
    return i > 0 && i + 1 < s.length() && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1));
  }

  private static boolean isDigit(char c) {
    return (char) (c - '0') <= 9;
  }

  private static List<IpHit> add(List<IpHit> hits, IpHit hit) {
    List<IpHit> out = hits.isEmpty() ? new ArrayList<>(2) : hits;
    out.add(hit);
    return out;
  }

  private static boolean isRunChar(char c) {
    return c < 128 && RUN_CHARS[c];
  }

  /** Whether the code point ending at or starting at {@code i} (out of range: no) is a letter, digit or underscore. */
  private static boolean isWordAt(String s, int i) {
    if (i < 0 || i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    if (c < 128) {
      return KustoTerms.isAlnum(c) || c == '_';
    }
    int cp = Character.isLowSurrogate(c) && i > 0 ? Character.codePointBefore(s, i + 1) : Character.codePointAt(s, i);
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
  }
}
