package org.huntindex.bench.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huntindex.bench.generate.GenerateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample in {@code data/} cannot drift: from the generator, nor from the reference models. */
class SampleTest {
  static Path data() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("data/generation.json"))) {
        return p.resolve("data");
      }
    }
    throw new IllegalStateException("no data/generation.json above " + Path.of("").toAbsolutePath());
  }

  @Test
  void expectedFilesAreWhatTheReferenceModelsComputeOnTheSample() throws IOException {
    Expected.Results results = Expected.compute(data().resolve("sample"));
    for (String hunt : Expected.HUNTS) {
      String committed = Files.readString(data().resolve("expected/" + hunt + ".ndjson"));
      assertEquals(committed, results.ndjson(hunt), hunt);
      assertTrue(results.count(hunt) >= 5, hunt + " has a handful of positives");
    }
  }

  @Test
  void theRecordedCommandRegeneratesTheSampleByteForByte(@TempDir Path tmp) throws Exception {
    Map<?, ?> generation = (Map<?, ?>) Json.parse(Files.readString(data().resolve("generation.json")));
    List<String> args = new ArrayList<>(Arrays.asList(((String) generation.get("command")).split(" ")));
    assertEquals(List.of("bench/run", "generate"), args.subList(0, 2));
    args = args.subList(2, args.size()).stream().map(a -> a.equals("DIR") ? tmp.toString() : a).toList();
    assertEquals(0, GenerateCommand.run(args.toArray(String[]::new)));
    List<Path> files = files(data());
    assertEquals(files.stream().map(data()::relativize).toList(), files(tmp).stream().map(tmp::relativize).toList());
    for (Path f : files) {
      if (!f.getFileName().toString().equals("README.md")) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve(data().relativize(f))), f.toString());
      }
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("README.md")).sorted()
          .toList();
    }
  }
}
