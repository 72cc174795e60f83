package org.huntindex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.huntindex.hunts.Hunt;
import org.huntindex.hunts.HuntRegistry;
import org.huntindex.hunts.Params;
import org.huntindex.index.IndexBuilder;
import org.huntindex.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hunt demo}: indexes the bundled sample collection into a temporary index and runs every hunt on it. */
@Command(name = "demo", description = "Index the bundled sample collection (data/) into a temporary index and run "
    + "every hunt on it, printing tables.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "sample collection (default: data/ of this checkout)")
  Path data;

  @Override
  public Integer call() throws Exception {
    Path evidence = data != null ? data : bundled();
    PrintStream out = System.out;
    PrintStream err = System.err;
    Path index = Files.createTempDirectory("hunt-demo-");
    try {
      err.println("demo: indexing " + evidence + " into " + index);
      err.println(new IndexBuilder(index, IndexBuilder.Options.defaults(err)).index(List.of(evidence)).summary());
      for (Hunt h : HuntRegistry.all()) {
        out.flush();
        err.println();
        err.println("== " + h.id() + ": " + h.title());
        err.flush();
        var results = HuntRunner.run(index, h, Params.defaults(h), null, err);
        Format.TABLE.renderer(Terminal.width()).render(results, h.columns(), out);
        out.flush();
      }
    } finally {
      deleteTree(index);
    }
    return 0;
  }

  /** {@code data/sample} (or {@code data}) of the checkout the jar was built in: the jar is query/target/hunt.jar. */
  private static Path bundled() throws URISyntaxException {
    Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path repo = code.getParent().getParent().getParent();
    Path data = repo.resolve("data");
    Path sample = data.resolve("sample");
    if (Files.isDirectory(sample)) {
      return sample;
    }
    if (Files.isDirectory(data)) {
      return data;
    }
    throw new IllegalArgumentException("no sample collection at " + data + " (give one with --data DIR)");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
