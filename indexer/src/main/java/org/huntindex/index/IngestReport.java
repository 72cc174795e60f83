package org.huntindex.index;

import java.time.Duration;

/**
 * What one {@code index} run did.
 *
 * @param filesIndexed evidence files read in this run
 * @param filesAlreadyIndexed files skipped because the manifest already holds their SHA-256
 * @param events evidence records indexed (recovered ones not included)
 * @param recovered records carved from EVTX slack space and indexed flagged as recovered
 * @param skipped records read but not indexed (malformed, rejected, duplicate under {@code --dedupe-records})
 * @param errors problems reported: unreadable parts of files, malformed lines, damaged chunks
 * @param notEvidence files and archive entries skipped as no event log (no EVTX, JSON or CSV content, nor such a name)
 * @param elapsed wall time of the run
 */
public record IngestReport(long filesIndexed, long filesAlreadyIndexed, long events, long recovered, long skipped,
    long errors, long notEvidence, Duration elapsed) {

  public double eventsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : (events + recovered) / s;
  }

  /** The one-line summary printed at the end of a run. */
  public String summary() {
    return String.format("indexed %,d events and %,d more recovered from slack space, from %,d files, %,d already"
        + " indexed; %,d records skipped, %,d errors; %.1f s, %,.0f events/s", events, recovered, filesIndexed,
        filesAlreadyIndexed, skipped, errors, elapsed.toNanos() / 1e9, eventsPerSecond());
  }
}
