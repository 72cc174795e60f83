package org.huntindex.source;

import java.util.ArrayList;
import java.util.List;

/**
 * One evidence record as a reader saw it: an ordered list of flattened field names and typed values, plus where it came
 * from.
 *
 * <p>Names are dotted paths ({@code process.name}, {@code Event.System.EventID}) for JSON, column headers for CSV, and
 * namespaced keys ({@code System.EventID}, {@code EventData.CommandLine}, {@code UserData.<path>}) for EVTX. A value is a
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link java.time.Instant} or a {@link List} of those. A
 * name may repeat (unnamed EVTX {@code Data} elements); readers keep every occurrence in order.
 */
public final class RawRecord {
  private final List<String> names;
  private final List<Object> values;
  private final String format;
  private final String location;
  private final long position;
  /** One bit per name hash (mod 64): most lookups of a name the record lacks end here, without a scan. */
  private long nameBits;
  private boolean recovered;
  private boolean checksumOk = true;

  /**
   * @param format the reader's name for what it read ({@code evtx}, {@code json}, {@code csv})
   * @param location the evidence path, with {@code !/entry} for an archive entry
   * @param position 1-based line number for text formats, the record id for EVTX
   */
  public RawRecord(String format, String location, long position) {
    this(format, location, position, 10);
  }

  /** As {@link #RawRecord(String, String, long)}, with room for {@code expectedFields} fields before any resizing. */
  public RawRecord(String format, String location, long position, int expectedFields) {
    this.names = new ArrayList<>(expectedFields);
    this.values = new ArrayList<>(expectedFields);
    this.format = format;
    this.location = location;
    this.position = position;
  }

  public RawRecord add(String name, Object value) {
    nameBits |= 1L << name.hashCode();
    names.add(name);
    values.add(value);
    return this;
  }

  public int size() {
    return names.size();
  }

  public String name(int i) {
    return names.get(i);
  }

  public Object value(int i) {
    return values.get(i);
  }

  /** The first value under {@code name}, or null. */
  public Object get(String name) {
    // Readers reuse one String per field name, so each name's hash is computed once and filters most comparisons.
    int hash = name.hashCode();
    if ((nameBits & 1L << hash) == 0) {
      return null;
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == name || n.hashCode() == hash && n.equals(name)) {
        return values.get(i);
      }
    }
    return null;
  }

  public String format() {
    return format;
  }

  public String location() {
    return location;
  }

  public long position() {
    return position;
  }

  /** True for a record carved from EVTX chunk slack space rather than read from the live record list. */
  public boolean recovered() {
    return recovered;
  }

  public RawRecord recovered(boolean value) {
    this.recovered = value;
    return this;
  }

  /** False when the container's checksum (an EVTX chunk CRC) did not match; the record was still decoded. */
  public boolean checksumOk() {
    return checksumOk;
  }

  public RawRecord checksumOk(boolean value) {
    this.checksumOk = value;
    return this;
  }
}
