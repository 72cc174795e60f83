package org.huntindex.source;

import java.io.IOException;

/** Thrown by a walker stream when evidence decompresses beyond a configured bound. */
final class LimitExceededException extends IOException {
  private final boolean wholeArchive;

  LimitExceededException(String message, boolean wholeArchive) {
    super(message);
    this.wholeArchive = wholeArchive;
  }

  /** True when the whole archive must be abandoned, false when only the current entry is cut short. */
  boolean wholeArchive() {
    return wholeArchive;
  }
}
