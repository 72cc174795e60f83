package org.huntindex.normalize;

import org.huntindex.source.RawRecord;

/** One export layout of Windows events (EVTX, Sentinel, NXLog, Winlogbeat, ...), read into a {@link WindowsRecord}. */
interface RecordShape {
  /** The name stats report under {@code by_format} and the index keeps in {@code input.type}. */
  String name();

  boolean matches(RawRecord record);

  WindowsRecord read(RawRecord record);
}
