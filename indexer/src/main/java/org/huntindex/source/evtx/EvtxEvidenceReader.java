package org.huntindex.source.evtx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.huntindex.source.Evidence;
import org.huntindex.source.RecordReader;
import org.huntindex.source.RecordSink;

/**
 * Reads EVTX evidence: a file on disk through its channel; an archive entry, which EVTX's random access needs whole,
 * from memory up to {@link #MAX_IN_MEMORY} bytes and beyond that from a private temporary copy, deleted once read.
 */
public final class EvtxEvidenceReader implements RecordReader {
  /** Largest EVTX archive entry read into memory. */
  public static final int MAX_IN_MEMORY = 64 << 20;

  private final EvtxReader reader;
  private final int maxInMemory;
  private final Path tempDir;

  public EvtxEvidenceReader(EvtxReader reader) {
    this(reader, MAX_IN_MEMORY, null);
  }

  /** With another memory bound, and temporary copies in {@code tempDir} (null: the system's). */
  EvtxEvidenceReader(EvtxReader reader, int maxInMemory, Path tempDir) {
    this.reader = reader;
    this.maxInMemory = maxInMemory;
    this.tempDir = tempDir;
  }

  @Override
  public void read(Evidence evidence, RecordSink sink) throws IOException {
    if (evidence.file() != null) {
      reader.read(evidence.file(), sink);
      return;
    }
    try (InputStream in = evidence.open()) {
      byte[] head = in.readNBytes(maxInMemory + 1);
      if (head.length <= maxInMemory) {
        reader.read(new ByteArrayChannel(head), evidence.location(), sink);
        return;
      }
      Path copy = tempDir == null
          ? Files.createTempFile("hunt-evtx-", ".evtx") : Files.createTempFile(tempDir, "hunt-evtx-", ".evtx");
      try {
        try (OutputStream out = Files.newOutputStream(copy)) {
          out.write(head);
          head = null; // 64 MiB the long copy and read below no longer need
          in.transferTo(out);
        }
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
          reader.read(channel, evidence.location(), sink);
        }
      } finally {
        Files.deleteIfExists(copy);
      }
    }
  }
}
