package org.huntindex.source;

import java.io.FilterInputStream;
import java.io.InputStream;

/** A stream whose close leaves the stream under it open, so a decoder can be closed without closing its archive. */
final class CloseShield extends FilterInputStream {
  CloseShield(InputStream in) {
    super(in);
  }

  @Override
  public void close() {}
}
