package org.huntindex.schema;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits a command line into lower-cased tokens the way an analyst reads it: paths, quotes, pipes, redirections and
 * {@code key=value} separate tokens, while file names ({@code cmd.exe}), switches ({@code -enc}, {@code /c}'s {@code c})
 * and dotted addresses stay whole. Tokens are at most {@link #MAX_TOKEN} chars; longer runs are cut into pieces.
 */
public final class CommandLineTokenizer extends Tokenizer {
  public static final int MAX_TOKEN = 255;
  private static final int BUFFER = 4096;
  /** {@link #separates} for ASCII, looked up: messages and command lines are mostly ASCII. */
  private static final boolean[] ASCII_SEPARATES = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_SEPARATES[c] = separates(c);
    }
  }

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final char[] buffer = new char[BUFFER];
  private int length;
  private int pos;
  private int consumed;
  private boolean eof;

  /** True for characters that end a token. */
  public static boolean separates(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    return switch (c) {
      case '"', '\'', '\\', '/', ',', ';', '|', '&', '(', ')', '<', '>', '=', '^', '`', '{', '}', '[', ']', ':', '*',
          '?', '!' -> true;
      default -> false;
    };
  }

  private static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    int start = -1;
    int len = 0;
    while (true) {
      if (pos >= length) {
        if (!fill()) {
          break;
        }
      }
      char c = buffer[pos];
      if (c < 128 ? ASCII_SEPARATES[c] : separates(c)) {
        pos++;
        if (len > 0) {
          break;
        }
        continue;
      }
      if (len == 0) {
        start = consumed - length + pos;
      }
      term.append(lower(c));
      len++;
      pos++;
      if (len == MAX_TOKEN) {
        break;
      }
    }
    if (len == 0) {
      return false;
    }
    offset.setOffset(correctOffset(start), correctOffset(start + len));
    return true;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = input.read(buffer, 0, BUFFER);
    if (n <= 0) {
      eof = true;
      return false;
    }
    length = n;
    pos = 0;
    consumed += n;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(consumed);
    offset.setOffset(last, last);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    pos = 0;
    consumed = 0;
    eof = false;
  }
}
