package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged JSON evidence goes through the whole {@link IndexBuilder}: export lines damaged the ways files are (cut,
 * bytes overwritten, stray quotes, braces, line ends, NULs, invalid and surrogate-encoding UTF-8, deep nesting), and
 * pretty-printed arrays with damaged records. The run ends normally, every record read is indexed, every error
 * printed is printable, and a damaged record costs at most itself and the next.
 */
class MalformedJsonTest {
  private static final byte[][] INSERTS = {bytes("\r"), bytes("\n"), {0}, {(byte) 0xC3, 0x28}, {(byte) 0xFF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("\""), bytes("\\"), bytes("{"), bytes("}"), bytes("["),
      bytes(","), bytes(":"), bytes("\\u"), bytes("\\ud800"), bytes("1e99999"), bytes("\u001b[2J"),
      bytes("\u2028"), bytes("\uFEFF")};

  @TempDir Path tmp;

  @Test
  void damagedLinesAreReportedAndEveryRecordReadIsIndexed() throws IOException {
    SplittableRandom random = new SplittableRandom(20261124);
    for (int round = 0; round < 20; round++) {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      for (int i = 0; i < 300; i++) {
        file.writeBytes(damage(random, bytes(line(random, i))));
        file.write(random.nextInt(20) == 0 ? '\r' : '\n');
      }
      Path input = Files.write(tmp.resolve("round" + round + ".json"), file.toByteArray());
      Path idx = tmp.resolve("idx" + round);
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      var options = new IndexBuilder.Options(2, false, false, new PrintStream(log, true, StandardCharsets.UTF_8));
      IngestReport report = new IndexBuilder(idx, options).index(List.of(input));
      String err = log.toString(StandardCharsets.UTF_8);
      assertEquals(0, report.skipped(), err);
      assertTrue(report.events() > 0 && report.errors() > 0, report.summary());
      assertEquals(report.events(), IndexStats.of(idx).events(), err);
      assertFalse(err.chars().anyMatch(c -> (c < 0x20 && c != '\n') || Character.isSurrogate((char) c)), err);
      assertTrue(Files.exists(idx.resolve(IngestManifest.FILE_NAME)));
    }
  }

  @Test
  void damagedRecordsOfPrettyPrintedArraysCostAtMostThemselvesAndTheNext() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    String structural = "\"}],:{[";
    for (int round = 0; round < 20; round++) {
      int records = 40;
      StringBuilder doc = new StringBuilder("[\n");
      int damaged = 0;
      for (int i = 0; i < records; i++) {
        String body = "    \"EventID\": 4688,\n    \"Computer\": \"WS" + i + "\",\n    \"TimeGenerated\": "
            + "\"2024-05-01T10:00:00Z\",\n    \"CommandLine\": \"cmd /c ping 10.0.0." + i + "\"\n";
        if (i < records - 2 && random.nextInt(5) == 0) {
          int at = random.nextInt(body.length() - 1);
          char damage = structural.charAt(random.nextInt(structural.length()));
          body = body.substring(0, at) + damage + body.substring(at + 1);
          damaged++;
        }
        doc.append("  {\n").append(body).append(i < records - 1 ? "  },\n" : "  }\n");
      }
      Path input = Files.writeString(tmp.resolve("array" + round + ".json"), doc.append("]\n"));
      Path idx = tmp.resolve("doc" + round);
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      var options = new IndexBuilder.Options(2, false, false, new PrintStream(log, true, StandardCharsets.UTF_8));
      IngestReport report = new IndexBuilder(idx, options).index(List.of(input));
      String err = log.toString(StandardCharsets.UTF_8);
      assertTrue(report.events() >= records - 2L * damaged, report.summary() + "\n" + err);
      assertEquals(report.events(), IndexStats.of(idx).events(), err);
      assertTrue(IndexStats.of(idx).byChannelCode().get("security/4688") >= records - 2L * damaged, err);
    }
  }

  private static String line(SplittableRandom random, int i) {
    return random.nextBoolean()
        ? "{\"EventID\":4688,\"Computer\":\"WS" + i + "\",\"TimeGenerated\":\"2024-05-01T10:00:00Z\","
            + "\"Process\":\"cmd.exe\",\"CommandLine\":\"cmd /c ping 10.0.0." + (i % 250) + "\",\"Account\":\"C\\\\u\"}"
        : "{\"@timestamp\":\"2024-05-01T10:00:00.000Z\",\"event\":{\"code\":\"3\"},\"host\":{\"name\":\"ws" + i
            + "\"},\"process\":{\"entity_id\":\"{" + i + "}\",\"name\":\"cmd.exe\"},"
            + "\"destination\":{\"ip\":\"8.8.8.8\"},"
            + "\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\"}}";
  }

  private static byte[] damage(SplittableRandom random, byte[] line) {
    switch (random.nextInt(8)) {
      case 0 -> {
        return java.util.Arrays.copyOf(line, random.nextInt(line.length + 1));
      }
      case 1 -> {
        for (int k = 1 + random.nextInt(8); k > 0; k--) {
          line[random.nextInt(line.length)] = (byte) random.nextInt(256);
        }
        return line;
      }
      case 2, 3 -> {
        byte[] insert = INSERTS[random.nextInt(INSERTS.length)];
        int at = random.nextInt(line.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, at);
        out.writeBytes(insert);
        out.write(line, at, line.length - at);
        return out.toByteArray();
      }
      case 4 -> {
        int depth = 1 + random.nextInt(3000);
        return bytes("{\"a\":" + "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : 0) + "}");
      }
      default -> {
        return line;
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
