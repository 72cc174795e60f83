package org.huntindex.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;

/**
 * What an index holds, counted from doc values: evidence records by input format, channel and event code, records
 * recovered from slack space apart, and the manifest's files and errors.
 *
 * @param events evidence records indexed, recovered ones not included
 * @param recovered records recovered from EVTX slack space
 * @param files evidence files in the manifest
 * @param errors problems reported while indexing, over all files
 * @param byFormat events by input format ({@code input.type})
 * @param byChannel events by channel, as the source spells it
 * @param byEventCode events by event code, all providers together
 * @param byChannelCode events by lower-cased channel and code, e.g. {@code security/4688}
 * @param byFile events per evidence location ({@code log.file.path})
 */
public record IndexStats(long events, long recovered, long files, long errors, Map<String, Long> byFormat,
    Map<String, Long> byChannel, Map<String, Long> byEventCode, Map<String, Long> byChannelCode,
    Map<String, Long> byFile) {

  public static IndexStats of(Path indexDir) throws IOException {
    IngestManifest manifest = IngestManifest.load(indexDir);
    Map<String, Long> byFormat = new TreeMap<>();
    Map<String, Long> byChannel = new TreeMap<>();
    Map<String, Long> byCode = new TreeMap<>();
    Map<String, Long> byChannelCode = new TreeMap<>();
    Map<String, Long> byFile = new TreeMap<>();
    long events = 0;
    long recovered = 0;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        FixedBitSet recoveredDocs = recoveredDocs(leaf);
        SortedSetDocValues formats = DocValues.getSortedSet(leaf.reader(), Field.INPUT_TYPE.fieldName());
        SortedSetDocValues channels = DocValues.getSortedSet(leaf.reader(), Field.WINLOG_CHANNEL.fieldName());
        SortedSetDocValues paths = DocValues.getSortedSet(leaf.reader(), Field.LOG_FILE_PATH.fieldName());
        NumericDocValues codes = DocValues.getNumeric(leaf.reader(), Field.EVENT_CODE.fieldName());
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (recoveredDocs.get(doc)) {
            recovered++;
            continue;
          }
          events++;
          String format = value(formats, doc);
          String channel = value(channels, doc);
          String code = codes.advanceExact(doc) ? Long.toString(codes.longValue()) : null;
          count(byFormat, format);
          count(byChannel, channel);
          count(byCode, code);
          if (channel != null && code != null) {
            count(byChannelCode, Ascii.lower(channel) + "/" + code);
          }
          count(byFile, value(paths, doc));
        }
      }
    }
    return new IndexStats(events, recovered, manifest.files().size(), manifest.totalErrors(), byFormat, byChannel,
        byCode, byChannelCode, byFile);
  }

  private static FixedBitSet recoveredDocs(LeafReaderContext leaf) throws IOException {
    FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
    Terms terms = leaf.reader().terms(Field.RECOVERED.fieldName());
    if (terms != null) {
      TermsEnum te = terms.iterator();
      if (te.seekExact(new BytesRef("true"))) {
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          bits.set(d);
        }
      }
    }
    return bits;
  }

  private static String value(SortedSetDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.nextOrd()).utf8ToString() : null;
  }

  private static void count(Map<String, Long> map, String key) {
    if (key != null) {
      map.merge(key, 1L, Long::sum);
    }
  }
}
