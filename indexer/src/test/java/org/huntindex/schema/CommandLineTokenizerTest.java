package org.huntindex.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class CommandLineTokenizerTest {
  private final CommandLineTokenizer tokenizer = new CommandLineTokenizer();

  /** Each token as {@code text@start-end}. */
  private List<String> tokens(String text) throws IOException {
    CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
    OffsetAttribute offset = tokenizer.getAttribute(OffsetAttribute.class);
    tokenizer.setReader(new StringReader(text));
    tokenizer.reset();
    List<String> out = new ArrayList<>();
    while (tokenizer.incrementToken()) {
      out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
    }
    tokenizer.end();
    tokenizer.close();
    return out;
  }

  private List<String> terms(String text) throws IOException {
    return tokens(text).stream().map(t -> t.substring(0, t.lastIndexOf('@'))).toList();
  }

  @Test
  void splitsACommandLineTheWayAnAnalystReadsIt() throws IOException {
    assertEquals(List.of("c", "windows", "system32", "cmd.exe", "c", "whoami", "all", "ping", "10.0.0.1", "-n", "1",
        "key", "value"), terms("\"C:\\Windows\\System32\\cmd.exe\" /c \"whoami /all\" & ping 10.0.0.1 -n 1 KEY=Value"));
    assertEquals(List.of("powershell.exe@0-14", "-enc@15-19", "sqbfafga@20-28"),
        tokens("powershell.exe -enc SQBFAFgA"));
  }

  @Test
  void everyCharacterSeparatesOrIsLowerCasedAsTheRulesSay() throws IOException {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      List<String> expected = CommandLineTokenizer.separates(c)
          ? List.of("a", "b") : List.of("a" + Character.toLowerCase(c) + "b");
      assertEquals(expected, terms("a" + c + "b"), () -> "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void longRunsAreCutIntoPiecesOfAtMostMaxToken() throws IOException {
    String run = "X".repeat(CommandLineTokenizer.MAX_TOKEN * 2 + 3);
    List<String> pieces = terms(run + " tail");
    assertEquals(List.of("x".repeat(CommandLineTokenizer.MAX_TOKEN), "x".repeat(CommandLineTokenizer.MAX_TOKEN), "xxx",
        "tail"), pieces);
  }

  @Test
  void tokensSpanningTheReadBufferKeepTheirOffsets() throws IOException {
    String text = " ".repeat(4094) + "abcdef ghi";
    assertEquals(List.of("abcdef@4094-4100", "ghi@4101-4104"), tokens(text));
  }
}
