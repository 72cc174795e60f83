package org.huntindex.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * Reads any evidence: recognises its format from its first bytes and hands it to the reader registered for that format.
 *
 * <p>JSON and CSV readers are built in. EVTX is read by whatever {@link #with} registers for {@link Format#EVTX}; until
 * then EVTX evidence is reported as an error. Text in UTF-16 with a byte order mark is read as the UTF-8 it stands for.
 * Evidence in no known format is reported ("unrecognized format", with its first bytes) and skipped: as an error when
 * its name claims a format ({@code x.json}), else as {@link RecordSink#notEvidence}; empty evidence is skipped
 * silently. Typical use, with the walker:
 *
 * <pre>{@code
 * EvidenceReaders readers = EvidenceReaders.standard().with(Format.EVTX, new EvtxReader());
 * new EvidenceWalker().walk(paths, evidence -> readers.read(evidence, sink), sink::error);
 * }</pre>
 */
public final class EvidenceReaders implements RecordReader {
  private static final RecordReader EVTX_UNAVAILABLE =
      (evidence, sink) -> sink.error(new ReadError(evidence.location(), "", "EVTX reader not available"));

  private final Map<Format, RecordReader> readers;

  private EvidenceReaders(Map<Format, RecordReader> readers) {
    this.readers = readers;
  }

  /** JSON and CSV read on the calling thread. */
  public static EvidenceReaders standard() {
    return standard(Runnable::run);
  }

  /** JSON lines parsed in batches on {@code jsonParsers} (see {@link JsonRecordReader#JsonRecordReader(Executor)}). */
  public static EvidenceReaders standard(Executor jsonParsers) {
    Map<Format, RecordReader> readers = new EnumMap<>(Format.class);
    readers.put(Format.JSON, new JsonRecordReader(jsonParsers));
    readers.put(Format.CSV, new CsvRecordReader());
    readers.put(Format.XML, new XmlRecordReader());
    readers.put(Format.EVTX, EVTX_UNAVAILABLE);
    return new EvidenceReaders(readers);
  }

  /** A copy reading {@code format} with {@code reader}. */
  public EvidenceReaders with(Format format, RecordReader reader) {
    Objects.requireNonNull(reader, "reader");
    if (format == Format.UNKNOWN) {
      throw new IllegalArgumentException("UNKNOWN evidence is reported, not read: register a known format");
    }
    Map<Format, RecordReader> copy = new EnumMap<>(readers);
    copy.put(format, reader);
    return new EvidenceReaders(copy);
  }

  /** The reader for {@code format}, or null for {@link Format#UNKNOWN}. */
  public RecordReader reader(Format format) {
    return readers.get(format);
  }

  @Override
  public void read(Evidence evidence, RecordSink sink) throws IOException {
    try (BufferedInputStream in = new BufferedInputStream(evidence.open(), FormatSniffer.HEAD)) {
      in.mark(FormatSniffer.HEAD);
      byte[] head = in.readNBytes(FormatSniffer.HEAD);
      in.reset();
      if (FormatSniffer.isUtf16(head, head.length)) {
        // Windows PowerShell's Out-File and > write UTF-16 with a byte order mark: read as the UTF-8 it stands for
        InputStream utf8 = ReaderInputStream.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_16))
            .setCharset(StandardCharsets.UTF_8).get();
        read(new Evidence(evidence.location(), null, () -> utf8), sink);
        return;
      }
      Format format = FormatSniffer.sniff(head, head.length);
      if (head.length == 0) {
        return;
      }
      if (format == Format.UNKNOWN) {
        String described = FormatSniffer.describe(head, head.length);
        if (Format.isClaimedBy(evidence.location())) {
          sink.error(new ReadError(evidence.location(), "", "unrecognized format: " + described));
        } else {
          sink.notEvidence(evidence.location(), described);
        }
        return;
      }
      readers.get(format).read(new Evidence(evidence.location(), evidence.file(), () -> in), sink);
    }
  }
}
