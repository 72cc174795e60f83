package org.huntindex.source.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.huntindex.source.RawRecord;
import org.huntindex.source.ReadError;

/**
 * Decodes one 64 KiB chunk on its own: checks signature and CRCs, walks the live records from offset 512 to the
 * free-space offset, then carves intact records from the slack space after them. Never throws for bad bytes; every
 * problem becomes a {@link ReadError} at {@code chunk N offset 0x..} (chunk-relative offset). Not thread-safe.
 */
final class ChunkDecoder {
  static final int CHUNK_SIZE = 65_536;
  static final int HEADER_SIZE = 512;
  static final int RECORD_HEADER_SIZE = 24;
  private static final int MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;
  private static final int FLAG_NO_CRC = 4;
  private static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
  private static final byte[] ZEROS = new byte[CHUNK_SIZE];
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final BinXmlDecoder binXml = new BinXmlDecoder();
  private final CRC32 crc = new CRC32();
  private long[] liveIds = new long[256];
  private int liveCount;
  /** Room for the fields of the record before, so a record's lists rarely grow. */
  private int fieldsHint = 32;
  private String failure;

  /** True when the chunk holds nothing at all (never written), which is skipped silently. */
  static boolean isEmpty(byte[] b, int length) {
    return isZero(b, 0, length);
  }

  private static boolean isZero(byte[] b, int from, int to) {
    return Arrays.mismatch(b, from, to, ZEROS, 0, to - from) < 0;
  }

  ChunkResult decode(byte[] b, int length, long index, String location, boolean fileNoCrc) {
    ChunkResult result = new ChunkResult(index);
    Chunk chunk = new Chunk(result, location, index);
    try {
      decode(b, length, chunk, fileNoCrc);
    } catch (RuntimeException | StackOverflowError e) {
      chunk.error(0, "chunk abandoned: " + e);
    }
    if (length >= HEADER_SIZE) {
      result.templates(binXml.liveTemplates());
    }
    return result;
  }

  private void decode(byte[] b, int length, Chunk chunk, boolean fileNoCrc) {
    if (length < CHUNK_SIZE) {
      chunk.error(length, "chunk truncated to " + length + " bytes");
    }
    if (length < HEADER_SIZE) {
      return;
    }
    binXml.startChunk(b, length);
    liveCount = 0;
    if (!Arrays.equals(b, 0, 8, SIGNATURE, 0, 8)) {
      int carved = recoverSlack(b, length, HEADER_SIZE, false, chunk);
      if (carved == 0) {
        chunk.result().foreign();
      } else {
        chunk.error(0, "no chunk signature; " + carved + " record(s) carved as recovered");
      }
      return;
    }
    int freeSpace = LittleEndian.offset(b, 48, length);
    int liveLimit = freeSpace;
    if (freeSpace < HEADER_SIZE || freeSpace > length) {
      chunk.error(48, "free-space offset 0x" + Integer.toHexString(freeSpace) + " outside the chunk");
      liveLimit = length;
    }
    boolean checksumOk = (fileNoCrc || (LittleEndian.i32(b, 120) & FLAG_NO_CRC) != 0) || checksums(b, liveLimit, chunk);
    int liveEnd = walkLive(b, length, liveLimit, checksumOk, chunk);
    recoverSlack(b, length, Math.max(liveEnd, liveLimit), checksumOk, chunk);
  }

  private boolean checksums(byte[] b, int dataEnd, Chunk chunk) {
    boolean ok = true;
    crc.reset();
    crc.update(b, 0, 120);
    crc.update(b, 128, HEADER_SIZE - 128);
    if ((int) crc.getValue() != LittleEndian.i32(b, 124)) {
      chunk.error(124, "chunk header CRC mismatch");
      ok = false;
    }
    crc.reset();
    crc.update(b, HEADER_SIZE, dataEnd - HEADER_SIZE);
    if ((int) crc.getValue() != LittleEndian.i32(b, 52)) {
      chunk.error(52, "chunk records CRC mismatch");
      ok = false;
    }
    return ok;
  }

  /** Walks records from offset 512 up to {@code liveLimit}, skipping over broken ones; returns where the walk ended. */
  private int walkLive(byte[] b, int length, int liveLimit, boolean checksumOk, Chunk chunk) {
    int pos = HEADER_SIZE;
    while (pos + MIN_RECORD_SIZE <= liveLimit) {
      int size = recordSize(b, pos, length, false);
      if (size < 0) {
        int next = nextRecord(b, pos + 1, liveLimit, length);
        if (next < 0 && isZero(b, pos, liveLimit)) {
          break;
        }
        chunk.error(pos, "no valid record here" + (next < 0 ? "; rest of the chunk's records lost"
            : "; skipped 0x" + Integer.toHexString(next - pos) + " bytes"));
        if (next < 0) {
          return liveLimit;
        }
        pos = next;
        continue;
      }
      boolean sizeCopyOk = LittleEndian.i32(b, pos + size - 4) == size;
      if (!sizeCopyOk) {
        chunk.error(pos, "record size copy does not match " + size);
      }
      RawRecord record = record(b, pos, size, chunk.location, false);
      if (record == null) {
        chunk.error(pos, "record " + LittleEndian.i64(b, pos + 8) + ": " + failure);
        int next = nextRecord(b, pos + 1, liveLimit, length);
        pos = next < 0 ? liveLimit : next;
        continue;
      }
      chunk.result.record(record.checksumOk(checksumOk && sizeCopyOk), written(b, pos));
      addLiveId(record.position());
      pos += size;
    }
    return pos;
  }

  /**
   * Carves whole records after {@code from} that are not live; undecodable leftovers are counted in one error.
   * Returns how many were carved.
   */
  private int recoverSlack(byte[] b, int length, int from, boolean checksumOk, Chunk chunk) {
    int carved = 0;
    int lost = 0;
    int firstLost = -1;
    String firstFailure = null;
    for (int pos = nextRecord(b, from, length, length); pos >= 0; ) {
      int size = recordSize(b, pos, length, true);
      if (!isLive(LittleEndian.i64(b, pos + 8))) {
        RawRecord record = record(b, pos, size, chunk.location, true);
        if (record != null && record.size() == 0) {
          failure = "no fields";
          record = null;
        }
        if (record != null && record.get(FieldKeys.TIME_CREATED) == null) {
          record.add(FieldKeys.RECOVERY_WRITTEN, ValueReader.fileTime(written(b, pos)));
        }
        if (record != null) {
          chunk.result.record(record.recovered(true).checksumOk(checksumOk), written(b, pos), binXml.unnamed());
          carved++;
        } else if (lost++ == 0) {
          firstLost = pos;
          firstFailure = failure;
        }
      }
      pos = nextRecord(b, pos + size, length, length);
    }
    if (lost > 0) {
      chunk.error(firstLost, lost + " record(s) in slack space could not be decoded; first: " + firstFailure);
    }
    return carved;
  }

  /** The decoded record, or null with the reason in {@link #failure}. */
  private RawRecord record(byte[] b, int pos, int size, String location, boolean stray) {
    RawRecord record = new RawRecord("evtx", location, LittleEndian.i64(b, pos + 8), fieldsHint);
    try {
      if (stray) {
        binXml.decodeStray(pos + RECORD_HEADER_SIZE, pos + size - 4, record);
      } else {
        binXml.decode(pos + RECORD_HEADER_SIZE, pos + size - 4, record);
      }
      fieldsHint = Math.clamp(record.size() + 4, 16, 256);
      return record;
    } catch (EvtxFormatException | IndexOutOfBoundsException e) {
      failure = e.getMessage();
      return null;
    }
  }

  /** The write time in the header of the record at {@code pos}, as FILETIME ticks. */
  private static long written(byte[] b, int pos) {
    return LittleEndian.i64(b, pos + 16);
  }

  /**
   * The size of the record at {@code pos} if its signature is there and its size fits (and, when asked, the trailing
   * size copy agrees), else -1.
   */
  private static int recordSize(byte[] b, int pos, int length, boolean requireCopy) {
    if (pos < 0 || pos + MIN_RECORD_SIZE > length || b[pos] != 0x2a || b[pos + 1] != 0x2a || b[pos + 2] != 0
        || b[pos + 3] != 0) {
      return -1;
    }
    int size = LittleEndian.i32(b, pos + 4);
    if (size < MIN_RECORD_SIZE || size > length - pos
        || requireCopy && LittleEndian.i32(b, pos + size - 4) != size) {
      return -1;
    }
    return size;
  }

  /**
   * The next offset in [from, before) where a whole record with a matching size copy starts, or -1. Scans eight bytes
   * at a time for the signature's first byte and skips runs of zeros, so carving a chunk of garbage or slack is cheap.
   */
  private static int nextRecord(byte[] b, int from, int before, int length) {
    int last = Math.min(before, length) - MIN_RECORD_SIZE;
    int pos = Math.max(from, HEADER_SIZE);
    while (pos <= last) {
      if (pos + 8 > length) {
        if (b[pos] == 0x2a && recordSize(b, pos, length, true) > 0) {
          return pos;
        }
        pos++;
        continue;
      }
      long word = (long) LONGS.get(b, pos);
      if (word == 0) {
        int nonZero = Arrays.mismatch(b, pos, last + 1, ZEROS, 0, last + 1 - pos);
        if (nonZero < 0) {
          return -1;
        }
        pos += nonZero;
        continue;
      }
      long x = word ^ 0x2a2a2a2a2a2a2a2aL;
      long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (found == 0) {
        pos += 8;
        continue;
      }
      pos += Long.numberOfTrailingZeros(found) >>> 3; // the lowest flagged byte is always a real match
      if (pos <= last && recordSize(b, pos, length, true) > 0) {
        return pos;
      }
      pos++;
    }
    return -1;
  }

  private void addLiveId(long id) {
    if (liveCount == liveIds.length) {
      liveIds = Arrays.copyOf(liveIds, liveCount * 2);
    }
    liveIds[liveCount++] = id;
  }

  private boolean isLive(long id) {
    for (int i = 0; i < liveCount; i++) {
      if (liveIds[i] == id) {
        return true;
      }
    }
    return false;
  }

  /** Where errors of the chunk being decoded go. */
  private record Chunk(ChunkResult result, String location, long index) {
    void error(int offset, String reason) {
      result.error(new ReadError(location, "chunk " + index + " offset 0x" + Integer.toHexString(offset), reason));
    }
  }
}
