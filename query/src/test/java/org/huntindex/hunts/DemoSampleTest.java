package org.huntindex.hunts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huntindex.render.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled sample collection ({@code data/sample}) gives exactly {@code data/expected/<hunt>.ndjson}, which the
 * bench reference models worked out from HUNTS.md without this engine.
 */
class DemoSampleTest {
  @TempDir
  static Path dir;

  private static Path data;
  private static TestIndex index;

  @BeforeAll
  static void indexSample() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null && data == null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data/sample")) && Files.isDirectory(p.resolve("data/expected"))) {
        data = p.resolve("data");
      }
    }
    assumeTrue(data != null, "skipped: no data/sample and data/expected above " + Path.of("").toAbsolutePath());
    index = TestIndex.of(dir, List.of(data.resolve("sample")));
  }

  @AfterAll
  static void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  static List<Hunt> hunts() {
    return HuntRegistry.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hunts")
  void sampleGivesTheExpectedOutput(Hunt hunt) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Format.NDJSON.renderer(80).render(index.run(hunt), hunt.columns(), out);
    String prefix = data.resolve("sample").toAbsolutePath() + "/";
    String got = out.toString(StandardCharsets.UTF_8).replace(prefix, "");
    String expected = Files.readString(data.resolve("expected").resolve(hunt.id() + ".ndjson"));
    assertEquals(expected, got);
  }
}
