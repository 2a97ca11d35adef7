package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippets come from the story after the headline and dateline, and still mark the matches. */
class BodySnippetsTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  static final String KELLEY_TITLE = "Kelley Oil <Kly> Buying Oil Properties";
  static final String KELLEY_BODY = "HOUSTON, June 18 - Kelley Oil and Gas Corp said it agreed to buy oil "
      + "and gas properties in Texas for 12 mln dlrs. The company said the purchase adds reserves. "
      + "Kelley Oil said closing is expected in July.";

  @BeforeAll
  static void build() throws Exception {
    searcher = TestArchive.open(tmp, List.of(
        doc("kelley", KELLEY_TITLE, KELLEY_BODY, "1987-06-18"),
        doc("headline", "Harvest festival draws crowds", "Thousands came to the square on Sunday. Stalls sold "
            + "bread and cider. The mayor opened the fair.", "2024-09-01"),
        doc("nohead", "", "A story without a headline about the harvest. It goes on.", "2024-09-02"),
        doc("grain", "Grain markets", "Oil rose on Monday. Wheat fell in Chicago. Opec met in Vienna.", "2024-09-03")));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  private static String snippet(String query, String id) throws Exception {
    return searcher.search(TestArchive.query(query)).hits().stream().filter(h -> h.id().equals(id)).findFirst()
        .orElseThrow().snippet();
  }

  @Test
  void aMatchInHeadlineAndStoryIsMarkedInTheStoryOnly() throws Exception {
    String s = snippet("Kelley", "kelley");
    assertFalse(s.contains("Properties"), s);
    assertFalse(s.startsWith("Kelley Oil &lt;Kly&gt;"), s);
    assertTrue(s.contains("<mark>Kelley</mark> Oil and Gas"), s);
  }

  @Test
  void aPassageAroundTheFirstSentenceDoesNotReachBackIntoTheHeadline() throws Exception {
    String s = snippet("Texas", "kelley");
    assertFalse(s.contains("Buying"), s);
    assertTrue(s.contains("<mark>Texas</mark>"), s);
  }

  @Test
  void aMatchOnlyInTheHeadlineShowsTheStorysFirstSentences() throws Exception {
    String s = snippet("festival", "headline");
    assertTrue(s.startsWith("Thousands came to the square on Sunday."), s);
    assertFalse(s.contains("<mark>"), s);
    assertFalse(s.contains("festival"), s);
  }

  @Test
  void browsingShowsTheStorysFirstSentencesToo() throws Exception {
    SearchResult all = searcher.search(TestArchive.query(""));
    for (SearchResult.Hit h : all.hits()) {
      assertFalse(h.snippet().startsWith(h.title().isEmpty() ? "\0" : h.title()), h.snippet());
    }
  }

  @Test
  void anArticleWithoutAHeadlineIsAllStory() throws Exception {
    String s = snippet("harvest", "nohead");
    assertTrue(s.startsWith("A story without a headline about the <mark>harvest</mark>."), s);
  }

  @Test
  void aWordRequiredButOnlyInTheHeadlineStillLetsTheStoryMarkTheOthers() throws Exception {
    String s = snippet("festival AND mayor", "headline");
    assertTrue(s.contains("<mark>mayor</mark>"), s);
    assertFalse(s.contains("festival"), s);
  }

  @Test
  void aNegatedWordIsNotMarked() throws Exception {
    String s = snippet("mayor -Kelley bread", "headline");
    assertTrue(s.contains("<mark>bread</mark>"), s);
    assertTrue(s.contains("<mark>mayor</mark>"), s);
  }

  @Test
  void aFieldOtherThanTheStoryMarksNothingAndShowsTheStart() throws Exception {
    String s = snippet("title:festival", "headline");
    assertTrue(s.startsWith("Thousands came to the square on Sunday."), s);
    assertFalse(s.contains("<mark>"), s);
  }

  @Test
  void aGroupThatDidNotMatchMarksNothingWhereAnotherClauseMatched() throws Exception {
    String s = snippet("(oil AND harvest) OR wheat", "grain");
    assertTrue(s.contains("<mark>Wheat</mark>"), s);
    assertFalse(s.contains("<mark>Oil</mark>"), s);
    s = snippet("wheat OR (oil -opec)", "grain");
    assertTrue(s.contains("<mark>Wheat</mark>"), s);
    assertFalse(s.contains("<mark>Oil</mark>"), s);
    s = snippet("(oil AND opec) OR harvest", "grain");
    assertTrue(s.contains("<mark>Oil</mark>") && s.contains("<mark>Opec</mark>"), s);
  }
}
