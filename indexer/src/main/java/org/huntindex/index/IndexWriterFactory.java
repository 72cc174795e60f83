package org.huntindex.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.huntindex.schema.SchemaAnalyzer;

/** Opens the one {@link IndexWriter} of an index directory with the settings ingest is tuned for. */
public final class IndexWriterFactory {
  private IndexWriterFactory() {}

  public static IndexWriter open(Path indexDir) throws IOException {
    return new IndexWriter(FSDirectory.open(indexDir), config());
  }

  /** The writer settings ingest is tuned for. */
  public static IndexWriterConfig config() {
    IndexWriterConfig config = new IndexWriterConfig(new SchemaAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(256);
    config.setCommitOnClose(false);
    // Compound files cost a second copy of every flushed and merged segment; an index has few, large segments.
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0.0);
    config.setMergePolicy(merges);
    return config;
  }
}
