package org.huntindex.extract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the shared spec vectors ({@code shared/spec/vectors}), found by walking up from the working directory. */
final class SpecVectors {

  private SpecVectors() {}

  /** The vector file {@code name}; skips the calling test when the shared directory is not there. */
  static Path file(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/spec/vectors").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "shared/spec/vectors/" + name + " not found above " + Path.of("").toAbsolutePath()
        + "; spec vector tests skipped");
    throw new AssertionError();
  }

  /** A JSON array of flat objects; values are String, Boolean, Number or null. */
  static List<Map<String, Object>> rows(String name) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(file(name).toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException(name + ": expected a JSON array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, Object> row = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken t = p.nextToken();
          row.put(key, switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            default -> {
              p.skipChildren();
              yield null;
            }
          });
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
