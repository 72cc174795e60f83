package org.huntindex.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.huntindex.extract.CidrSet;
import org.huntindex.plan.Condition;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.Test;

/** The points and doc-values address queries select exactly the documents a brute-force CIDR test selects. */
class AddressQueriesTest {
  private static final List<String> BLOCKS = List.of("10.0.0.0/8", "127.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
      "224.0.0.0/4", "::1/128", "fe80::/10", "ff00::/8");
  private static final String FIELD = Field.DESTINATION_IP.fieldName();

  @Test
  void blocksGapsAndExclusionsMatchABruteForceTestAtEveryBoundary() throws IOException {
    CidrSet set = CidrSet.of(BLOCKS);
    List<byte[][]> docs = randomDocs(new Random(42), 3000);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(700))) {
        for (byte[][] addresses : docs) {
          Document d = new Document();
          for (byte[] a : addresses) {
            d.add(new InetAddressPoint(FIELD, InetAddressPoint.decode(a)));
            d.add(new SortedSetDocValuesField(FIELD, new BytesRef(a)));
          }
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Set<Integer> in = new TreeSet<>();
        Set<Integer> someOutside = new TreeSet<>();
        Set<Integer> noneIn = new TreeSet<>();
        for (int doc = 0; doc < docs.size(); doc++) {
          boolean anyIn = false;
          boolean anyOut = false;
          for (byte[] a : docs.get(doc)) {
            anyIn |= set.contains(a);
            anyOut |= !set.contains(a);
          }
          (anyIn ? in : noneIn).add(doc);
          if (anyOut) {
            someOutside.add(doc);
          }
        }
        Query blocks = LuceneQueries.of(Condition.inCidrs(Field.DESTINATION_IP, BLOCKS));
        assertEquals(in, matches(searcher, blocks));
        assertEquals(someOutside, matches(searcher, LuceneQueries.outsideCidrs(Field.DESTINATION_IP, BLOCKS)));
        assertEquals(noneIn, matches(searcher, new NoAddressInBlocks(FIELD, BLOCKS)));
      }
    }
  }

  private static Set<Integer> matches(IndexSearcher searcher, Query q) throws IOException {
    Set<Integer> out = new TreeSet<>();
    for (ScoreDoc d : searcher.search(q, Integer.MAX_VALUE).scoreDocs) {
      out.add(d.doc);
    }
    return out;
  }

  /** Documents with zero to three addresses, most of them on or next to a block's ends. */
  private static List<byte[][]> randomDocs(Random random, int n) {
    List<byte[]> near = new ArrayList<>();
    for (CidrSet.Range r : CidrSet.merged(BLOCKS)) {
      for (byte[] end : List.of(r.lower(), r.upper())) {
        for (int delta = -2; delta <= 2; delta++) {
          near.add(plus(end, delta));
        }
      }
    }
    List<byte[][]> docs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[][] addresses = new byte[random.nextInt(4)][];
      for (int k = 0; k < addresses.length; k++) {
        if (random.nextBoolean()) {
          addresses[k] = near.get(random.nextInt(near.size()));
        } else {
          byte[] a = new byte[16];
          random.nextBytes(a);
          if (random.nextBoolean()) {
            Arrays.fill(a, 0, 10, (byte) 0);
            a[10] = (byte) 0xff;
            a[11] = (byte) 0xff;
          }
          addresses[k] = a;
        }
      }
      docs.add(addresses);
    }
    return docs;
  }

  private static byte[] plus(byte[] address, int delta) {
    BigInteger v = new BigInteger(1, address).add(BigInteger.valueOf(delta));
    BigInteger max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    v = v.max(BigInteger.ZERO).min(max);
    byte[] raw = v.toByteArray();
    byte[] out = new byte[16];
    int len = Math.min(raw.length, 16);
    System.arraycopy(raw, raw.length - len, out, 16 - len, len);
    return out;
  }
}
