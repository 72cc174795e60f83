package org.huntindex.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KustoHasTest {

  static final List<String> PROCESSES = List.of("cmd.exe", "powershell");

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      cmd.exe                                                   | true  | false | true
      CMD.EXE                                                   | true  | false | true
      C:\\Windows\\System32\\cmd.exe                            | true  | false | true
      powershell.exe                                            | false | true  | true
      C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe | false | true | true
      powershell_ise.exe                                        | false | true  | true
      pwsh.exe                                                  | false | false | false
      xcmd.exe                                                  | false | false | false
      cmd                                                       | false | false | false
      WindowsPowerShell                                         | false | false | false
      cmd.exe.bak                                               | true  | false | true
      ''                                                        | false | false | false
      """)
  void theStep2TableOfHuntsA3(String process, boolean hasCmd, boolean hasPowershell, boolean kept) {
    String p = process.replace("\\\\", "\\");
    assertEquals(hasCmd, KustoHas.has(p, "cmd.exe"), p);
    assertEquals(hasPowershell, KustoHas.has(p, "powershell"), p);
    assertEquals(kept, KustoHas.hasAny(p, PROCESSES), p);
  }

  @Test
  void termsMustBeWholeOnAlphanumericEnds() {
    assertFalse(KustoHas.has("KustoExplorerQueryRun", "Explorer"));
    assertTrue(KustoHas.has("Kusto Explorer", "explorer"));
    assertFalse(KustoHas.has("cmd-exe", "cmd.exe"), "punctuation in the RHS is literal, unlike a phrase query");
    assertTrue(KustoHas.has("/subscriptions/x/resourcegroups/test.rg000001/providers", "resourcegroups/test.rg000001"));
    assertTrue(KustoHas.has("/subscriptions/x/resourcegroups/test.rg000001?api", "/resourcegroups/test.rg000001?"));
    assertFalse(KustoHas.has("/subscriptions/x/resourcegroups/test.rg0000012/", "resourcegroups/test.rg000001"));
    assertTrue(KustoHas.has("a.cmd.exe", ".cmd.exe"));
    assertTrue(KustoHas.has("xcmd.exe", ".exe"), "a non-alphanumeric first character needs no boundary before it");
    assertFalse(KustoHas.has("cmd.exe", "cmd.exe2"));
  }

  @Test
  void caseFoldingIsAsciiOnly() {
    assertFalse(KustoHas.has("\u212Aey", "key"), "Kelvin sign is not k");
    assertFalse(KustoHas.has("ÉCHO", "écho"));
    assertTrue(KustoHas.has("CMD.Exe", "cmd.EXE"));
  }

  @Test
  void nonAsciiLettersSeparateTerms() {
    assertTrue(KustoHas.has("écmd.exe", "cmd.exe"));
    assertTrue(KustoHas.has("éaéb€", "a"));
    assertTrue(KustoHas.has("éaéb€", "b"));
    assertFalse(KustoHas.has("éaéb€", "ab"));
    assertTrue(KustoHas.has("PowerShell_ISE.exe", "ise"), "_ is not alphanumeric");
  }

  @Test
  void everyMaximalAlphanumericRunOfAValueIsHadByItAndNoPartOfOne() {
    String v = "C:\\Program Files (x86)\\Tools_v2\\a.B9.exe --x=1";
    for (String t : List.of("c", "program", "files", "x86", "tools", "v2", "a", "b9", "exe", "x", "1")) {
      assertTrue(KustoHas.has(v, t), t);
    }
    for (String t : List.of("program files", "tool", "x8", "b", "9", "ex")) {
      assertEquals(t.contains(" "), KustoHas.has(v, t), t);
    }
  }
}
