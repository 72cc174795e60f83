package org.huntindex.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.UnicodeUtil;
import org.huntindex.normalize.Event;
import org.huntindex.schema.CommandLineTokenizer;
import org.huntindex.schema.Field;
import org.huntindex.schema.Utf8;

/**
 * How an event's raw source fields are kept: one stored blob holding every {@code name=value} pair as a varint length
 * and its UTF-8 bytes, and each pair of at most {@link Field#RAW_TERM_BYTES} bytes an index term of {@link Field#RAW}
 * cut from the same bytes (a longer pair gives a term for each token of its value). One Lucene field carries them all,
 * so an event pays Lucene's per-field cost once for its raw fields, not twice per field.
 */
public final class RawFields {
  private RawFields() {}

  /** The blob of the event's raw pairs, in source order; null when it has none. */
  static BytesRef encode(Event e) {
    int n = e.rawSize();
    if (n == 0) {
      return null;
    }
    byte[] out = new byte[64 * n];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      byte[] name = Utf8.bytes(e.rawName(i));
      byte[] value = Utf8.bytes(e.rawValue(i));
      int len = name.length + 1 + value.length;
      out = ArrayUtil.grow(out, pos + 5 + len);
      pos = VarInts.write(out, pos, len);
      System.arraycopy(name, 0, out, pos, name.length);
      pos += name.length;
      out[pos++] = '=';
      System.arraycopy(value, 0, out, pos, value.length);
      pos += value.length;
    }
    return new BytesRef(out, 0, pos);
  }

  /** The pairs of a stored blob, in order, split at the first {@code =}; a truncated blob yields what it holds. */
  public static List<Map.Entry<String, String>> decode(BytesRef blob) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    Cursor c = new Cursor(blob);
    while (c.next()) {
      String pair = new BytesRef(blob.bytes, c.start, c.length).utf8ToString();
      int eq = pair.indexOf('=');
      pairs.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return pairs;
  }

  /** Walks the pairs of a blob; stops at the end or at the first length that runs past it. */
  private static final class Cursor {
    private final byte[] bytes;
    private final int end;
    private int pos;
    int start;
    int length;

    Cursor(BytesRef blob) {
      bytes = blob.bytes;
      pos = blob.offset;
      end = blob.offset + blob.length;
    }

    boolean next() {
      int v = 0;
      for (int shift = 0; pos < end && shift < 32; shift += 7) {
        byte b = bytes[pos++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          if (v < 0 || v > end - pos) {
            return false;
          }
          start = pos;
          length = v;
          pos += v;
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The index terms of a blob: each pair short enough to be a term, as the bytes it is stored in; a longer one (a
   * PowerShell script block, a scheduled task's XML) as {@code name=token} for each token of its value, cut and
   * lower-cased as command lines are ({@link CommandLineTokenizer}), so its words can still be found. An event's long
   * values are read for tokens up to {@link #MAX_TOKENIZED_BYTES} in all: evidence is hostile, and each distinct token
   * costs indexing memory until the next flush.
   */
  static final class Terms extends TokenStream {
    /** 256 KiB: eight of the 32 KiB parts Windows splits a PowerShell script block into. */
    static final int MAX_TOKENIZED_BYTES = 1 << 18;

    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final BytesRef current = new BytesRef();
    private final CommandLineTokenizer words = new CommandLineTokenizer();
    private final CharTermAttribute word = words.getAttribute(CharTermAttribute.class);
    private final BytesRefBuilder named = new BytesRefBuilder();
    /** The length of {@code name=} at the start of {@link #named} while a long pair's words are read, else -1. */
    private int prefix = -1;
    private int tokenizable;
    private Cursor cursor;

    Terms reset(BytesRef blob) {
      try {
        endWords(); // the last document's stream ended early
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cursor = new Cursor(blob);
      current.bytes = blob.bytes;
      tokenizable = MAX_TOKENIZED_BYTES;
      return this;
    }

    @Override
    public boolean incrementToken() throws IOException {
      clearAttributes();
      while (true) {
        if (prefix >= 0) {
          if (words.incrementToken()) {
            named.grow(prefix + 3 * word.length());
            named.setLength(UnicodeUtil.UTF16toUTF8(word, 0, word.length(), named.bytes(), prefix));
            term.setBytesRef(named.get());
            return true;
          }
          endWords();
        }
        if (!cursor.next()) {
          return false;
        }
        if (cursor.length <= Field.RAW_TERM_BYTES) {
          current.offset = cursor.start;
          current.length = cursor.length;
          term.setBytesRef(current);
          return true;
        }
        if (tokenizable > 0) {
          startWords();
        }
      }
    }

    private void startWords() throws IOException {
      byte[] b = current.bytes;
      int end = cursor.start + cursor.length;
      int eq = cursor.start;
      while (eq < end && b[eq] != '=') {
        eq++;
      }
      named.clear();
      named.append(b, cursor.start, Math.min(eq + 1, end) - cursor.start);
      prefix = named.length();
      // a cut inside a character leaves a U+FFFD at the end of the last token
      int length = Math.min(Math.max(0, end - eq - 1), tokenizable);
      tokenizable -= length;
      words.setReader(new StringReader(new String(b, eq + 1, length, StandardCharsets.UTF_8)));
      words.reset();
    }

    private void endWords() throws IOException {
      if (prefix >= 0) {
        prefix = -1;
        words.end();
        words.close();
      }
    }
  }
}
