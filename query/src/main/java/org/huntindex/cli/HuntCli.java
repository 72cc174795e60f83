package org.huntindex.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code hunt} command line: wires the subcommands, nothing else. */
@Command(name = "hunt", mixinStandardHelpOptions = true, version = "hunt 0.1.0",
    description = "Offline hunt index for Windows event evidence: index a collection once, hunt it in milliseconds.")
public final class HuntCli {
  /**
   * The subcommands, by name, in help order. Picocli reads a command's annotations when it is added, which costs start
   * time on every run; a command line naming its subcommand first only gets that one.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    // Class literals, not constructor references: the JDK 25 start-up cache cannot hold a lambda over picocli's
    // classes (Java 5 class files) and its JVM crashes making one.
    SUBCOMMANDS.put("index", IndexCommand.class);
    SUBCOMMANDS.put("stats", StatsCommand.class);
    SUBCOMMANDS.put("list", ListCommand.class);
    SUBCOMMANDS.put("run", RunCommand.class);
    SUBCOMMANDS.put("demo", DemoCommand.class);
    SUBCOMMANDS.put("search", SearchCommand.class);
    SUBCOMMANDS.put("fields", FieldsCommand.class);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
  }

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
    Class<?> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
    for (Class<?> command : named != null ? java.util.List.<Class<?>>of(named) : SUBCOMMANDS.values()) {
      cli.addSubcommand(command);
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, line, parsed) -> {
      line.getErr().println("hunt: " + message(ex));
      return 2;
    });
    try {
      return cli.execute(named == SearchCommand.class ? SearchCommand.queriesAsText(args) : args);
    } catch (OutOfMemoryError e) {
      cli.getErr().println("hunt: " + message(e));
      return 2;
    }
  }

  /** What went wrong, in one line; running out of memory says how to give the JVM more. */
  static String message(Throwable ex) {
    Throwable t = ex;
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return "out of memory with a heap of " + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB; give it more and run again, e.g. HUNT_JAVA_OPTS=-Xmx8g";
      }
    }
    return ex.getMessage() == null ? ex.toString() : ex.getMessage();
  }
}
