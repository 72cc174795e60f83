package org.huntindex.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds small evidence files and archives for tests. */
final class Fixtures {
  static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  private Fixtures() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Evidence evidence(String location, byte[] bytes) {
    return new Evidence(location, null, () -> new ByteArrayInputStream(bytes));
  }

  static CollectingSink readJson(String text) throws IOException {
    return readJson(utf8(text));
  }

  static CollectingSink readJson(byte[] bytes) throws IOException {
    CollectingSink sink = new CollectingSink();
    new JsonRecordReader().read(evidence("t.json", bytes), sink);
    return sink;
  }

  static CollectingSink readCsv(String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    new CsvRecordReader().read(evidence("t.csv", utf8(text)), sink);
    return sink;
  }

  /** A zip of the given entries, in the given (insertion) order. */
  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] tar(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** Lines {@code {"n":1}} to {@code {"n":count}}, each ending with a newline. */
  static String jsonLines(int count) {
    StringBuilder lines = new StringBuilder();
    for (int n = 1; n <= count; n++) {
      lines.append("{\"n\":").append(n).append("}\n");
    }
    return lines.toString();
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
