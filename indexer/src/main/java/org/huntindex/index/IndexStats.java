package org.huntindex.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
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
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.huntindex.schema.Ascii;
import org.huntindex.schema.Field;

/**
 * What an index holds, counted from doc values: evidence records by input format, channel and event code, overall and
 * per evidence file; records recovered from slack space apart; and the manifest's files and errors.
 *
 * @param events evidence records indexed, recovered ones not included
 * @param recovered records recovered from EVTX slack space
 * @param files evidence files in the manifest
 * @param errors problems reported while indexing, over all files
 * @param byFormat events by input format ({@code input.type})
 * @param byChannel events by channel, spellings that differ only in the case of A–Z counted together under the one
 *     most of their events have ({@code Security} for {@code security} too)
 * @param byEventCode events by event code, all providers together
 * @param byChannelCode events by lower-cased channel and code, e.g. {@code security/4688}
 * @param byFile per evidence location ({@code log.file.path}): its events and its channel/code counts
 */
public record IndexStats(long events, long recovered, long files, long errors, Map<String, Long> byFormat,
    Map<String, Long> byChannel, Map<String, Long> byEventCode, Map<String, Long> byChannelCode,
    Map<String, FileCounts> byFile) {

  /** One evidence location's counts. */
  public record FileCounts(long events, Map<String, Long> byChannelCode) {}

  private record Cell(String format, String channel, long code, String file) {}

  public static IndexStats of(Path indexDir) throws IOException {
    IngestManifest manifest = IngestManifest.load(indexDir);
    Map<Cell, Long> cells = new HashMap<>();
    long recovered = 0;
    try (DirectoryReader reader = IndexFormat.open(indexDir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        recovered += countLeaf(leaf, cells);
      }
    }
    long events = 0;
    Map<String, Long> byFormat = new TreeMap<>();
    Map<String, Long> byChannel = new TreeMap<>();
    Map<String, Long> byCode = new TreeMap<>();
    Map<String, Long> byChannelCode = new TreeMap<>();
    Map<String, Long> fileEvents = new TreeMap<>();
    Map<String, Map<String, Long>> fileCodes = new TreeMap<>();
    for (Map.Entry<Cell, Long> e : cells.entrySet()) {
      Cell c = e.getKey();
      long n = e.getValue();
      events += n;
      count(byFormat, c.format, n);
      count(byChannel, c.channel, n);
      String code = c.code == Long.MIN_VALUE ? null : Long.toString(c.code);
      count(byCode, code, n);
      count(fileEvents, c.file, n);
      if (c.channel != null && code != null) {
        String key = Ascii.lower(c.channel) + "/" + code;
        count(byChannelCode, key, n);
        if (c.file != null) {
          count(fileCodes.computeIfAbsent(c.file, f -> new TreeMap<>()), key, n);
        }
      }
    }
    Map<String, FileCounts> byFile = new TreeMap<>();
    fileEvents.forEach((f, n) -> byFile.put(f, new FileCounts(n, fileCodes.getOrDefault(f, Map.of()))));
    return new IndexStats(events, recovered, manifest.files().size(), manifest.totalErrors(), byFormat,
        foldCase(byChannel), byCode, byChannelCode, byFile);
  }

  /** Counts whose keys differ only in the case of A–Z, together under the key with the most (the first of equals). */
  private static Map<String, Long> foldCase(Map<String, Long> counts) {
    Map<String, String> spelling = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    counts.forEach((key, n) -> {
      String folded = Ascii.lower(key);
      String best = spelling.get(folded);
      if (best == null || n > counts.get(best)) {
        spelling.put(folded, key);
      }
      total.merge(folded, n, Long::sum);
    });
    Map<String, Long> out = new TreeMap<>();
    spelling.forEach((folded, key) -> out.put(key, total.get(folded)));
    return out;
  }

  /** Counts one segment's live, non-recovered documents into {@code cells}; returns its recovered count. */
  private static long countLeaf(LeafReaderContext leaf, Map<Cell, Long> cells) throws IOException {
    FixedBitSet recoveredDocs = recoveredDocs(leaf);
    SortedSetDocValues formats = DocValues.getSortedSet(leaf.reader(), Field.INPUT_TYPE.fieldName());
    SortedSetDocValues channels = DocValues.getSortedSet(leaf.reader(), Field.WINLOG_CHANNEL.fieldName());
    SortedSetDocValues paths = DocValues.getSortedSet(leaf.reader(), Field.LOG_FILE_PATH.fieldName());
    NumericDocValues codes = DocValues.getNumeric(leaf.reader(), Field.EVENT_CODE.fieldName());
    Bits live = leaf.reader().getLiveDocs();
    Map<Long, String>[] names = newNameCaches();
    long recovered = 0;
    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      if (recoveredDocs.get(doc)) {
        recovered++;
        continue;
      }
      long code = codes.advanceExact(doc) ? codes.longValue() : Long.MIN_VALUE;
      Cell cell = new Cell(value(formats, doc, names[0]), value(channels, doc, names[1]), code,
          value(paths, doc, names[2]));
      cells.merge(cell, 1L, Long::sum);
    }
    return recovered;
  }

  @SuppressWarnings("unchecked")
  private static Map<Long, String>[] newNameCaches() {
    return new Map[] {new HashMap<>(), new HashMap<>(), new HashMap<>()};
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

  private static String value(SortedSetDocValues dv, int doc, Map<Long, String> cache) throws IOException {
    if (!dv.advanceExact(doc)) {
      return null;
    }
    long ord = dv.nextOrd();
    String name = cache.get(ord);
    if (name == null) {
      name = dv.lookupOrd(ord).utf8ToString();
      cache.put(ord, name);
    }
    return name;
  }

  private static void count(Map<String, Long> map, String key, long n) {
    if (key != null) {
      map.merge(key, n, Long::sum);
    }
  }
}
