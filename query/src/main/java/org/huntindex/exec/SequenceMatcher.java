package org.huntindex.exec;

import java.util.Arrays;
import java.util.List;

/**
 * The pending-sequence state machine of HUNTS.md B.4.3 for the events of one join key: one pending sequence per
 * state, a newer one overwriting an older; an event completes or advances the pending sequence of the state before its
 * stage when that sequence's last event is strictly earlier. An event matching several stages is offered to the later
 * stage first, so it can complete a sequence and then start a new one.
 */
final class SequenceMatcher {
  private final StageHits[] stages;
  private final int[][] pending;
  private final long[] pendingMillis;
  private final long[] pendingTie;

  SequenceMatcher(StageHits[] stages) {
    this.stages = stages;
    this.pending = new int[stages.length - 1][];
    this.pendingMillis = new long[stages.length - 1];
    this.pendingTie = new long[stages.length - 1];
  }

  /**
   * Runs the machine over one key's hits: {@code hits[s]} lists indexes into stage {@code s}, in (time, tiebreak)
   * order; completed sequences are added to {@code out}.
   */
  void run(int[][] hits, List<SequenceMatch> out) {
    Arrays.fill(pending, null);
    int[] next = new int[stages.length];
    while (true) {
      int stage = -1;
      for (int s = stages.length - 1; s >= 0; s--) {
        if (next[s] < hits[s].length && (stage < 0 || earlier(s, hits[s][next[s]], stage, hits[stage][next[stage]]))) {
          stage = s;
        }
      }
      if (stage < 0) {
        return;
      }
      offer(stage, hits[stage][next[stage]++], out);
    }
  }

  private boolean earlier(int s, int i, int t, int j) {
    return stages[s].compareOrdinal(i, stages[t].millis[j], stages[t].tiebreak[j]) < 0;
  }

  private void offer(int stage, int i, List<SequenceMatch> out) {
    StageHits h = stages[stage];
    if (stage == 0) {
      set(0, new int[] {h.doc[i]}, h.millis[i], h.tiebreak[i]);
      return;
    }
    int[] before = pending[stage - 1];
    if (before == null || h.compareOrdinal(i, pendingMillis[stage - 1], pendingTie[stage - 1]) <= 0) {
      return;
    }
    int[] chain = Arrays.copyOf(before, before.length + 1);
    chain[before.length] = h.doc[i];
    pending[stage - 1] = null;
    if (stage == stages.length - 1) {
      out.add(new SequenceMatch(chain, h.millis[i], h.tiebreak[i]));
    } else {
      set(stage, chain, h.millis[i], h.tiebreak[i]);
    }
  }

  private void set(int state, int[] chain, long ms, long tie) {
    pending[state] = chain;
    pendingMillis[state] = ms;
    pendingTie[state] = tie;
  }
}
