package org.huntindex.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.huntindex.index.IndexBuilder;
import org.huntindex.index.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hunt index}: ingests evidence files, directories and archives into an index. */
@Command(name = "index", description = "Index evidence (files, directories, .zip/.tar.gz/.gz archives) into IDX.")
final class IndexCommand implements Callable<Integer> {
  @Option(names = {"-i", "--index"}, required = true, paramLabel = "IDX", description = "index directory")
  Path index;

  @Option(names = "--threads", description = "indexing threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--dedupe-records",
      description = "drop Windows records already indexed under the same host, channel and record id, whatever "
          + "their format (EVTX, EvtxECmd, XML, ...)")
  boolean dedupeRecords;

  @Option(names = "--no-progress", description = "no progress bar even on a terminal")
  boolean noProgress;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "evidence to index")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    boolean progress = !noProgress && System.console() != null;
    var options = new IndexBuilder.Options(Math.max(1, threads), dedupeRecords, progress, System.err);
    IngestReport report;
    try {
      report = new IndexBuilder(Checks.indexToWrite(index), options).index(paths);
    } catch (java.io.IOException e) {
      throw new java.io.IOException("cannot write the index at " + index + ": " + e, e);
    }
    System.err.println(report.summary());
    boolean nothingRead = report.events() + report.recovered() + report.filesAlreadyIndexed() == 0;
    if (nothingRead && (report.errors() > 0 || report.notEvidence() > 0 || report.filesIndexed() == 0)) {
      System.err.println("hunt: no readable input in " + paths);
      return 1;
    }
    return 0;
  }
}
