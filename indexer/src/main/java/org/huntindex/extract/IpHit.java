package org.huntindex.extract;

/**
 * An IP address found in text: its 16-byte form (IPv4 as IPv4-mapped) and the span {@code [start, end)} of its literal,
 * zone included, brackets and ports excluded. The array is the caller's to keep.
 */
public record IpHit(byte[] address, int start, int end) {

  /** The address as text, per {@link IpAddresses#format}. */
  @Override
  public String toString() {
    return IpAddresses.format(address) + "@" + start + ".." + end;
  }
}
