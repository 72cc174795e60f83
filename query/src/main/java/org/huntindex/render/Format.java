package org.huntindex.render;

/** The output formats of {@code hunt run}. */
public enum Format {
  TABLE,
  JSON,
  NDJSON,
  CSV;

  /** The renderer for this format; a table is {@code width} characters wide at most. */
  public Renderer renderer(int width) {
    return switch (this) {
      case TABLE -> new TableRenderer(width);
      case JSON -> new JsonRenderer(false);
      case NDJSON -> new JsonRenderer(true);
      case CSV -> new CsvRenderer();
    };
  }
}
