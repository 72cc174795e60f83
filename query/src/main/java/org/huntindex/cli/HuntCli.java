package org.huntindex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code hunt} command line: wires the subcommands, nothing else. */
@Command(name = "hunt", mixinStandardHelpOptions = true, version = "hunt 0.1.0",
    description = "Offline hunt index for Windows event evidence: index a collection once, hunt it in milliseconds.",
    subcommands = {IndexCommand.class, StatsCommand.class, ListCommand.class, RunCommand.class, DemoCommand.class,
        SearchCommand.class, FieldsCommand.class,
        CommandLine.HelpCommand.class})
public final class HuntCli {
  /** Held so the level set in {@link #main} is not lost when java.util.logging drops an unreferenced logger. */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    // Lucene reports its vectorization choices through java.util.logging; stderr is for the analyst's notes.
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code; stdout carries data only, everything else goes to stderr. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new HuntCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, line, parsed) -> {
      line.getErr().println("hunt: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      return 2;
    });
    return cli.execute(args);
  }
}
