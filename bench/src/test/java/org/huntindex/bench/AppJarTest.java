package org.huntindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The application jar the launcher runs, as the build leaves it after shading (the reactor packages it first). */
class AppJarTest {
  private static final Path JAR = Path.of("..", "query", "target", "hunt.jar");

  @Test
  void builtOnJdk24OrNewerItHoldsNoClassFileTheStartUpCacheSkips() throws IOException {
    assumeTrue(Runtime.version().feature() >= 24, "the class files are upgraded on JDK 24 and newer only");
    assumeTrue(Files.isRegularFile(JAR), JAR + " not built (mvn verify builds it before these tests)");
    List<String> old = new ArrayList<>();
    int picocli = 0;
    try (InputStream raw = Files.newInputStream(JAR); ZipInputStream zip = new ZipInputStream(raw)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (!e.getName().endsWith(".class")) {
          continue;
        }
        byte[] head = zip.readNBytes(8);
        int major = (head[6] & 0xff) << 8 | head[7] & 0xff;
        if (major < 50) {
          old.add(e.getName() + " (" + major + ")");
        }
        if (e.getName().startsWith("picocli/")) {
          picocli++;
          assertEquals(52, major, e.getName());
        }
      }
    }
    assertTrue(picocli > 100, "picocli's classes are in the jar: " + picocli);
    assertEquals(List.of(), old);
  }
}
