package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BM25 ranking details (exact spelling, title weight), sort orders, and paging limits. */
class RankingAndPagingTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    List<TestArchive.Doc> docs = new ArrayList<>(List.of(
        // Same length; the ASCII one says the name twice. Plain synonym blending would tie them
        // (2 folded + original occurrences each); the exact spelling must still come first.
        doc("ascii", "Visit", "Erdogan and Erdogan aides met officials in the capital.", "2024-01-01"),
        doc("exact", "Visit", "Erdoğan and the aides met officials in the capital.", "2024-01-02"),
        doc("intitle", "Ankara budget", "The budget talks in Ankara continue this week.", "2024-01-03"),
        doc("inbody", "Budget talks", "The budget talks in Ankara continue this week.", "2024-01-04"),
        doc("undated", "Undated budget", "A budget note with no date.", null),
        doc("solid", "Truce", "The ceasefire was agreed today.", "2024-01-05"),
        doc("split", "Truce", "The cease fire was agreed.", "2024-01-06")));
    for (int i = 0; i < 25; i++) {
      docs.add(doc(String.format("p%02d", i), "Harvest report " + i, "The harvest was good in region " + i + ".",
          String.format("2020-01-%02d", i + 1)));
    }
    searcher = TestArchive.open(tmp, docs);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @Test
  void exactSpellingRanksFirstButBothAreFound() throws Exception {
    assertEquals(List.of("exact", "ascii"), ids(searcher.search(SearchRequest.of("Erdoğan"))));
    assertEquals(2, searcher.search(SearchRequest.of("Erdogan")).total());
  }

  @Test
  void theWordAsTypedRanksAboveItsSplitIntoTwo() throws Exception {
    assertEquals(List.of("solid", "split"), ids(searcher.search(SearchRequest.of("ceasefire"))));
  }

  @Test
  void titleMatchesWeighMore() throws Exception {
    assertEquals(List.of("intitle", "inbody"), ids(searcher.search(SearchRequest.of("Ankara"))));
  }

  @Test
  void sortNewestAndOldestWithUndatedLast() throws Exception {
    SearchRequest budget = SearchRequest.of("budget");
    assertEquals(List.of("inbody", "intitle", "undated"), ids(searcher.search(sorted(budget, SearchRequest.Sort.NEWEST))));
    assertEquals(List.of("intitle", "inbody", "undated"), ids(searcher.search(sorted(budget, SearchRequest.Sort.OLDEST))));
    assertEquals(3, ids(searcher.search(sorted(budget, SearchRequest.Sort.RELEVANCE))).size());
  }

  @Test
  void browsingWithoutAQueryListsNewestFirstAndSaysSo() throws Exception {
    SearchResult all = searcher.search(SearchRequest.of("").withSize(SearchRequest.MAX_SIZE));
    assertEquals("newest", all.sort());
    List<String> ids = ids(all);
    assertEquals(List.of("split", "solid", "inbody", "intitle"), ids.subList(0, 4));
    assertEquals("undated", ids.get(ids.size() - 1));
    SearchResult byRelevance = searcher.search(sorted(SearchRequest.of(""), SearchRequest.Sort.RELEVANCE));
    assertEquals("relevance", byRelevance.sort());
    SearchResult query = searcher.search(SearchRequest.of("budget"));
    assertEquals("relevance", query.sort(), "a query ranks by relevance unless asked otherwise");
    assertEquals("oldest", searcher.search(sorted(SearchRequest.of(""), SearchRequest.Sort.OLDEST)).sort());
  }

  @Test
  void pagesAreConsecutiveSlicesOfOneRanking() throws Exception {
    SearchRequest harvest = sorted(SearchRequest.of("harvest"), SearchRequest.Sort.OLDEST);
    List<String> all = ids(searcher.search(harvest.withSize(25)));
    assertEquals(25, all.size());
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      SearchResult r = searcher.search(page(harvest, page, 10));
      assertEquals(25, r.total());
      paged.addAll(ids(r));
    }
    assertEquals(all, paged);
    assertEquals(List.of(), ids(searcher.search(page(harvest, 4, 10))), "past the last page: empty, not an error");
    assertEquals("p00", all.get(0));
  }

  @Test
  void pagingIsBounded() {
    SearchRequest q = SearchRequest.of("harvest");
    assertThrows(BadQueryException.class, () -> searcher.search(page(q, 0, 10)));
    assertThrows(BadQueryException.class, () -> searcher.search(page(q, 1, 0)));
    assertThrows(BadQueryException.class, () -> searcher.search(page(q, 1, SearchRequest.MAX_SIZE + 1)));
    BadQueryException deep = assertThrows(BadQueryException.class,
        () -> searcher.search(page(q, SearchRequest.MAX_DEPTH / SearchRequest.MAX_SIZE + 1, SearchRequest.MAX_SIZE)));
    assertTrue(deep.getMessage().contains("10000"), deep.getMessage());
  }

  @Test
  void deepestAllowedPageRuns() throws Exception {
    SearchRequest q = page(SearchRequest.of("harvest"), SearchRequest.MAX_DEPTH / SearchRequest.MAX_SIZE,
        SearchRequest.MAX_SIZE);
    assertEquals(25, searcher.search(q).total());
  }

  static SearchRequest sorted(SearchRequest r, SearchRequest.Sort sort) {
    return new SearchRequest(r.query(), r.filters(), r.published(), r.from(), r.to(), sort, r.page(), r.size());
  }

  static SearchRequest page(SearchRequest r, int page, int size) {
    return new SearchRequest(r.query(), Map.of(), r.published(), r.from(), r.to(), r.sort(), page, size);
  }
}
