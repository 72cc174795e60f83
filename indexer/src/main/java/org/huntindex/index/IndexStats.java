package org.huntindex.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
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
 * per evidence file; per computer, with its first and last times; records recovered from slack space apart; and the
 * manifest's files and errors.
 *
 * @param events evidence records indexed, recovered ones not included
 * @param recovered records recovered from EVTX slack space
 * @param files evidence files in the manifest
 * @param errors problems reported while indexing, over all files
 * @param errorMessages the problems' messages the manifest keeps (up to 1,000 per file), in file order; each names its
 *     file and where in it
 * @param byFormat events by input format ({@code input.type})
 * @param byChannel events by channel, spellings that differ only in the case of A–Z counted together under the one
 *     most of their events have ({@code Security} for {@code security} too)
 * @param byEventCode events by event code, all providers together
 * @param byChannelCode events by lower-cased channel and code, e.g. {@code security/4688}
 * @param firstEvent the earliest {@code @timestamp} of those events, in ticks; null when none has one
 * @param lastEvent the latest, likewise
 * @param byFile per evidence location ({@code log.file.path}): its events, their first and last times and its
 *     channel/code counts
 * @param byHost per computer ({@code host.name}): its events and their first and last times, names that differ only in
 *     the case of A–Z counted together under the one most of their events have
 */
public record IndexStats(long events, long recovered, long files, long errors, List<String> errorMessages,
    Long firstEvent, Long lastEvent, Map<String, Long> byFormat, Map<String, Long> byChannel,
    Map<String, Long> byEventCode, Map<String, Long> byChannelCode, Map<String, FileCounts> byFile,
    Map<String, HostCounts> byHost) {

  /** One evidence location's counts, and the first and last {@code @timestamp} of its events (null when none). */
  public record FileCounts(long events, Long firstEvent, Long lastEvent, Map<String, Long> byChannelCode) {}

  /** One computer's events, and the first and last {@code @timestamp} of them (null when none has one). */
  public record HostCounts(long events, Long firstEvent, Long lastEvent) {}

  /** One computer's tally, under every spelling its name came in. */
  private static final class Host {
    final Map<String, Long> spellings = new HashMap<>();
    final Span span = new Span();
    long events;
  }

  /** The earliest and latest time seen. */
  private static final class Span {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    void add(long t) {
      first = Math.min(first, t);
      last = Math.max(last, t);
    }

    Long firstOrNull() {
      return first <= last ? first : null;
    }

    Long lastOrNull() {
      return first <= last ? last : null;
    }
  }

  private record Cell(String format, String channel, long code, String file) {}

  public static IndexStats of(Path indexDir) throws IOException {
    IngestManifest manifest = IngestManifest.load(indexDir);
    Map<Cell, Long> cells = new HashMap<>();
    Map<String, Span> spans = new HashMap<>();
    Map<String, Host> hosts = new HashMap<>();
    Span all = new Span();
    long recovered = 0;
    try (DirectoryReader reader = IndexFormat.open(indexDir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        FixedBitSet recoveredDocs = recoveredDocs(leaf);
        recovered += countLeaf(leaf, recoveredDocs, cells, spans, all);
        countHosts(leaf, recoveredDocs, hosts);
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
    fileEvents.forEach((f, n) -> {
      Span span = spans.getOrDefault(f, new Span());
      byFile.put(f, new FileCounts(n, span.firstOrNull(), span.lastOrNull(), fileCodes.getOrDefault(f, Map.of())));
    });
    List<String> errorMessages = manifest.files().stream().flatMap(f -> f.errors.stream()).toList();
    Map<String, HostCounts> byHost = new TreeMap<>();
    for (Host h : hosts.values()) {
      String name = h.spellings.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
      byHost.put(name, new HostCounts(h.events, h.span.firstOrNull(), h.span.lastOrNull()));
    }
    return new IndexStats(events, recovered, manifest.files().size(), manifest.totalErrors(), errorMessages,
        all.firstOrNull(), all.lastOrNull(), byFormat, foldCase(byChannel), byCode, byChannelCode, byFile, byHost);
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

  /**
   * Counts one segment's live, non-recovered documents into {@code cells} and their times into each file's span and
   * {@code all}; returns its recovered count.
   */
  private static long countLeaf(LeafReaderContext leaf, FixedBitSet recoveredDocs, Map<Cell, Long> cells,
      Map<String, Span> spans, Span all) throws IOException {
    SortedSetDocValues formats = DocValues.getSortedSet(leaf.reader(), Field.INPUT_TYPE.fieldName());
    SortedSetDocValues channels = DocValues.getSortedSet(leaf.reader(), Field.WINLOG_CHANNEL.fieldName());
    SortedSetDocValues paths = DocValues.getSortedSet(leaf.reader(), Field.LOG_FILE_PATH.fieldName());
    NumericDocValues codes = DocValues.getNumeric(leaf.reader(), Field.EVENT_CODE.fieldName());
    NumericDocValues times = DocValues.getNumeric(leaf.reader(), Field.TIMESTAMP.fieldName());
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
      String file = value(paths, doc, names[2]);
      cells.merge(new Cell(value(formats, doc, names[0]), value(channels, doc, names[1]), code, file), 1L, Long::sum);
      if (times.advanceExact(doc)) {
        long t = times.longValue();
        all.add(t);
        if (file != null) {
          spans.computeIfAbsent(file, f -> new Span()).add(t);
        }
      }
    }
    return recovered;
  }

  /** Counts one segment's live, non-recovered documents per host, with their first and last times, into hosts. */
  private static void countHosts(LeafReaderContext leaf, FixedBitSet recoveredDocs, Map<String, Host> hosts)
      throws IOException {
    Bits live = leaf.reader().getLiveDocs();
    SortedDocValues names = DocValues.getSorted(leaf.reader(), Field.HOST_NAME.fieldName());
    NumericDocValues times = DocValues.getNumeric(leaf.reader(), Field.TIMESTAMP.fieldName());
    int count = names.getValueCount();
    long[] events = new long[count];
    long[] first = new long[count];
    long[] last = new long[count];
    java.util.Arrays.fill(first, Long.MAX_VALUE);
    java.util.Arrays.fill(last, Long.MIN_VALUE);
    for (int doc = names.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = names.nextDoc()) {
      if ((live != null && !live.get(doc)) || recoveredDocs.get(doc)) {
        continue;
      }
      int ord = names.ordValue();
      events[ord]++;
      if (times.advanceExact(doc)) {
        long t = times.longValue();
        first[ord] = Math.min(first[ord], t);
        last[ord] = Math.max(last[ord], t);
      }
    }
    for (int ord = 0; ord < count; ord++) {
      if (events[ord] > 0) {
        String name = names.lookupOrd(ord).utf8ToString();
        Host h = hosts.computeIfAbsent(Ascii.lower(name), k -> new Host());
        h.events += events[ord];
        h.spellings.merge(name, events[ord], Long::sum);
        if (first[ord] <= last[ord]) {
          h.span.add(first[ord]);
          h.span.add(last[ord]);
        }
      }
    }
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
