package org.huntindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HuntCliTest {
  @Test
  void runningOutOfMemorySaysSoWhereverItIsInTheCauses() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    // what a try-with-resources gives when close() throws the very error the body threw
    Throwable masked = new IllegalArgumentException("Self-suppression not permitted", oom);
    for (Throwable t : new Throwable[] {oom, masked, new IOException("cannot write", masked)}) {
      String message = HuntCli.message(t);
      assertTrue(message.startsWith("out of memory with a heap of ") && message.contains("HUNT_JAVA_OPTS=-Xmx"),
          message);
    }
  }

  @Test
  void otherFailuresGiveTheirOwnMessage() {
    assertEquals("cannot open /x", HuntCli.message(new IOException("cannot open /x")));
    assertEquals("java.lang.IllegalStateException", HuntCli.message(new IllegalStateException()));
  }
}
