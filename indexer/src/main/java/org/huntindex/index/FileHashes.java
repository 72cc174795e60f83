package org.huntindex.index;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.huntindex.source.ReadError;

/**
 * SHA-256 digests of evidence files. A file the manifest has never seen cannot be skipped as already indexed, so its
 * digest is computed on a thread of its own while the file is read and indexed, instead of before.
 */
final class FileHashes implements AutoCloseable {
  private record Pending(IngestManifest.FileEntry entry, Future<String> digest) {}

  private final ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sha256");
    t.setDaemon(true);
    return t;
  });
  private final List<Pending> pending = new ArrayList<>();

  /** Starts hashing an entry's file; {@link #await} puts the digest into the entry. */
  void later(IngestManifest.FileEntry entry, Path file) {
    pending.add(new Pending(entry, hasher.submit(() -> of(file))));
  }

  /** Waits for every digest started; a file that cannot be read again keeps no digest and gets an error instead. */
  void await() throws InterruptedException {
    for (Pending p : pending) {
      try {
        p.entry().sha256 = p.digest().get();
      } catch (ExecutionException e) {
        p.entry().error(new ReadError(p.entry().path, "", "cannot compute its SHA-256: " + e.getCause()));
      }
    }
    pending.clear();
  }

  /**
   * The file's SHA-256, as 64 lower-case hex digits. In a JVM that compiles with C1 alone, which is how {@code hunt}
   * runs small jobs, the JDK's digest lacks its C2 intrinsic and runs at ~150 MB/s, so the first of {@link
   * #SYSTEM_COMMANDS} installed computes it, unless the file is so small that starting a program costs more;
   * otherwise the JDK does (over 1 GB/s with the intrinsic).
   */
  static String of(Path file) throws IOException {
    if (WithoutC2.JIT && Files.size(file) >= SYSTEM_MIN_BYTES) {
      for (List<String> command : SYSTEM_COMMANDS) {
        String digest = bySystem(file, command);
        if (digest != null) {
          return digest;
        }
      }
    }
    return byJdk(file);
  }

  /** Whether this JVM runs without C2, read once. */
  private static final class WithoutC2 {
    static final boolean JIT = withoutC2();

    private static boolean withoutC2() {
      try {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) < 4
            || vm.getVMOption("CompilationMode").getValue().equals("quick-only");
      } catch (RuntimeException | LinkageError notHotSpot) {
        return false;
      }
    }
  }

  /** Starting OpenSSL takes ~3 ms here, what the JDK's digest on C1 needs for ~0.5 MB. */
  static final long SYSTEM_MIN_BYTES = 1 << 20;
  /**
   * Programs that print a file's SHA-256 first on their output, fastest first: OpenSSL uses the CPU's SHA extensions
   * (128 MiB: 0.12 s here), coreutils' {@code sha256sum} 9.1 does not (0.66 s).
   */
  static final List<List<String>> SYSTEM_COMMANDS = List.of(List.of("openssl", "dgst", "-sha256", "-r"),
      List.of("sha256sum"));
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** The digest {@code command} prints for the file on its standard input, or null when it cannot give one. */
  static String bySystem(Path file, List<String> command) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    Process p;
    try {
      p = new ProcessBuilder(command).redirectInput(file.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException notInstalled) {
      return null;
    }
    try (InputStream out = p.getInputStream()) {
      String line = new String(out.readNBytes(128), StandardCharsets.US_ASCII);
      boolean ok = p.waitFor() == 0 && line.length() >= 64 && HEX64.matcher(line.substring(0, 64)).matches()
          && (line.length() == 64 || line.charAt(64) == ' ');
      return ok ? line.substring(0, 64) : null;
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing " + file);
    }
  }

  /** The file's SHA-256 from the JDK's {@link MessageDigest}. */
  static String byJdk(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // 1 MiB reads: with 64 KiB ones, hashing an 8.5 GB file took 28% more CPU, all of it in the kernel.
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() {
    hasher.shutdownNow();
  }
}
