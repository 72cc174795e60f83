package org.huntindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestManifestTest {
  @TempDir Path tmp;

  private static IngestManifest.FileEntry entry(long ordinal, String path, String sha256) {
    IngestManifest.FileEntry e = new IngestManifest.FileEntry();
    e.ordinal = ordinal;
    e.path = path;
    e.sha256 = sha256;
    return e;
  }

  @Test
  void aFileWithoutADigestReadsBackWithoutOneAndHasNoTwin() throws Exception {
    IngestManifest m = new IngestManifest();
    IngestManifest.FileEntry unread = entry(0, "/case/a.evtx", null);
    IngestManifest.FileEntry first = entry(1, "/case/b.evtx", "ab");
    IngestManifest.FileEntry copy = entry(2, "/case/c.evtx", "ab");
    IngestManifest.FileEntry alsoUnread = entry(3, "/case/d.evtx", null);
    m.add(unread);
    m.add(first);
    m.add(copy);
    m.add(alsoUnread);
    assertTrue(m.twinOf(alsoUnread).isEmpty(), "two unknown digests are not the same content");
    assertTrue(m.twinOf(first).isEmpty(), "only a file listed before counts");
    assertEquals(first, m.twinOf(copy).orElseThrow());
    assertTrue(m.find("/case/a.evtx", "ab").isEmpty());
    assertTrue(m.hasPath("/case/a.evtx"));
    assertFalse(m.hasPath("/case/e.evtx"));

    m.save(tmp);
    IngestManifest back = IngestManifest.load(tmp);
    assertNull(back.files().get(0).sha256);
    assertEquals("ab", back.files().get(1).sha256);
  }
}
