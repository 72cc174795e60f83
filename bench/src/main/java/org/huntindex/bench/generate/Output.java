package org.huntindex.bench.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** A UTF-8 line writer over a file, gzip-compressed when the name ends in {@code .gz} (header time 0: reproducible). */
final class Output implements AutoCloseable {
  private final Writer out;
  private long lines;

  Output(Path file) throws IOException {
    OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    if (file.getFileName().toString().endsWith(".gz")) {
      os = new GZIPOutputStream(os, 1 << 16);
    }
    out = new OutputStreamWriter(os, StandardCharsets.UTF_8);
  }

  /** Writes the line and a newline; returns its 1-based line number. */
  long line(CharSequence line) throws IOException {
    out.append(line).append('\n');
    return ++lines;
  }

  long lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
