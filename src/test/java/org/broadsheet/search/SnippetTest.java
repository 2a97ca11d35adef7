package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Snippets are HTML: matches in mark, and nothing of the article's own markup ever unescaped. */
class SnippetTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    searcher = TestArchive.open(tmp, List.of(
        doc("evil", "<script>alert(1)</script> Breaking",
            "Officials said <script>alert(1)</script> and <img src=x onerror=alert(1)> were found in Rafah. "
                + "Reporters in Rafah saw \"quotes\" & 'apostrophes'.", "2024-01-01"),
        doc("plain", "Quiet day", "Nothing happened in Doha today.", "2024-01-02")));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @ParameterizedTest(name = "query [{0}]")
  @ValueSource(strings = {"Rafah", "", "Breaking", "script", "alert", "onerror", "img", "\"were found\"", "raf*",
      "title:breaking", "Rafah OR Doha"})
  void snippetsNeverContainUnescapedMarkup(String q) throws Exception {
    SearchResult r = searcher.search(SearchRequest.of(q));
    assertFalse(r.hits().isEmpty(), q);
    for (SearchResult.Hit h : r.hits()) {
      String s = h.snippet();
      String withoutMarks = s.replace("<mark>", "").replace("</mark>", "");
      assertFalse(withoutMarks.contains("<") || withoutMarks.contains(">"), s);
      assertFalse(s.contains("<script") || s.contains("<img"), s);
      if (h.id().equals("evil")) {
        assertTrue(s.contains("&lt;script&gt;") || s.contains("&lt;img") || s.contains("Rafah") || s.contains("Breaking"), s);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Rafah", "rafah", "raf*"})
  void matchesAreMarked(String q) throws Exception {
    String s = searcher.search(SearchRequest.of(q)).hits().get(0).snippet();
    assertTrue(s.contains("<mark>Rafah</mark>"), s);
    assertTrue(s.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") || s.contains("&lt;script&gt;"), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "title:breaking"})
  void matchAllAndTitleOnlyMatchesShowTheEscapedStartOfTheStory(String q) throws Exception {
    SearchResult.Hit evil = searcher.search(SearchRequest.of(q)).hits().stream()
        .filter(h -> h.id().equals("evil")).findFirst().orElseThrow();
    assertFalse(evil.snippet().isEmpty());
    assertTrue(evil.snippet().startsWith("Officials said &lt;script&gt;"), evil.snippet()); // not the headline
    assertEquals("<script>alert(1)</script> Breaking", evil.title(), "the title is returned as written");
  }
}
