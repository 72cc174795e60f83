package org.huntindex.bench.evtx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds a large, valid EVTX file for benchmarks out of the intact chunks of real logs: whole chunks are copied in
 * turn until the file reaches the asked size, record ids and chunk numbers are renumbered so they run on across the
 * file, and every chunk CRC and the file header (chunk count, next record id, CRC) are written anew. The result reads
 * as one clean log in this project's reader and in libevtx's {@code evtxexport}.
 *
 * <p>Usage: {@code bench/run bigevtx --out FILE [--mib 128] [SOURCE.evtx ...]}; the sources default to the real
 * Security and Sysmon samples under {@code ../shared/data/real}.
 */
public final class BigEvtx {
  private static final int HEADER_SIZE = 4096;
  private static final int CHUNK_SIZE = 65_536;
  private static final int CHUNK_HEADER_SIZE = 512;
  private static final byte[] FILE_SIGNATURE = "ElfFile\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] CHUNK_SIGNATURE = "ElfChnk\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** The real Security and Sysmon samples, relative to the data directory. */
  public static final List<String> DEFAULT_SOURCES = List.of("omerbenamram-evtx-samples/security.evtx",
      "omerbenamram-evtx-samples/sysmon.evtx");

  private BigEvtx() {}

  public static void main(String[] args) throws IOException {
    Path out = null;
    long mib = 128;
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--mib" -> mib = Long.parseLong(args[++i]);
        default -> sources.add(Path.of(args[i]));
      }
    }
    if (out == null || mib < 1) {
      System.err.println("usage: bigevtx --out FILE [--mib N>=1] [SOURCE.evtx ...]");
      System.exit(2);
    }
    if (sources.isEmpty()) {
      Path data = org.huntindex.bench.EvtxDecodeBenchmark.dataDir();
      DEFAULT_SOURCES.forEach(s -> sources.add(data.resolve(s)));
    }
    Summary s = write(out, mib << 20, sources);
    System.out.printf("%s: %d chunks, %d records, %d bytes from %d source chunks%n", out, s.chunks, s.records,
        Files.size(out), s.sourceChunks);
  }

  /** What was written. */
  public record Summary(int chunks, long records, int sourceChunks) {}

  /** Writes a file of at least {@code bytes} bytes (whole chunks) from the intact chunks of {@code sources}. */
  public static Summary write(Path out, long bytes, List<Path> sources) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    for (Path source : sources) {
      chunks.addAll(intactChunks(Files.readAllBytes(source)));
    }
    if (chunks.isEmpty()) {
      throw new IOException("no intact chunk in " + sources);
    }
    long wanted = Math.max(1, (bytes - HEADER_SIZE + CHUNK_SIZE - 1) / CHUNK_SIZE);
    if (wanted > 0xffff) {
      throw new IllegalArgumentException("at most 65535 chunks (about 4 GiB), asked for " + wanted);
    }
    int count = (int) wanted;
    long nextId = 1;
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      o.write(new byte[HEADER_SIZE]);
      for (int i = 0; i < count; i++) {
        byte[] chunk = chunks.get(i % chunks.size()).clone();
        nextId = renumber(chunk, nextId);
        o.write(chunk);
      }
    }
    byte[] header = fileHeader(count, nextId);
    try (var channel = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(header), 0);
    }
    return new Summary(count, nextId - 1, chunks.size());
  }

  /** The chunks of a file whose signature and both CRCs are right and whose records walk cleanly. */
  static List<byte[]> intactChunks(byte[] file) {
    List<byte[]> out = new ArrayList<>();
    for (int at = HEADER_SIZE; at + CHUNK_SIZE <= file.length; at += CHUNK_SIZE) {
      byte[] chunk = Arrays.copyOfRange(file, at, at + CHUNK_SIZE);
      if (Arrays.equals(chunk, 0, 8, CHUNK_SIGNATURE, 0, 8) && crcsOk(chunk) && recordCount(chunk) > 0) {
        out.add(chunk);
      }
    }
    return out;
  }

  private static boolean crcsOk(byte[] c) {
    ByteBuffer b = le(c);
    int free = b.getInt(48);
    return free >= CHUNK_HEADER_SIZE && free <= CHUNK_SIZE && headerCrc(c) == b.getInt(124)
        && dataCrc(c, free) == b.getInt(52);
  }

  /** Live records from offset 512 to the free-space offset, or -1 if the walk does not land exactly on it. */
  private static int recordCount(byte[] c) {
    ByteBuffer b = le(c);
    int free = b.getInt(48);
    int n = 0;
    int pos = CHUNK_HEADER_SIZE;
    while (pos < free) {
      int size = b.getInt(pos + 4);
      if (b.getInt(pos) != 0x2a2a || size < 28 || pos + size > free || b.getInt(pos + size - 4) != size) {
        return -1;
      }
      n++;
      pos += size;
    }
    return pos == free ? n : -1;
  }

  /** Gives the chunk's records ids from {@code nextId} on and rewrites its header and CRCs; returns the next id. */
  static long renumber(byte[] c, long nextId) {
    ByteBuffer b = le(c);
    int free = b.getInt(48);
    long first = nextId;
    for (int pos = CHUNK_HEADER_SIZE; pos < free; pos += b.getInt(pos + 4)) {
      b.putLong(pos + 8, nextId++);
    }
    b.putLong(8, first).putLong(16, nextId - 1).putLong(24, first).putLong(32, nextId - 1);
    b.putInt(52, dataCrc(c, free));
    b.putInt(124, headerCrc(c));
    return nextId;
  }

  static byte[] fileHeader(int chunks, long nextId) {
    byte[] h = new byte[HEADER_SIZE];
    ByteBuffer b = le(h);
    System.arraycopy(FILE_SIGNATURE, 0, h, 0, 8);
    b.putLong(8, 0).putLong(16, chunks - 1).putLong(24, nextId);
    b.putInt(32, 128).putShort(36, (short) 1).putShort(38, (short) 3).putShort(40, (short) HEADER_SIZE);
    b.putShort(42, (short) chunks).putInt(120, 0);
    CRC32 crc = new CRC32();
    crc.update(h, 0, 120);
    b.putInt(124, (int) crc.getValue());
    return h;
  }

  private static int headerCrc(byte[] c) {
    CRC32 crc = new CRC32();
    crc.update(c, 0, 120);
    crc.update(c, 128, CHUNK_HEADER_SIZE - 128);
    return (int) crc.getValue();
  }

  private static int dataCrc(byte[] c, int free) {
    CRC32 crc = new CRC32();
    crc.update(c, CHUNK_HEADER_SIZE, free - CHUNK_HEADER_SIZE);
    return (int) crc.getValue();
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
