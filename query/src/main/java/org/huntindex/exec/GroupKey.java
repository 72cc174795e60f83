package org.huntindex.exec;

import java.util.Arrays;

/** The values of one group's keys: strings, or 64-bit hashes for hashed text keys. */
record GroupKey(Object[] parts) {
  @Override
  public boolean equals(Object o) {
    return o instanceof GroupKey k && Arrays.equals(parts, k.parts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts);
  }
}
