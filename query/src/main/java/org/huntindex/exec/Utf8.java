package org.huntindex.exec;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BytesRef;

/** Index bytes as strings: the JDK's decoder copies ASCII straight into a compact string. */
final class Utf8 {
  private Utf8() {}

  /** The string of valid UTF-8 bytes (every term and doc value Lucene wrote from a Java string is valid). */
  static String string(BytesRef b) {
    return new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8);
  }
}
