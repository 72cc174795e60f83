package org.huntindex.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A capped distinct set that keeps the values met first in evidence order, as KQL {@code makeset} keeps the first
 * values it meets; at most {@code cap} values are held at any time, whatever order the documents come in.
 */
final class FirstValues {
  private final int cap;
  private final Map<String, Long> orderOf = new HashMap<>();
  private final TreeMap<Long, String> byOrder = new TreeMap<>();

  FirstValues(int cap) {
    this.cap = cap;
  }

  /** Whether a value met at {@code order} could change the set: not once it is full and holds only earlier ones. */
  boolean open(long order) {
    return orderOf.size() < cap || order < byOrder.lastKey();
  }

  void add(String value, long order) {
    Long known = orderOf.get(value);
    if (known != null) {
      if (order < known) {
        byOrder.remove(known);
        put(value, order);
      }
      return;
    }
    if (orderOf.size() < cap) {
      put(value, order);
    } else if (order < byOrder.lastKey()) {
      orderOf.remove(byOrder.pollLastEntry().getValue());
      put(value, order);
    }
  }

  /** The kept values, sorted. */
  List<String> sorted() {
    return orderOf.keySet().stream().sorted().toList();
  }

  private void put(String value, long order) {
    orderOf.put(value, order);
    byOrder.put(order, value);
  }
}
