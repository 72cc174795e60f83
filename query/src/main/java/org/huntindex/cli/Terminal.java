package org.huntindex.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The width tables are fitted to: {@code $COLUMNS}, else the terminal's, else a wide default for pipes and files. */
final class Terminal {
  private static final int DEFAULT = 160;

  private Terminal() {}

  static int width() {
    Integer columns = parse(System.getenv("COLUMNS"));
    if (columns != null) {
      return columns;
    }
    if (System.console() != null) {
      Integer tty = stty();
      if (tty != null) {
        return tty;
      }
    }
    return DEFAULT;
  }

  private static Integer stty() {
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroy();
        return null;
      }
      String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
      return parts.length == 2 ? parse(parts[1]) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Integer parse(String s) {
    try {
      int n = s == null ? 0 : Integer.parseInt(s.trim());
      return n >= 20 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
