package org.huntindex.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.huntindex.source.ReadError;

/**
 * The index's record of every evidence file ingested: absolute path, size, SHA-256, when, how many events and which
 * errors. It is the chain-of-custody record, and how re-indexing the same file (same path, same content) is recognised
 * and skipped; a file that grew since is indexed again as a new entry.
 */
public final class IngestManifest {
  public static final String FILE_NAME = "huntindex-manifest.json";
  private static final String COMMIT_KEY = "huntindex.manifest";
  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_ERRORS_KEPT = 1000;

  private final List<FileEntry> files = new ArrayList<>();

  /** One ingested evidence file. Mutable while it is being ingested. */
  public static final class FileEntry {
    public long ordinal;
    /** Ordinal of the file's first evidence entry (the file itself, or its first archive entry). */
    public long firstEntry;
    /** Evidence entries the file held: 1 for a plain file, the entries read for an archive. */
    public long entries;
    public String path;
    public long size;
    public String sha256;
    public String indexedAt;
    public long events;
    public long recovered;
    public long skipped;
    /** Evidence entries (the file itself, or archive entries) that hold no event log and were skipped. */
    public long notEvidence;
    public long errorCount;
    public final List<String> errors = new ArrayList<>();

    /** Notes a part of the file that could not be read; nothing was indexed for it. */
    public synchronized void error(ReadError error) {
      errorCount++;
      if (errors.size() < MAX_ERRORS_KEPT) {
        errors.add(error.toString());
      }
    }

    synchronized void notEvidence() {
      notEvidence++;
    }

    /** Notes a record that was read but could not be indexed. */
    synchronized void skipped(ReadError error) {
      skipped++;
      error(error);
    }

    /** Notes a record dropped as a copy of one already indexed. */
    synchronized void duplicate() {
      skipped++;
    }

    synchronized void indexed(boolean recoveredRecord) {
      if (recoveredRecord) {
        recovered++;
      } else {
        events++;
      }
    }
  }

  public List<FileEntry> files() {
    return files;
  }

  /** The entry for this file: the same path with the same content. */
  public Optional<FileEntry> find(String path, String sha256) {
    return files.stream().filter(f -> f.path.equals(path) && sha256.equals(f.sha256)).findFirst();
  }

  /** Whether a file was indexed from this path before, whatever its content was then. */
  public boolean hasPath(String path) {
    return files.stream().anyMatch(f -> f.path.equals(path));
  }

  /** The first file listed before this one with the same content; none when its digest is unknown. */
  public Optional<FileEntry> twinOf(FileEntry entry) {
    return files.stream().takeWhile(f -> f != entry)
        .filter(f -> entry.sha256 != null && entry.sha256.equals(f.sha256)).findFirst();
  }

  public long nextEntry() {
    return files.stream().mapToLong(f -> f.firstEntry + f.entries).max().orElse(0);
  }

  public long nextOrdinal() {
    return files.stream().mapToLong(f -> f.ordinal + 1).max().orElse(0);
  }

  void add(FileEntry entry) {
    files.add(entry);
  }

  public long totalErrors() {
    return files.stream().mapToLong(f -> f.errorCount).sum();
  }

  /**
   * The manifest of the index's last commit, where it is kept atomically with the events it describes; the JSON file
   * beside the index is its readable copy, read only when the index has no commit yet.
   */
  public static IngestManifest load(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (DirectoryReader.indexExists(dir)) {
        Map<String, String> commitData = SegmentInfos.readLatestCommit(dir).getUserData();
        IndexFormat.check(indexDir, commitData);
        String json = commitData.get(COMMIT_KEY);
        if (json != null) {
          return parse(JSON.createParser(json));
        }
      }
    }
    Path file = indexDir.resolve(FILE_NAME);
    return Files.exists(file) ? parse(JSON.createParser(file.toFile())) : new IngestManifest();
  }

  private static IngestManifest parse(JsonParser parser) throws IOException {
    IngestManifest m = new IngestManifest();
    try (JsonParser p = parser) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && "files".equals(p.currentName())) {
          p.nextToken();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            m.files.add(readEntry(p));
          }
        }
      }
    }
    return m;
  }

  private static FileEntry readEntry(JsonParser p) throws IOException {
    FileEntry e = new FileEntry();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "ordinal" -> e.ordinal = p.getLongValue();
        case "first_entry" -> e.firstEntry = p.getLongValue();
        case "entries" -> e.entries = p.getLongValue();
        case "path" -> e.path = p.getText();
        case "size" -> e.size = p.getLongValue();
        case "sha256" -> e.sha256 = p.getValueAsString();
        case "indexed_at" -> e.indexedAt = p.getText();
        case "events" -> e.events = p.getLongValue();
        case "recovered" -> e.recovered = p.getLongValue();
        case "skipped" -> e.skipped = p.getLongValue();
        case "not_evidence" -> e.notEvidence = p.getLongValue();
        case "error_count" -> e.errorCount = p.getLongValue();
        case "errors" -> {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            e.errors.add(p.getText());
          }
        }
        default -> {
          if (t.isStructStart()) {
            p.skipChildren();
          }
        }
      }
    }
    return e;
  }

  /** Makes the manifest part of the writer's next commit. */
  void attachTo(IndexWriter writer) throws IOException {
    writer.setLiveCommitData(
        Map.of(COMMIT_KEY, json(), IndexFormat.COMMIT_KEY, Integer.toString(IndexFormat.CURRENT)).entrySet());
  }

  /** Writes the readable copy beside the index, atomically. */
  public void save(Path indexDir) throws IOException {
    Path tmp = indexDir.resolve(FILE_NAME + ".tmp");
    Files.write(tmp, json().getBytes(StandardCharsets.UTF_8));
    Files.move(tmp, indexDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private String json() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeArrayFieldStart("files");
      for (FileEntry e : files) {
        g.writeStartObject();
        g.writeNumberField("ordinal", e.ordinal);
        g.writeNumberField("first_entry", e.firstEntry);
        g.writeNumberField("entries", e.entries);
        g.writeStringField("path", e.path);
        g.writeNumberField("size", e.size);
        g.writeStringField("sha256", e.sha256);
        g.writeStringField("indexed_at", e.indexedAt);
        g.writeNumberField("events", e.events);
        g.writeNumberField("recovered", e.recovered);
        g.writeNumberField("skipped", e.skipped);
        g.writeNumberField("not_evidence", e.notEvidence);
        g.writeNumberField("error_count", e.errorCount);
        g.writeArrayFieldStart("errors");
        for (String err : e.errors) {
          g.writeString(err);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
  }
}
