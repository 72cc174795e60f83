package org.huntindex.search;

/** A query the analyst has to fix: the message is one line and says where (0-based position in the query) and what. */
public final class BadQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;

  public BadQueryException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** 0-based character offset in the query as typed, or -1 when the problem has no single place. */
  public int position() {
    return position;
  }

  /** The message with the position, as printed to the analyst. */
  public String oneLine() {
    return position < 0 ? getMessage() : getMessage() + " (at position " + position + ")";
  }
}
