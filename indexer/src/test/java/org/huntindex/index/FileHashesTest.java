package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTest {
  @TempDir Path tmp;

  private static IngestManifest.FileEntry entry(Path file) {
    IngestManifest.FileEntry e = new IngestManifest.FileEntry();
    e.path = file.toString();
    return e;
  }

  @Test
  void digestsArriveInTheirEntriesAndAnUnreadableFileGetsAnErrorInstead() throws Exception {
    Path abc = Files.writeString(tmp.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
    Path empty = Files.createFile(tmp.resolve("empty.txt"));
    Path gone = tmp.resolve("gone.evtx");
    IngestManifest.FileEntry a = entry(abc);
    IngestManifest.FileEntry b = entry(empty);
    IngestManifest.FileEntry c = entry(gone);
    try (FileHashes hashes = new FileHashes()) {
      hashes.later(a, abc);
      hashes.later(c, gone);
      hashes.later(b, empty);
      hashes.await();
    }
    // FIPS 180-2 test vector for "abc", and the digest of no bytes
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", a.sha256);
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", b.sha256);
    assertNull(c.sha256);
    assertEquals(1, c.errorCount);
    assertTrue(c.errors.get(0).startsWith(gone + ": cannot compute its SHA-256"), c.errors.get(0));
    assertEquals(0, a.errorCount + b.errorCount);
  }

  @Test
  void theSystemDigestEqualsTheJdksAndAMissingOrFailingCommandFallsBackToTheJdk() throws Exception {
    byte[] bytes = new byte[3 << 20];
    new java.util.Random(7).nextBytes(bytes);
    Path file = Files.write(tmp.resolve("random.evtx"), bytes);
    String jdk = FileHashes.byJdk(file);
    for (List<String> command : FileHashes.SYSTEM_COMMANDS) {
      org.junit.jupiter.api.Assumptions.assumeTrue(FileHashes.bySystem(file, command) != null,
          command.getFirst() + " is not installed here");
      assertEquals(jdk, FileHashes.bySystem(file, command), command.toString());
    }
    assertEquals(jdk, FileHashes.of(file));
    assertNull(FileHashes.bySystem(file, List.of("no-such-command-" + System.nanoTime())));
    assertNull(FileHashes.bySystem(file, List.of("true")), "a command that prints no digest gives none");
    assertNull(FileHashes.bySystem(file, List.of("false")));
  }
}
