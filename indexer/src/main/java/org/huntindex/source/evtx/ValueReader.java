package org.huntindex.source.evtx;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one substitution value (type code, bytes) into the typed value a {@code RawRecord} carries.
 *
 * <p>Integers become {@link Long}, floats {@link Double}, booleans {@link Boolean}, FILETIME and SYSTEMTIME
 * {@link Instant} (100-ns precision), GUIDs lower-case {@code {8-4-4-4-12}} (as Windows renders them to Sentinel, NXLog and
 * Winlogbeat, so one process has one {@code process.entity_id} whichever way its log was collected),
 * SIDs {@code S-1-...}, size_t and hex integers lower-case {@code 0x...} without padding (as Windows renders them),
 * binary and unknown types upper-case hex, arrays a {@link List}. A value whose size does not fit its type is kept as
 * hex rather than dropped. Not thread-safe: it reuses a char buffer.
 */
final class ValueReader {
  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int ANSI_STRING = 0x02;
  static final int BINARY = 0x0e;
  static final int GUID = 0x0f;
  static final int SIZE_T = 0x10;
  static final int SID = 0x13;
  static final int HEX32 = 0x14;
  static final int HEX64 = 0x15;
  static final int BINXML = 0x21;
  static final int ARRAY = 0x80;

  private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

  private char[] chars = new char[512];
  private final StringCache strings = new StringCache();
  private final StringCache guids = new StringCache();
  private final StringCache sids = new StringCache();
  private static final int NUMBERS = 1024;
  private final Long[] numbers = new Long[NUMBERS];
  private final long[] hexKeys = new long[NUMBERS];
  private final String[] hexTexts = new String[NUMBERS];

  /** Whether EVTX defines {@code type}: a scalar type, an array of one, or embedded BinXML. */
  static boolean isKnownType(int type) {
    int scalar = type & ~ARRAY;
    return type == BINXML || scalar <= HEX64 && (scalar != NULL || type == NULL);
  }

  /** The value, or null for a Null value. */
  Object read(byte[] b, int off, int size, int type) {
    if ((type & ARRAY) != 0) {
      return array(b, off, size, type & ~ARRAY);
    }
    return switch (type) {
      case NULL -> null;
      case STRING -> utf16(b, off, size);
      case ANSI_STRING -> ansi(b, off, size);
      case 0x03 -> size == 1 ? number(b[off]) : hex(b, off, size);
      case 0x04 -> size == 1 ? number(b[off] & 0xff) : hex(b, off, size);
      case 0x05 -> size == 2 ? number((short) LittleEndian.u16(b, off, off + 2)) : hex(b, off, size);
      case 0x06 -> size == 2 ? number(LittleEndian.u16(b, off, off + 2)) : hex(b, off, size);
      case 0x07 -> size == 4 ? number(LittleEndian.i32(b, off)) : hex(b, off, size);
      case 0x08 -> size == 4 ? number(LittleEndian.i32(b, off) & 0xffffffffL) : hex(b, off, size);
      case 0x09 -> size == 8 ? number(LittleEndian.i64(b, off)) : hex(b, off, size);
      case 0x0a -> size == 8 ? unsigned64(LittleEndian.i64(b, off)) : hex(b, off, size);
      case 0x0b -> size == 4 ? (Object) Double.valueOf(Float.toString(Float.intBitsToFloat(LittleEndian.i32(b, off))))
          : hex(b, off, size);
      case 0x0c -> size == 8 ? (Object) Double.longBitsToDouble(LittleEndian.i64(b, off)) : hex(b, off, size);
      case 0x0d -> size == 4 ? (Object) (LittleEndian.i32(b, off) != 0) : hex(b, off, size);
      case GUID -> size == 16 ? guid(b, off) : hex(b, off, size);
      case SIZE_T -> size == 4 ? hexText(LittleEndian.i32(b, off) & 0xffffffffL)
          : size == 8 ? hexText(LittleEndian.i64(b, off)) : hex(b, off, size);
      case 0x11 -> size == 8 ? fileTime(LittleEndian.i64(b, off)) : hex(b, off, size);
      case 0x12 -> size == 16 ? systemTime(b, off) : hex(b, off, size);
      case SID -> sid(b, off, size);
      case HEX32 -> size == 4 ? hexText(LittleEndian.i32(b, off) & 0xffffffffL) : hex(b, off, size);
      case HEX64 -> size == 8 ? hexText(LittleEndian.i64(b, off)) : hex(b, off, size);
      default -> hex(b, off, size);
    };
  }

  /** UTF-16LE text without its trailing NULs. */
  String utf16(byte[] b, int off, int size) {
    int n = size >>> 1;
    while (n > 0 && b[off + 2 * n - 2] == 0 && b[off + 2 * n - 1] == 0) {
      n--;
    }
    int slot = StringCache.slot(b, off, 2 * n);
    String cached = strings.get(slot, b, off, 2 * n);
    if (cached != null) {
      return cached;
    }
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    char[] c = chars;
    for (int i = 0, o = off; i < n; i++, o += 2) {
      c[i] = (char) ((b[o] & 0xff) | (b[o + 1] & 0xff) << 8);
    }
    String s = new String(c, 0, n);
    strings.put(slot, b, off, 2 * n, s);
    return s;
  }

  private static String ansi(byte[] b, int off, int size) {
    int n = size;
    while (n > 0 && b[off + n - 1] == 0) {
      n--;
    }
    return new String(b, off, n, StandardCharsets.ISO_8859_1);
  }

  private Object unsigned64(long v) {
    return v >= 0 ? number(v) : Long.toUnsignedString(v);
  }

  /** {@code v} boxed, from a small cache: event ids, levels, process ids and ports repeat from record to record. */
  private Long number(long v) {
    int slot = (int) (v ^ v >>> 32) & (NUMBERS - 1);
    Long boxed = numbers[slot];
    if (boxed == null || boxed != v) {
      boxed = v;
      numbers[slot] = boxed;
    }
    return boxed;
  }

  /** {@link #hexInt} from a small cache: keywords and handles repeat from record to record. */
  private String hexText(long v) {
    int slot = (int) (v ^ v >>> 29 ^ v >>> 53) & (NUMBERS - 1);
    String text = hexTexts[slot];
    if (text == null || hexKeys[slot] != v) {
      text = hexInt(v);
      hexTexts[slot] = text;
      hexKeys[slot] = v;
    }
    return text;
  }

  static String hexInt(long v) {
    int digits = Math.max(1, 16 - Long.numberOfLeadingZeros(v) / 4);
    char[] c = new char[2 + digits];
    c[0] = '0';
    c[1] = 'x';
    for (int i = c.length - 1; i >= 2; i--, v >>>= 4) {
      c[i] = LOWER_HEX[(int) v & 0xf];
    }
    return new String(c);
  }

  static String hex(byte[] b, int off, int size) {
    char[] out = new char[2 * size];
    for (int i = 0; i < size; i++) {
      out[2 * i] = HEX[(b[off + i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[b[off + i] & 0xf];
    }
    return new String(out);
  }

  static Instant fileTime(long ticks) {
    return Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L) - FILETIME_EPOCH_OFFSET_SECONDS,
        Math.floorMod(ticks, 10_000_000L) * 100);
  }

  private static Object systemTime(byte[] b, int off) {
    int year = LittleEndian.u16(b, off, off + 16);
    int month = LittleEndian.u16(b, off + 2, off + 16);
    int day = LittleEndian.u16(b, off + 6, off + 16);
    int hour = LittleEndian.u16(b, off + 8, off + 16);
    int minute = LittleEndian.u16(b, off + 10, off + 16);
    int second = LittleEndian.u16(b, off + 12, off + 16);
    int millis = LittleEndian.u16(b, off + 14, off + 16);
    if (year < 1601 || year > 30827 || month < 1 || month > 12 || day < 1
        || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59
        || millis > 999) {
      return hex(b, off, 16);
    }
    return java.time.LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
        .toInstant(java.time.ZoneOffset.UTC);
  }

  private String guid(byte[] b, int off) {
    int slot = StringCache.slot(b, off, 16);
    String cached = guids.get(slot, b, off, 16);
    if (cached != null) {
      return cached;
    }
    char[] c = new char[38];
    c[0] = '{';
    hexDigits(c, 1, LittleEndian.i32(b, off) & 0xffffffffL, 8);
    c[9] = '-';
    hexDigits(c, 10, LittleEndian.u16(b, off + 4, off + 16), 4);
    c[14] = '-';
    hexDigits(c, 15, LittleEndian.u16(b, off + 6, off + 16), 4);
    c[19] = '-';
    for (int i = 8, o = 20; i < 16; i++) {
      if (i == 10) {
        c[o++] = '-';
      }
      c[o++] = LOWER_HEX[(b[off + i] >> 4) & 0xf];
      c[o++] = LOWER_HEX[b[off + i] & 0xf];
    }
    c[37] = '}';
    String s = new String(c);
    guids.put(slot, b, off, 16, s);
    return s;
  }

  private static void hexDigits(char[] c, int at, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--, v >>>= 4) {
      c[at + i] = LOWER_HEX[(int) v & 0xf];
    }
  }

  /** Length in bytes of the SID at {@code off}, or -1 when it does not fit in {@code size}. */
  private static int sidLength(byte[] b, int off, int size) {
    if (size < 8) {
      return -1;
    }
    int length = 8 + 4 * (b[off + 1] & 0xff);
    return length <= size ? length : -1;
  }

  private Object sid(byte[] b, int off, int size) {
    int length = sidLength(b, off, size);
    if (length < 0) {
      return hex(b, off, size);
    }
    int slot = StringCache.slot(b, off, length);
    String cached = sids.get(slot, b, off, length);
    if (cached != null) {
      return cached;
    }
    String s = sidText(b, off, length);
    sids.put(slot, b, off, length, s);
    return s;
  }

  private static String sidText(byte[] b, int off, int length) {
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | (b[off + i] & 0xff);
    }
    StringBuilder s = new StringBuilder(64).append("S-").append(b[off] & 0xff).append('-').append(authority);
    for (int o = off + 8; o < off + length; o += 4) {
      s.append('-').append(LittleEndian.i32(b, o) & 0xffffffffL);
    }
    return s.toString();
  }

  private Object array(byte[] b, int off, int size, int type) {
    List<Object> items = new ArrayList<>();
    int end = off + size;
    switch (type) {
      case STRING -> {
        int start = off;
        for (int o = off; o + 1 < end; o += 2) {
          if (b[o] == 0 && b[o + 1] == 0) {
            items.add(utf16(b, start, o - start));
            start = o + 2;
          }
        }
        if (start + 1 < end) {
          items.add(utf16(b, start, end - start));
        }
      }
      case ANSI_STRING -> {
        int start = off;
        for (int o = off; o < end; o++) {
          if (b[o] == 0) {
            items.add(ansi(b, start, o - start));
            start = o + 1;
          }
        }
        if (start < end) {
          items.add(ansi(b, start, end - start));
        }
      }
      case SID -> {
        int o = off;
        for (int length; o < end && (length = sidLength(b, o, end - o)) > 0; o += length) {
          items.add(sid(b, o, length));
        }
        if (o < end) {
          items.add(hex(b, o, end - o));
        }
      }
      default -> {
        int width = width(type);
        if (width == 0) {
          items.add(hex(b, off, size));
        } else {
          for (int o = off; o + width <= end; o += width) {
            items.add(read(b, o, width, type));
          }
        }
      }
    }
    return items;
  }

  private static int width(int type) {
    return switch (type) {
      case 0x03, 0x04 -> 1;
      case 0x05, 0x06 -> 2;
      case 0x07, 0x08, 0x0b, 0x0d, HEX32 -> 4;
      case 0x09, 0x0a, 0x0c, 0x11, HEX64, SIZE_T -> 8;
      case GUID, 0x12 -> 16;
      default -> 0;
    };
  }
}
