package org.huntindex.exec;

import java.util.Arrays;
import org.apache.lucene.util.IntroSorter;

/**
 * One sequence stage's hits as parallel primitive arrays: join-key hash, time in milliseconds, tiebreak, and where the
 * event lives (global doc id for loading it, segment and key ordinal for telling colliding hashes apart). Sorted by
 * (key hash, time, tiebreak); doc ids never order anything.
 */
final class StageHits {
  long[] key = new long[64];
  long[] millis = new long[64];
  long[] tiebreak = new long[64];
  int[] doc = new int[64];
  int[] segment = new int[64];
  long[] keyOrd = new long[64];
  int size;
  private KeySet keySet;

  void add(long keyHash, long ms, long tie, int globalDoc, int seg, long ord) {
    if (size == key.length) {
      int n = size * 2;
      key = Arrays.copyOf(key, n);
      millis = Arrays.copyOf(millis, n);
      tiebreak = Arrays.copyOf(tiebreak, n);
      doc = Arrays.copyOf(doc, n);
      segment = Arrays.copyOf(segment, n);
      keyOrd = Arrays.copyOf(keyOrd, n);
    }
    key[size] = keyHash;
    millis[size] = ms;
    tiebreak[size] = tie;
    doc[size] = globalDoc;
    segment[size] = seg;
    keyOrd[size] = ord;
    size++;
  }

  /** Whether some hit has this key hash. */
  boolean hasKey(long keyHash) {
    if (keySet == null) {
      keySet = new KeySet(key, size);
    }
    return keySet.contains(keyHash);
  }

  /** Compares hit {@code i} with an ordinal: time, then tiebreak. */
  int compareOrdinal(int i, long ms, long tie) {
    int c = Long.compare(millis[i], ms);
    return c != 0 ? c : Long.compare(tiebreak[i], tie);
  }

  void sort() {
    new IntroSorter() {
      private long pivotKey;
      private long pivotMillis;
      private long pivotTie;

      @Override
      protected void swap(int i, int j) {
        swapLong(key, i, j);
        swapLong(millis, i, j);
        swapLong(tiebreak, i, j);
        swapLong(keyOrd, i, j);
        int t = doc[i];
        doc[i] = doc[j];
        doc[j] = t;
        t = segment[i];
        segment[i] = segment[j];
        segment[j] = t;
      }

      @Override
      protected int compare(int i, int j) {
        int c = Long.compare(key[i], key[j]);
        return c != 0 ? c : compareOrdinal(i, millis[j], tiebreak[j]);
      }

      @Override
      protected void setPivot(int i) {
        pivotKey = key[i];
        pivotMillis = millis[i];
        pivotTie = tiebreak[i];
      }

      @Override
      protected int comparePivot(int j) {
        int c = Long.compare(pivotKey, key[j]);
        if (c != 0) {
          return c;
        }
        c = Long.compare(pivotMillis, millis[j]);
        return c != 0 ? c : Long.compare(pivotTie, tiebreak[j]);
      }
    }.sort(0, size);
  }

  private static void swapLong(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
