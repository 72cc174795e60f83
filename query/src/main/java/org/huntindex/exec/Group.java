package org.huntindex.exec;

import java.util.LinkedHashSet;
import java.util.Set;

/** What one group accumulates: time bounds, capped distinct sets, a few evidence documents, a representative. */
final class Group {
  final int representative;
  long earliest = Long.MAX_VALUE;
  long latest = Long.MIN_VALUE;
  final Set<String>[] sets;
  int[] evidence = new int[0];

  @SuppressWarnings("unchecked")
  Group(int representative, int setCount) {
    this.representative = representative;
    this.sets = new Set[setCount];
    for (int i = 0; i < setCount; i++) {
      sets[i] = new LinkedHashSet<>();
    }
  }

  void time(long ticks) {
    earliest = Math.min(earliest, ticks);
    latest = Math.max(latest, ticks);
  }

  /** Adds to set {@code i} unless it already holds {@code cap} values (KQL makeset keeps the first ones it meets). */
  void add(int i, String value, int cap) {
    Set<String> s = sets[i];
    if (s.size() < cap) {
      s.add(value);
    }
  }

  void evidence(int doc, int cap) {
    if (evidence.length < cap) {
      evidence = java.util.Arrays.copyOf(evidence, evidence.length + 1);
      evidence[evidence.length - 1] = doc;
    }
  }
}
