package org.huntindex.schema;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Splits text into Kusto terms: maximal runs of ASCII letters and digits, ASCII-lower-cased. */
public final class KustoTermTokenizer extends Tokenizer {
  private static final int MAX_TOKEN = 255;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private int offsetSoFar;
  private int pending = -1;

  public static boolean termChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    int start = -1;
    int len = 0;
    while (true) {
      int c = pending >= 0 ? pending : input.read();
      pending = -1;
      if (c < 0) {
        break;
      }
      offsetSoFar++;
      if (!termChar(c)) {
        if (len > 0) {
          break;
        }
        continue;
      }
      if (len == 0) {
        start = offsetSoFar - 1;
      }
      term.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
      if (++len == MAX_TOKEN) {
        break;
      }
    }
    if (len == 0) {
      return false;
    }
    offset.setOffset(correctOffset(start), correctOffset(start + len));
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(offsetSoFar);
    offset.setOffset(last, last);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    offsetSoFar = 0;
    pending = -1;
  }
}
