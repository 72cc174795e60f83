package org.huntindex.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Writes hunt results to stdout in one output format; no results writes nothing (JSON writes {@code []}). */
public interface Renderer {
  void render(List<Map<String, Object>> results, List<Column> columns, OutputStream out) throws IOException;
}
