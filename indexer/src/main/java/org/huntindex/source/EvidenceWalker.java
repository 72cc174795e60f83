package org.huntindex.source;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds every piece of evidence under the given paths and hands each to a visitor as an {@link Evidence}, in an order
 * that depends only on the evidence itself.
 *
 * <p>Roots and directory children are visited in sorted path order; symbolic links are followed, and a directory is
 * walked once however many links lead to it (so link loops end). Zip, tar and gzip archives are recognised by their magic
 * bytes whatever their names, streamed (never extracted to disk), and their entries visited in archive order, which is
 * fixed by the archive's bytes. Archives nested in archives are walked up to {@link Limits#maxDepth()} layers, each zip,
 * tar or gzip layer counting one: {@code a.zip!/b.tar.gz!/c.json} is three layers deep. A gzip layer adds nothing to the
 * location: the content of {@code x.json.gz} is {@code x.json.gz}.
 *
 * <p>Nothing stops the walk but the end of the evidence: an unreadable file, an unsafe entry name ({@code ..} segments,
 * absolute paths), an oversized entry, a truncated or corrupt archive are reported as {@link ReadError}s with their
 * location, and the walk goes on with what remains readable. Records a reader already delivered from a truncated entry
 * stay delivered. Every file and entry is visited, whatever it holds: deciding what is evidence is the readers' job.
 */
public final class EvidenceWalker {
  private static final int BUFFER = 1 << 16;
  private static final Pattern UNSAFE_NAME = Pattern.compile("^([/\\\\]|[A-Za-z]:)|(^|[/\\\\])\\.\\.([/\\\\]|$)");

  private final Limits limits;
  private final Path leftOut;

  /** Walks with {@link Limits#DEFAULT}. */
  public EvidenceWalker() {
    this(Limits.DEFAULT);
  }

  public EvidenceWalker(Limits limits) {
    this(limits, null);
  }

  private EvidenceWalker(Limits limits, Path leftOut) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.leftOut = leftOut;
  }

  /**
   * This walker, leaving out the directory {@code dir} and all it holds wherever the walk meets it: the index being
   * written, when an analyst keeps it inside the case folder.
   */
  public EvidenceWalker leavingOut(Path dir) {
    return new EvidenceWalker(limits, dir);
  }

  /** Receives each piece of evidence while it can be read; an archive entry is gone once this returns. */
  @FunctionalInterface
  public interface Visitor {
    /** Reads the evidence; an exception reading it is reported as an error at its location, and the walk goes on. */
    void visit(Evidence evidence) throws IOException;
  }

  /**
   * Bounds on what archives may decompress to.
   *
   * @param maxEntryBytes decompressed bytes of one entry (or of a gzip file's content) before it is cut short
   * @param maxArchiveBytes decompressed bytes of all entries of one file on disk before the rest of it is abandoned
   * @param maxRatio decompressed bytes per compressed byte read, past 64 MiB, before the rest is abandoned as a bomb
   * @param maxDepth archive layers (zip, tar, gzip) opened inside one another
   */
  public record Limits(long maxEntryBytes, long maxArchiveBytes, double maxRatio, int maxDepth) {
    /** 4 GiB per entry, 64 GiB per archive, 500:1 (deflate cannot exceed about 1032:1 in one layer), 4 layers. */
    public static final Limits DEFAULT = new Limits(4L << 30, 64L << 30, 500, 4);

    public Limits {
      if (maxEntryBytes <= 0 || maxArchiveBytes <= 0 || maxRatio <= 1 || maxDepth < 1) {
        throw new IllegalArgumentException("limits must be positive, maxRatio > 1 and maxDepth >= 1, got "
            + maxEntryBytes + ", " + maxArchiveBytes + ", " + maxRatio + ", " + maxDepth);
      }
    }
  }

  /** Visits all evidence under {@code roots} (sorted); problems go to {@code errors}, and the walk goes on. */
  public void walk(Collection<Path> roots, Visitor visitor, Consumer<ReadError> errors) {
    Walk walk = new Walk(visitor, errors);
    if (leftOut != null) {
      try {
        walk.leftOut = walk.identity(leftOut, Files.readAttributes(leftOut, BasicFileAttributes.class));
      } catch (IOException e) {
        // nothing there to leave out
      }
    }
    roots.stream().sorted().forEach(walk::path);
  }

  /** One walk's state: where to send things, and which directories it has walked. */
  private final class Walk {
    private final Visitor visitor;
    private final Consumer<ReadError> errors;
    private final Set<Object> walkedDirectories = new HashSet<>();
    private Object leftOut;

    Walk(Visitor visitor, Consumer<ReadError> errors) {
      this.visitor = Objects.requireNonNull(visitor, "visitor");
      this.errors = Objects.requireNonNull(errors, "errors");
    }

    void path(Path path) {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (IOException e) {
        error(path.toString(), "", "cannot read: " + describe(e));
        return;
      }
      if (attributes.isDirectory()) {
        directory(path, attributes);
      } else if (attributes.isRegularFile()) {
        file(path);
      }
      // devices, pipes and sockets hold no evidence
    }

    private void directory(Path dir, BasicFileAttributes attributes) {
      Object identity = identity(dir, attributes);
      if (identity.equals(leftOut)) {
        return;
      }
      if (!walkedDirectories.add(identity)) {
        error(dir.toString(), "", "directory already walked through another link (loop?): skipped");
        return;
      }
      List<Path> children;
      try (Stream<Path> list = Files.list(dir)) {
        children = list.sorted().toList();
      } catch (IOException | UncheckedIOException e) {
        error(dir.toString(), "", "cannot list directory: " + describe(e));
        return;
      }
      children.forEach(this::path);
    }

    private Object identity(Path dir, BasicFileAttributes attributes) {
      if (attributes.fileKey() != null) {
        return attributes.fileKey();
      }
      try {
        return dir.toRealPath();
      } catch (IOException e) {
        return dir.toAbsolutePath().normalize();
      }
    }

    private void file(Path file) {
      String location = file.toString();
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(Container.HEAD);
      } catch (IOException e) {
        error(location, "", "cannot read: " + describe(e));
        return;
      }
      Container container = Container.of(head, head.length);
      if (container == Container.NONE) {
        visit(new Evidence(location, file, () -> Files.newInputStream(file)));
        return;
      }
      Budget budget = new Budget(limits);
      try (InputStream in = new BufferedInputStream(budget.countRaw(Files.newInputStream(file)), BUFFER)) {
        container(location, container, in, 1, budget);
      } catch (IOException e) {
        error(location, "", "cannot read: " + describe(e));
      }
    }

    private void visit(Evidence evidence) {
      try {
        visitor.visit(evidence);
      } catch (IOException e) {
        error(evidence.location(), "", describe(e));
      } catch (UncheckedIOException e) {
        error(evidence.location(), "", describe(e.getCause()));
      }
    }

    /** Walks an archive layer; reports its own errors. */
    private void container(String location, Container kind, InputStream in, int depth, Budget budget) {
      if (depth > limits.maxDepth()) {
        error(location, "", "archive nested more than " + limits.maxDepth() + " layers deep: not read");
        return;
      }
      try {
        switch (kind) {
          case GZIP -> {
            try (InputStream gzip = new GzipCompressorInputStream(new CloseShield(in), true)) {
              content(location, gzip, depth, budget);
            }
          }
          case ZIP -> {
            try (ArchiveInputStream<?> zip = new ZipArchiveInputStream(new CloseShield(in), "UTF-8", true, true)) {
              entries(location, zip, in, depth, budget);
            }
          }
          case TAR -> {
            try (ArchiveInputStream<?> tar = new TarArchiveInputStream(new CloseShield(in))) {
              entries(location, tar, in, depth, budget);
            }
          }
          case NONE -> throw new IllegalArgumentException("not an archive: " + location);
        }
      } catch (IOException e) {
        error(location, "", describe(e));
      }
    }

    /** Visits the entries of an archive read from {@code in}, then reads {@code in} to its end to check it is whole. */
    private void entries(String location, ArchiveInputStream<?> archive, InputStream in, int depth, Budget budget) {
      int read = 0;
      while (true) {
        ArchiveEntry entry;
        try {
          entry = archive.getNextEntry();
        } catch (IOException | RuntimeException e) {
          error(location, read == 0 ? "" : "after entry " + read, describe(e));
          return;
        }
        if (entry == null) {
          checkEnd(location, in, read);
          return;
        }
        read++;
        if (!isFile(entry)) {
          continue;
        }
        String entryLocation = location + "!/" + entry.getName();
        if (UNSAFE_NAME.matcher(entry.getName()).find()) {
          error(entryLocation, "", "unsafe entry name (absolute, or with a '..' segment): not read");
        } else if (!archive.canReadEntryData(entry)) {
          error(entryLocation, "", "encrypted or unsupported compression: not read");
        } else if (!content(entryLocation, archive, depth, budget)) {
          return;
        }
      }
    }

    /** A tar ends before its gzip layer does: reading on reveals a gzip cut short or followed by junk. */
    private void checkEnd(String location, InputStream in, int entries) {
      try {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        error(location, "after entry " + entries, describe(e));
      }
    }

    /**
     * Visits one decompressed stream: a nested archive is walked, anything else goes to the visitor.
     *
     * @return whether the archive holding it can still be read
     */
    private boolean content(String location, InputStream source, int depth, Budget budget) {
      GuardedStream guarded = new GuardedStream(source, budget, limits.maxEntryBytes());
      BufferedInputStream in = new BufferedInputStream(guarded, BUFFER);
      boolean reported = false;
      try {
        byte[] head = new byte[Container.HEAD];
        Container nested = Container.of(head, peek(in, head));
        if (nested == Container.NONE) {
          visitor.visit(new Evidence(location, null, once(location, in)));
        } else {
          guarded.container(limits.maxArchiveBytes());
          container(location, nested, in, depth + 1, budget);
          reported = true;
        }
      } catch (IOException e) {
        error(location, "byte " + guarded.count(), describe(e));
        reported = true;
      } catch (UncheckedIOException e) {
        error(location, "byte " + guarded.count(), describe(e.getCause()));
        reported = true;
      }
      if (guarded.failure() != null && !reported) {
        error(location, "byte " + guarded.count(), describe(guarded.failure()));
      }
      return guarded.failure() == null && !budget.exhausted();
    }

    /** Reads the first bytes and rewinds; a limit met here is met again by whoever reads the stream next. */
    private static int peek(BufferedInputStream in, byte[] head) throws IOException {
      in.mark(head.length);
      int n = 0;
      try {
        for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
          n += r;
        }
      } catch (LimitExceededException e) {
        // the limit is reported when the content is read
      }
      in.reset();
      return n;
    }

    private void error(String location, String position, String reason) {
      errors.accept(new ReadError(location, position, reason));
    }
  }

  private static boolean isFile(ArchiveEntry entry) {
    return entry instanceof TarArchiveEntry tar ? tar.isFile() : !entry.isDirectory();
  }

  private static Evidence.Opener once(String location, InputStream in) {
    AtomicBoolean opened = new AtomicBoolean();
    return () -> {
      if (opened.getAndSet(true)) {
        throw new IOException("archive entry " + location + " can be opened only once");
      }
      return in;
    };
  }

  /** One line saying what went wrong, for a {@link ReadError}. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return switch (e) {
      case LimitExceededException limit -> message;
      case EOFException eof -> "truncated: " + (message.isEmpty() ? "stream ends early" : message);
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "access denied";
      default -> message.isEmpty() ? e.getClass().getSimpleName() : message;
    };
  }
}
