package org.huntindex.exec;

import java.util.Arrays;

/**
 * What one group accumulates: time bounds, capped distinct sets, its first events in evidence order, and a
 * representative document. Capped sets and evidence follow evidence order ({@code event.sequence}), so a capped result
 * does not depend on the order ingest threads wrote documents in.
 */
final class Group {
  final int representative;
  long earliest = Long.MAX_VALUE;
  long latest = Long.MIN_VALUE;
  final FirstValues[] sets;
  private long[] evidenceOrder = new long[0];
  private int[] evidenceDocs = new int[0];

  Group(int representative, int[] caps) {
    this.representative = representative;
    this.sets = new FirstValues[caps.length];
    for (int i = 0; i < caps.length; i++) {
      sets[i] = new FirstValues(caps[i]);
    }
  }

  void time(long ticks) {
    earliest = Math.min(earliest, ticks);
    latest = Math.max(latest, ticks);
  }

  /** Adds a value met at {@code order} in evidence order to set {@code i}. */
  void add(int i, String value, long order) {
    sets[i].add(value, order);
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
