package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed JSON lines with hostile content (names the normalizers and the schema look for, holding values of every
 * JSON type, odd strings, huge and tiny numbers, nesting) are each indexed: none is skipped for an exception in
 * normalization or rejected by Lucene.
 */
class HostileJsonTest {
  private static final int LINES = 3_000;

  /** Names that steer the export shapes, the profiles and the schema, and a few that are merely odd. */
  private static final String[] NAMES = {"@timestamp", "TimeGenerated", "TimeCollected", "EventID", "Computer",
      "Channel", "Process", "Account", "CommandLine", "NewProcessName", "NewProcessId", "ProcessId", "SubjectUserName",
      "SubjectDomainName", "IpAddress", "IpPort", "DestAddress", "DestPort", "Direction", "Protocol", "EventData",
      "Type", "UtcTime", "ProcessGuid", "Image", "User", "DestinationIp", "DestinationPort", "Initiated", "QueryName",
      "Hostname", "log_name", "event_id", "computer_name", "record_number", "event_data.CommandLine", "winlog.channel",
      "winlog.event_id", "winlog.event_data.Image", "Event.System.EventID", "Event.System.Channel",
      "Event.System.TimeCreated.#attributes.SystemTime", "event.code", "event.category", "event.type", "event.id",
      "event.created", "process.command_line", "process.entity_id", "process.pid", "process.executable", "source.ip",
      "destination.ip", "destination.port", "host.name", "user.name", "log.file.path", "event.sequence", "raw",
      "message", "", " ", "a.b", "é", "\\u0000"};

  /** Strings as JSON literals: escapes, control characters, lone surrogates, RTL marks, non-ASCII digits, addresses. */
  private static final String[] STRINGS = {"\"\"", "\"-\"", "\"0x\"", "\"0xffffffffffffffffff\"", "\"4688\"",
      "\"Security\"", "\"microsoft-windows-sysmon/operational\"", "\"2024-05-01T10:00:00Z\"",
      "\"2024-13-45T99:99:99Z\"", "\"99999-01-01T00:00:00Z\"", "\"5/1/2024, 10:00:00.000 AM\"", "\"\\u0000\"",
      "\"\\ud800\"", "\"\\udc00x\\ud800\"", "\"\\u202e\\u0661\\u0662\"", "\"1.2.3.4\"", "\"::ffff:8.8.8.8\"",
      "\"fe80::1%eth0\"", "\"999.1.1.1\"", "\"cmd /c ping 8.8.8.8 & curl http://[2001:db8::1]/x\"",
      "\"{\\\"UtcTime\\\":5}\"", "\"<EventData><Data Name=\\\"x\\\">\"", "\"C:\\\\\"", "\"\\\\\\\\?\\\\C:\\\\x.exe\"",
      "\"{00000000-0000-0000-0000-000000000000}\"", "\"true\"", "\"%%14592\""};

  private static final String[] NUMBERS = {"0", "-0", "-1", "4688", "9223372036854775807", "-9223372036854775808",
      "92233720368547758070", "1e400", "-1e400", "1.5", "5e-324", "3.0", "NaN", "Infinity"};

  @TempDir Path tmp;

  @Test
  void everyHostileLineIsIndexed() throws IOException {
    SplittableRandom random = new SplittableRandom(20261124);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      lines.add(object(random, 0));
    }
    Path input = Files.write(tmp.resolve("hostile.json"), lines, StandardCharsets.UTF_8);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    var options = new IndexBuilder.Options(2, false, false, new PrintStream(log, true, StandardCharsets.UTF_8));
    IngestReport report = new IndexBuilder(tmp.resolve("idx"), options).index(List.of(input));
    String err = log.toString(StandardCharsets.UTF_8);
    assertEquals(0, report.skipped(), err);
    assertEquals(0, report.errors(), err);
    assertEquals(LINES, report.events(), err);
    assertEquals(LINES, IndexStats.of(tmp.resolve("idx")).events());
  }

  private static String object(SplittableRandom random, int depth) {
    StringBuilder out = new StringBuilder("{");
    int fields = 1 + random.nextInt(depth == 0 ? 24 : 4);
    for (int f = 0; f < fields; f++) {
      if (f > 0) {
        out.append(',');
      }
      out.append('"').append(NAMES[random.nextInt(NAMES.length)]).append("\":").append(value(random, depth));
    }
    return out.append('}').toString();
  }

  private static String value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth < 3 ? 10 : 8);
    return switch (kind) {
      case 0, 1, 2 -> STRINGS[random.nextInt(STRINGS.length)];
      case 3, 4 -> NUMBERS[random.nextInt(NUMBERS.length)];
      case 5 -> random.nextBoolean() ? "true" : "false";
      case 6 -> "null";
      case 7 -> "\"" + "x".repeat(random.nextInt(2) == 0 ? 1_100 : 40_000) + "\"";
      case 8 -> {
        StringBuilder array = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.append(i > 0 ? "," : "").append(value(random, depth + 1));
        }
        yield array.append(']').toString();
      }
      default -> object(random, depth + 1);
    };
  }
}
