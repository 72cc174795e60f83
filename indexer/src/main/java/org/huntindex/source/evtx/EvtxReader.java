package org.huntindex.source.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordSink;

/**
 * Reads Windows XML event log ({@code .evtx}) files into one {@link org.huntindex.source.RawRecord} per event record.
 *
 * <p>Records have format {@code evtx}, position = the record id, and namespaced keys: {@code System.EventID},
 * {@code System.TimeCreated.SystemTime} (an {@link java.time.Instant} at 100-ns precision), {@code EventData.<Name>},
 * {@code UserData.<path>} (see {@link ValueReader} for value types). Chunks decode independently, in parallel when the
 * reader has an executor, and reach the sink in file order from the calling thread. Records with a bad chunk CRC are
 * still decoded and flagged {@code checksumOk(false)}; intact records carved from chunk slack space are flagged
 * {@code recovered(true)}. Broken bytes never raise: they become {@link ReadError}s positioned {@code chunk N offset
 * 0x..} (N counts chunks from 0 after the file header; the offset is within the chunk). A reader is thread-safe.
 */
public final class EvtxReader {
  private static final int MAX_CHUNKS = 1 << 20;
  private static volatile ExecutorService sharedPool;

  private final Executor executor;
  private final int maxInFlight;
  private final ConcurrentLinkedQueue<ChunkDecoder> decoders = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();

  /** A reader that decodes chunks on a shared pool with one thread per core. */
  public EvtxReader() {
    this(sharedPool(), 2 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * A reader that decodes chunks on {@code executor}, with at most {@code maxInFlight} chunks decoded ahead of the sink.
   */
  public EvtxReader(Executor executor, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
    }
    this.executor = executor;
    this.maxInFlight = maxInFlight;
  }

  /** A reader that decodes every chunk on the calling thread. */
  public static EvtxReader singleThreaded() {
    return new EvtxReader(null, 1);
  }

  /** Reads a file; the location reported is the path as given. */
  public void read(Path file, RecordSink sink) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      read(channel, file.toString(), sink);
    }
  }

  /** Reads the EVTX bytes of {@code channel}, reporting records and errors under {@code location}. */
  public void read(SeekableByteChannel channel, String location, RecordSink sink) throws IOException {
    long size = channel.size();
    byte[] headerBytes = new byte[FileHeader.SIZE];
    if (size < FileHeader.SIZE || readAt(channel, 0, headerBytes, FileHeader.SIZE) < FileHeader.SIZE) {
      sink.error(new ReadError(location, "byte 0", "file of " + size + " bytes is shorter than an EVTX header"));
      return;
    }
    FileHeader header = FileHeader.parse(headerBytes);
    if (!header.signatureOk()) {
      sink.error(new ReadError(location, "byte 0", "not an EVTX file: no ElfFile signature"));
      return;
    }
    if (!header.checksumOk()) {
      sink.error(new ReadError(location, "byte 124", "file header CRC mismatch"));
    }
    long chunks = Math.min(MAX_CHUNKS, (size - FileHeader.SIZE + ChunkDecoder.CHUNK_SIZE - 1) / ChunkDecoder.CHUNK_SIZE);
    Delivery delivery = new Delivery(location, sink);
    if (executor == null || chunks <= 1) {
      for (long i = 0; i < chunks; i++) {
        byte[] buffer = buffer();
        int length = readChunk(channel, i, buffer);
        delivery.accept(decode(buffer, length, i, location, header.noCrc()));
      }
      delivery.end();
      return;
    }
    OrderedHandOff<ChunkResult> handOff = new OrderedHandOff<>(executor, maxInFlight, delivery);
    try {
      for (long i = 0; i < chunks; i++) {
        byte[] buffer = buffer();
        int length = readChunk(channel, i, buffer);
        long index = i;
        handOff.submit(() -> decode(buffer, length, index, location, header.noCrc()));
      }
      handOff.finish();
      delivery.end();
    } finally {
      handOff.cancel();
    }
  }

  /**
   * Hands chunk results to the sink in file order, with each run of consecutive foreign chunks (trailing garbage, a
   * file padded with other data) reported as one error rather than one per chunk; records from slack space go out at
   * the end of the file ({@link SlackRecords}).
   */
  private static final class Delivery implements Consumer<ChunkResult> {
    private final String location;
    private final RecordSink sink;
    private final SlackRecords slack = new SlackRecords();
    private long first = -1;
    private long last;

    Delivery(String location, RecordSink sink) {
      this.location = location;
      this.sink = sink;
    }

    @Override
    public void accept(ChunkResult result) {
      if (!result.isForeign()) {
        finish();
        result.deliverTo(sink, slack);
      } else if (first >= 0 && result.index() == last + 1) {
        last++;
      } else {
        finish();
        first = last = result.index();
      }
    }

    /** Called after the file's last chunk: what is still pending goes out. */
    void end() {
      finish();
      slack.finish(sink);
    }

    /** Reports the pending run of foreign chunks, if any. */
    void finish() {
      if (first < 0) {
        return;
      }
      long count = last - first + 1;
      sink.error(count == 1
          ? new ReadError(location, "chunk " + first + " offset 0x0", "no chunk signature, and no record in it")
          : new ReadError(location, "chunks " + first + "-" + last,
              "no chunk signature, and no record in any of these " + count + " chunks"));
      first = -1;
    }
  }

  private ChunkResult decode(byte[] buffer, int length, long index, String location, boolean noCrc) {
    try {
      if (length <= 0 || ChunkDecoder.isEmpty(buffer, length)) {
        return new ChunkResult(index);
      }
      ChunkDecoder decoder = decoders.poll();
      if (decoder == null) {
        decoder = new ChunkDecoder();
      }
      try {
        return decoder.decode(buffer, length, index, location, noCrc);
      } finally {
        decoders.offer(decoder);
      }
    } finally {
      buffers.offer(buffer);
    }
  }

  private byte[] buffer() {
    byte[] buffer = buffers.poll();
    return buffer != null ? buffer : new byte[ChunkDecoder.CHUNK_SIZE];
  }

  private static int readChunk(SeekableByteChannel channel, long index, byte[] buffer) throws IOException {
    return readAt(channel, FileHeader.SIZE + index * ChunkDecoder.CHUNK_SIZE, buffer, ChunkDecoder.CHUNK_SIZE);
  }

  /** Reads up to {@code length} bytes at {@code position}; returns how many were there. */
  private static int readAt(SeekableByteChannel channel, long position, byte[] into, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
    if (channel instanceof FileChannel file) {
      while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) >= 0) {
        // positional reads leave the channel position alone, so readers may share a channel
      }
    } else {
      channel.position(position);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // keep reading until the chunk is full or the channel ends
      }
    }
    return buffer.position();
  }

  private static ExecutorService sharedPool() {
    ExecutorService pool = sharedPool;
    if (pool == null) {
      synchronized (EvtxReader.class) {
        pool = sharedPool;
        if (pool == null) {
          pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "evtx-decode");
            t.setDaemon(true);
            return t;
          });
          sharedPool = pool;
        }
      }
    }
    return pool;
  }
}
