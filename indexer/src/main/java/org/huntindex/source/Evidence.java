package org.huntindex.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One readable piece of evidence: a file on disk or an entry inside an archive, opened as a stream as often as needed.
 *
 * @param location the path, with {@code !/entry} appended for an archive entry
 * @param file the file on disk when the evidence is a whole uncompressed file (random access for EVTX); null for an
 *     archive entry or the content of a gzip file
 * @param opener opens the bytes from the start; an archive entry or gzip content can be opened once, and only while it
 *     is being visited
 */
public record Evidence(String location, Path file, Opener opener) {

  /** Opens an evidence stream from its first byte. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
