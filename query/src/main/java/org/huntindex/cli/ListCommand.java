package org.huntindex.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.huntindex.hunts.Hunt;
import org.huntindex.hunts.HuntRegistry;
import org.huntindex.hunts.Param;
import picocli.CommandLine.Command;

/** {@code hunt list}: the built-in hunts with their source rule, what they read and their parameters. */
@Command(name = "list", description = "List the hunts: id, title, source rule, what each reads, its parameters.")
final class ListCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    PrintStream out = System.out;
    for (Hunt h : HuntRegistry.all()) {
      out.println(h.id());
      out.println("  " + h.title());
      out.println("  source: " + h.source());
      out.println("  reads:  " + h.reads());
      for (Param p : h.params()) {
        String defaults = String.join(",", p.defaults());
        out.printf("  --%-15s %s (default: %s)%n", p.name(), p.description(),
            defaults.length() > 60 ? defaults.substring(0, 59) + "…" : defaults);
      }
      out.println();
    }
    return 0;
  }
}
