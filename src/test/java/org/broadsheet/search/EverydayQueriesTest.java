package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.ids;
import static org.broadsheet.search.TestArchive.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What people type, through the real index: searched as text where it is not syntax ({@link Headlines}). */
class EverydayQueriesTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    searcher = TestArchive.open(tmp, Headlines.SAMPLES.stream().map(s -> doc(s.id(), s.title(), s.body(), null)).toList());
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("org.broadsheet.search.Headlines#FOUND")
  void eachQueryFindsItsArticles(Headlines.Case c) throws Exception {
    assertEquals(new TreeSet<>(c.ids()), new TreeSet<>(ids(searcher.search(query(c.query())))), c.query());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("org.broadsheet.search.Headlines#REFUSED")
  void unusableQueriesAreRefusedInOneLine(String q) {
    BadQueryException e = assertThrows(BadQueryException.class, () -> searcher.search(query(q)));
    assertFalse(e.getMessage().isBlank() || e.getMessage().contains("\n") || e.getMessage().length() > 200,
        e.getMessage());
    assertFalse(e.getMessage().startsWith("cannot parse"), "refused for a reason, not by the grammar: " + e.getMessage());
  }
}
