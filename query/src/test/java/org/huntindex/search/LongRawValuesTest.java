package org.huntindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.huntindex.schema.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A raw value too long to be one term (a PowerShell script block) is found by the words in it. */
class LongRawValuesTest {
  private static final String SCRIPT = "function Invoke-Mimikatz {\\n  param([switch]$DumpCreds)\\n"
      + "  $Ort = 'Zürich'\\n" + "  # padding\\n".repeat(120) + "}";
  /** A run of 260 characters, which the tokenizer cuts into pieces of 255 and 5. */
  private static final String RUN = "QUJD".repeat(65);
  private static final String ENCODED = "powershell -nop -enc " + RUN + " -Force" + " #pad".repeat(200);
  @TempDir static Path tmp;
  static SearchIndex idx;

  @BeforeAll
  static void index() throws IOException {
    assertTrue(SCRIPT.length() > Field.RAW_TERM_BYTES, "the premise: the script is longer than a raw term");
    idx = SearchIndex.open(SearchFixture.index(tmp, List.of(
        event("s1", SCRIPT), event("s2", "prompt"), event("s3", "Write-Host mimikatz"), event("s4", ENCODED))));
  }

  private static String event(String id, String script) {
    return "{\"@timestamp\":\"2024-05-01T08:15:00Z\",\"event\":{\"id\":\"" + id + "\",\"code\":4104},"
        + "\"host\":{\"name\":\"WS0042\"},\"ScriptBlockText\":\"" + script + "\"}";
  }

  @AfterAll
  static void close() throws IOException {
    idx.close();
  }

  private static void matches(String query, String... ids) throws IOException {
    assertEquals(Set.of(ids), SearchFixture.ids(idx, query), query);
  }

  @Test
  void aLongValueMatchesByItsTokensAndAShortOneByItsWholeValue() throws IOException {
    matches("ScriptBlockText:*mimikatz*", "s1", "s3");
    matches("ScriptBlockText:invoke-mimikatz", "s1");
    matches("ScriptBlockText:$DumpCreds", "s1");
    matches("ScriptBlockText:*creds", "s1");
    matches("ScriptBlockText:zürich", "s1");
    matches("ScriptBlockText:prompt", "s2");
    matches("ScriptBlockText:mimikatz");
    matches("ScriptBlockText:*", "s1", "s2", "s3", "s4");
    matches("mimikatz", "s1", "s3");
    matches("\"write-host MIMIKATZ\"", "s3");
  }

  @Test
  void aLongValueContainingAPhraseIsFoundAsGrepWouldFindIt() throws IOException {
    matches("ScriptBlockText:\"function Invoke-Mimikatz\"", "s1");
    matches("ScriptBlockText:\"PARAM([switch]$dumpcreds)\"", "s1");
    // the tokenizer keeps ".": "padding" is a token of "# padding", and "padding\n  #" holds it at a token's end
    matches("ScriptBlockText:\"  # padding\"", "s1");
    matches("\"Invoke-Mimikatz {\"", "s1");
    matches("\"$Ort = 'Zürich'\"", "s1");
    // every word is in the script, but not in this order
    matches("ScriptBlockText:\"Invoke-Mimikatz function\"");
    matches("\"mimikatz function\"");
    // a short value is still matched whole when its field is named, and by containment when not
    matches("ScriptBlockText:\"Write-Host\"");
    matches("ScriptBlockText:\"write-host mimikatz\"", "s3");
    matches("\"host mimikatz\"", "s3");
    // the phrase's first word ends the 260-character run, across the cut between its pieces
    matches("ScriptBlockText:\"" + RUN.substring(245) + " -force\"", "s4");
    matches("\"-enc " + RUN.substring(0, 20) + "\"", "s4");
    matches("\"enc " + RUN.substring(0, 20) + "\"", "s4");
  }

  @Test
  void theLongValueIsShownWhole() throws IOException {
    Hit hit = idx.search(idx.parse("ScriptBlockText:invoke-mimikatz"), SearchSort.parse(Field.TIMESTAMP.fieldName()), 0).hits().getFirst();
    assertEquals(List.of(SCRIPT.replace("\\n", "\n")), hit.get("ScriptBlockText"));
  }
}
