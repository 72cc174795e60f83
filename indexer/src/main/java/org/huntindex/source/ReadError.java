package org.huntindex.source;

/**
 * A part of the evidence that could not be read: which file (and archive entry), where in it, and why. Its text is
 * {@link Printable}: names and reasons may quote the evidence.
 *
 * @param location the evidence path, with {@code !/entry} for an archive entry
 * @param position where in it, as the reader counts: {@code line 12}, {@code chunk 3 offset 0x1a40}, {@code byte 4096}
 * @param reason what was wrong, one line
 */
public record ReadError(String location, String position, String reason) {
  @Override
  public String toString() {
    return Printable.of(location + (position.isEmpty() ? "" : " " + position) + ": " + reason);
  }
}
