package org.huntindex.source.evtx;

/** Malformed EVTX bytes: thrown inside the decoder, caught per record or chunk and reported, never out of the reader. */
final class EvtxFormatException extends RuntimeException {
  EvtxFormatException(String message) {
    super(message, null, false, false);
  }
}
