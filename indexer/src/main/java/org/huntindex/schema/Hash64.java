package org.huntindex.schema;

/** A 64-bit hash of a string for grouping and join keys kept in doc values; equal strings give equal hashes. */
public final class Hash64 {
  private Hash64() {}

  public static long of(String s) {
    long h = 0xcbf29ce484222325L ^ s.length();
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    // MurmurHash3's fmix64 spreads FNV's weak low bits.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
