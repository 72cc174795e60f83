package org.huntindex.schema;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.Tokenizer;

/** The analyzer of every tokenized field: command-line tokens. */
public final class SchemaAnalyzer extends DelegatingAnalyzerWrapper {
  private final Analyzer commandLine = of(CommandLineTokenizer::new);

  public SchemaAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return commandLine;
  }

  private static Analyzer of(Supplier<Tokenizer> tokenizer) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(tokenizer.get());
      }
    };
  }
}
