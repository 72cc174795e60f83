package org.huntindex.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IgnoreCaseTest {
  private static final List<String> VALUES = List.of("cmd.exe", "CMD.EXE", "Cmd.Exe", "cmdxexe", "cmd.exe2", "cnd.exe",
      "émd.exe", "ÉMD.EXE", "C:\\Windows\\cmd.exe", "c:\\windows\\CMD.exe", "a*b", "[x]", "",
      "Ab\uD83D\uDE00c", "ab\uD83D\uDE00C.exe");
  private static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (String v : VALUES) {
        Document d = new Document();
        d.add(new StringField("f", v, Store.YES));
        w.addDocument(d);
      }
    }
    searcher = new IndexSearcher(DirectoryReader.open(dir));
  }

  private static Set<String> hits(Query q) throws IOException {
    StoredFields stored = searcher.storedFields();
    Set<String> out = new TreeSet<>();
    for (ScoreDoc d : searcher.search(q, 100).scoreDocs) {
      out.add(stored.document(d.doc).get("f"));
    }
    return out;
  }

  @Test
  void termMatchesTheWholeValueInAnyAsciiCaseAndNothingElse() throws IOException {
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe"), hits(IgnoreCase.term("f", "cMd.ExE")));
    assertEquals(Set.of("C:\\Windows\\cmd.exe", "c:\\windows\\CMD.exe"),
        hits(IgnoreCase.term("f", "c:\\WINDOWS\\cmd.EXE")));
    assertEquals(Set.of("émd.exe"), hits(IgnoreCase.term("f", "émd.EXE")), "only A-Z fold, as in Kusto and EQL");
    assertEquals(Set.of("a*b"), hits(IgnoreCase.term("f", "A*B")), "regex characters are literal");
    assertEquals(Set.of("[x]"), hits(IgnoreCase.term("f", "[X]")));
    assertEquals(Set.of(""), hits(IgnoreCase.term("f", "")));
    assertEquals(Set.of("Ab\uD83D\uDE00c"), hits(IgnoreCase.term("f", "aB\uD83D\uDE00C")), "a surrogate pair");
    assertEquals(Set.of("Ab\uD83D\uDE00c", "ab\uD83D\uDE00C.exe"), hits(IgnoreCase.wildcard("f", "ab\uD83D\uDE00c*")));
  }

  @Test
  void regexpFoldsOnlyAsciiLetters() throws IOException {
    assertEquals(Set.of("émd.exe", "cmd.exe", "CMD.EXE", "Cmd.Exe", "cnd.exe"),
        hits(IgnoreCase.regexp("f", "[cé]?[mn]d\\.exe")));
    assertEquals(Set.of("ÉMD.EXE"), hits(IgnoreCase.regexp("f", "É.*")));
  }

  @Test
  void wildcardTakesStarAndQuestionMarkAndKeepsBackslashesLiteral() throws IOException {
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe", "cmdxexe"), hits(IgnoreCase.wildcard("f", "CMD?EXE")));
    assertEquals(Set.of("C:\\Windows\\cmd.exe", "c:\\windows\\CMD.exe"), hits(IgnoreCase.wildcard("f", "*\\cmd.exe")));
    assertEquals(Set.of("cmd.exe2"), hits(IgnoreCase.wildcard("f", "*2")));
  }

  @Test
  void fuzzyCountsEditsAfterACaseInsensitivePrefix() throws IOException {
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe", "cmdxexe", "cmd.exe2", "cnd.exe", "émd.exe", "ÉMD.EXE"),
        hits(IgnoreCase.fuzzy("f", "", "CMD.EXE", 1)));
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe", "cmdxexe", "cmd.exe2"),
        hits(IgnoreCase.fuzzy("f", "CM", "D.EXE", 1)));
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe"), hits(IgnoreCase.fuzzy("f", "", "cmd.exe", 0)));
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe"), hits(IgnoreCase.fuzzy("f", "", "mcd.exe", 1)),
        "a transposition is one edit");
    assertEquals(Set.of("cmd.exe", "CMD.EXE", "Cmd.Exe", "cmdxexe", "cnd.exe", "cmd.exe2", "émd.exe", "ÉMD.EXE"),
        hits(IgnoreCase.fuzzy("f", "", "mcd.exe", 2)));
  }

  @Test
  void caselessAcceptsBothCasesOfEveryAsciiLetterOnly() {
    Automaton a = IgnoreCase.caseless(Automata.makeString("aZ.é"));
    for (String s : List.of("aZ.é", "az.é", "AZ.é", "Az.é")) {
      assertEquals(true, Operations.run(Operations.determinize(a, 10_000), s), s);
    }
    for (String s : List.of("aZ.É", "aZxé", "aZ.")) {
      assertEquals(false, Operations.run(Operations.determinize(a, 10_000), s), s);
    }
  }
}
