package org.huntindex.source.evtx;

import java.io.IOException;
import java.io.InputStream;
import org.huntindex.source.Evidence;
import org.huntindex.source.ReadError;
import org.huntindex.source.RecordReader;
import org.huntindex.source.RecordSink;

/**
 * Reads EVTX evidence: a file on disk through its channel, an archive entry from memory (EVTX needs random access),
 * refusing entries larger than {@link #MAX_IN_MEMORY} bytes.
 */
public final class EvtxEvidenceReader implements RecordReader {
  /** Largest EVTX archive entry read into memory. */
  public static final int MAX_IN_MEMORY = 1 << 30;

  private final EvtxReader reader;

  public EvtxEvidenceReader(EvtxReader reader) {
    this.reader = reader;
  }

  @Override
  public void read(Evidence evidence, RecordSink sink) throws IOException {
    if (evidence.file() != null) {
      reader.read(evidence.file(), sink);
      return;
    }
    byte[] bytes;
    try (InputStream in = evidence.open()) {
      bytes = in.readNBytes(MAX_IN_MEMORY);
      if (in.read() >= 0) {
        sink.error(new ReadError(evidence.location(), "", "EVTX archive entry larger than " + MAX_IN_MEMORY
            + " bytes: extract it and index the file"));
        return;
      }
    }
    reader.read(new ByteArrayChannel(bytes), evidence.location(), sink);
  }
}
