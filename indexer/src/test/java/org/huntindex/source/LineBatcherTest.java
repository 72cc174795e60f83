package org.huntindex.source;

import static org.huntindex.source.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBatcherTest {

  private static List<String> lines(LineBatcher batcher, List<Long> firstLines) throws IOException {
    List<String> lines = new ArrayList<>();
    LineBatcher.Batch batch;
    while ((batch = batcher.next()) != null) {
      firstLines.add(batch.firstLine());
      lines.add(new String(batch.bytes(), 0, batch.length(), StandardCharsets.UTF_8));
    }
    return lines;
  }

  @Test
  void batchesHoldWholeLinesAndKnowTheirFirstLineNumber() throws IOException {
    List<Long> firstLines = new ArrayList<>();
    List<String> batches = lines(new LineBatcher(new ByteArrayInputStream(utf8("aa\nbb\ncc\ndd")), 6, 100), firstLines);
    assertEquals(List.of("aa\nbb\n", "cc\n", "dd"), batches);
    assertEquals(List.of(1L, 3L, 4L), firstLines);
  }

  @Test
  void longLinesGrowTheBufferUpToTheLimitThenAreReplacedByEmptyLines() throws IOException {
    LineBatcher batcher = new LineBatcher(new ByteArrayInputStream(utf8("a\n" + "x".repeat(20) + "\nyyyyyyyy\nb\n")), 4, 9);
    List<String> text = new ArrayList<>();
    List<Long> oversized = new ArrayList<>();
    LineBatcher.Batch batch;
    while ((batch = batcher.next()) != null) {
      text.add(new String(batch.bytes(), 0, batch.length(), StandardCharsets.UTF_8));
      for (long line : batch.oversizedLines()) {
        oversized.add(line);
      }
    }
    assertEquals("a\n\nyyyyyyyy\nb\n", String.join("", text));
    assertEquals(List.of(2L), oversized);
  }

  @Test
  void aFailingStreamDeliversItsCompleteLinesFirstThenThrows() throws IOException {
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(utf8("one\ntwo\nthr")), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new EOFException("cut");
      }
    });
    LineBatcher batcher = new LineBatcher(failing, 1 << 10, 1 << 10);
    LineBatcher.Batch batch = batcher.next();
    assertArrayEquals(utf8("one\ntwo\n"), java.util.Arrays.copyOf(batch.bytes(), batch.length()));
    assertThrows(EOFException.class, batcher::next);
    assertNull(batcher.next());
  }
}
