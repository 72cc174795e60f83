package org.huntindex.exec;

/** A completed sequence: its events' global doc ids in stage order, and the ordinal of the last one. */
record SequenceMatch(int[] docs, long lastMillis, long lastTiebreak) implements Comparable<SequenceMatch> {
  @Override
  public int compareTo(SequenceMatch o) {
    int c = Long.compare(lastMillis, o.lastMillis);
    return c != 0 ? c : Long.compare(lastTiebreak, o.lastTiebreak);
  }
}
