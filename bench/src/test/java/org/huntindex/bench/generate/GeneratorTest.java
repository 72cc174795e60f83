package org.huntindex.bench.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.huntindex.bench.reference.Expected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
  @TempDir
  Path tmp;

  private Path generate(String name, String... args) throws Exception {
    Path out = tmp.resolve(name);
    String[] all = Stream.concat(Stream.of("--out", out.toString()), Arrays.stream(args)).toArray(String[]::new);
    assertEquals(0, GenerateCommand.run(all));
    return out;
  }

  @Test
  void sameSeedGivesTheSameBytes() throws Exception {
    Path a = generate("a", "--events", "3000", "--seed", "11", "--gzip");
    Path b = generate("b", "--events", "3000", "--seed", "11", "--gzip");
    List<Path> files = files(a);
    assertEquals(6, files.size(), files.toString());
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
    }
  }

  @Test
  void anotherSeedGivesAnotherCollection() throws Exception {
    Path a = generate("a", "--events", "2000", "--seed", "1");
    Path b = generate("b", "--events", "2000", "--seed", "2");
    Path f = Path.of("sample", "securityevent.jsonl");
    assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f))));
  }

  @Test
  void writesExactlyTheRequestedEventsPerFile() throws Exception {
    Path out = generate("n", "--events", "2500", "--seed", "3");
    assertEquals(2500, Files.readAllLines(out.resolve("sample/securityevent.jsonl")).size());
    assertEquals(2500, Files.readAllLines(out.resolve("sample/sysmon-ecs.ndjson")).size());
  }

  @Test
  void everyHuntHasPlantedPositives() throws Exception {
    Path out = generate("p", "--events", "3000", "--seed", "5");
    for (String hunt : Expected.HUNTS) {
      assertTrue(Files.readAllLines(out.resolve("expected/" + hunt + ".ndjson")).size() >= 5, hunt);
    }
  }

  @Test
  void expectedWrittenWhileGeneratingEqualsTheModelsOverTheFilesReadBack() throws Exception {
    Path out = generate("r", "--events", "4000", "--seed", "9", "--gzip", "--unicode-boundaries");
    Expected.Results again = Expected.compute(out.resolve("sample"));
    for (String hunt : Expected.HUNTS) {
      assertEquals(Files.readString(out.resolve("expected/" + hunt + ".ndjson")), again.ndjson(hunt), hunt);
    }
  }

  @Test
  void sysmonTimesStrictlyIncreaseSoEvidenceOrderIsTimeOrder() throws Exception {
    Path out = generate("t", "--events", "3000", "--seed", "4");
    List<String> lines = Files.readAllLines(out.resolve("sample/sysmon-ecs.ndjson"));
    String previous = "";
    for (String l : lines) {
      String ts = l.substring(l.indexOf("\"@timestamp\":\"") + 14, l.indexOf("\"@timestamp\":\"") + 38);
      assertTrue(ts.compareTo(previous) > 0, ts + " after " + previous);
      previous = ts;
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
