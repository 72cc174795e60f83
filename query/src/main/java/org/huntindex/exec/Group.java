package org.huntindex.exec;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * What one group accumulates: time bounds, capped distinct sets, its first events in evidence order, and a
 * representative document. Capped sets keep their smallest values, so a capped result does not depend on the order
 * ingest threads wrote documents in.
 */
final class Group {
  final int representative;
  long earliest = Long.MAX_VALUE;
  long latest = Long.MIN_VALUE;
  final TreeSet<String>[] sets;
  private long[] evidenceOrder = new long[0];
  private int[] evidenceDocs = new int[0];

  @SuppressWarnings("unchecked")
  Group(int representative, int setCount) {
    this.representative = representative;
    this.sets = new TreeSet[setCount];
    for (int i = 0; i < setCount; i++) {
      sets[i] = new TreeSet<>();
    }
  }

  void time(long ticks) {
    earliest = Math.min(earliest, ticks);
    latest = Math.max(latest, ticks);
  }

  /** Adds to set {@code i}, which keeps its {@code cap} smallest values (KQL leaves which ones unspecified). */
  void add(int i, String value, int cap) {
    TreeSet<String> s = sets[i];
    if (s.size() < cap) {
      s.add(value);
    } else if (value.compareTo(s.last()) < 0 && s.add(value)) {
      s.pollLast();
    }
  }

  /** Keeps the document if it is among the group's first {@code cap} events in evidence order. */
  void evidence(long order, int doc, int cap) {
    int n = evidenceOrder.length;
    if (cap == 0 || (n == cap && order >= evidenceOrder[n - 1])) {
      return;
    }
    int at = Arrays.binarySearch(evidenceOrder, order);
    at = at < 0 ? -at - 1 : at;
    int size = Math.min(n + 1, cap);
    long[] orders = new long[size];
    int[] docs = new int[size];
    System.arraycopy(evidenceOrder, 0, orders, 0, at);
    System.arraycopy(evidenceDocs, 0, docs, 0, at);
    orders[at] = order;
    docs[at] = doc;
    System.arraycopy(evidenceOrder, at, orders, at + 1, size - at - 1);
    System.arraycopy(evidenceDocs, at, docs, at + 1, size - at - 1);
    evidenceOrder = orders;
    evidenceDocs = docs;
  }

  /** The kept evidence documents, in evidence order. */
  int[] evidence() {
    return evidenceDocs;
  }
}
