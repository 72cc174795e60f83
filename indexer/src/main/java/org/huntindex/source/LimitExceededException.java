package org.huntindex.source;

import java.io.IOException;

/** Thrown by a walker stream when evidence decompresses beyond a configured bound. */
final class LimitExceededException extends IOException {
  LimitExceededException(String message) {
    super(message);
  }
}
