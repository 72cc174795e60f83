package org.huntindex.bench.generate;

/** Deterministic identifiers derived from the seed and a position, independent of the random streams. */
final class Ids {
  private static final char[] B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A 20-character document id in the style of Elasticsearch's auto-generated {@code _id}. */
  static String eventId(long seed, long salt, long position) {
    char[] c = new char[20];
    long a = mix(seed * 0x9e3779b97f4a7c15L + salt * 0x632be59bd9b4e019L + position);
    long b = mix(a ^ 0xd1b54a32d192ed03L);
    for (int i = 0; i < 10; i++) {
      c[i] = B62[(int) Long.remainderUnsigned(a, 62)];
      a = Long.divideUnsigned(a, 62);
      c[10 + i] = B62[(int) Long.remainderUnsigned(b, 62)];
      b = Long.divideUnsigned(b, 62);
    }
    return new String(c);
  }
}
