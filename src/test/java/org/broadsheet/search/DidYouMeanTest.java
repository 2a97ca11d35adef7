package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Did you mean": respelt from the index's own words, syntax kept, its total real, never in place of the query. */
class DidYouMeanTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    List<TestArchive.Doc> docs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      docs.add(doc("gov" + i, "Budget vote " + i, "The government said the budget would pass in week " + i + ".",
          String.format("2024-02-%02d", i + 1)));
    }
    for (int i = 0; i < 4; i++) {
      docs.add(doc("erd" + i, "Ankara talks " + i, "Recep Tayyip Erdoğan met ministers in Ankara on day " + i + ".",
          String.format("2024-03-%02d", i + 1), person("Recep Tayyip Erdoğan")));
    }
    docs.add(doc("typo", "A note", "The goverment office was closed.", "2024-04-01"));
    searcher = TestArchive.open(tmp, docs);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  private static SearchResult search(String q) throws Exception {
    return searcher.search(SearchRequest.of(q));
  }

  @Test
  void aMisspeltNameIsSpelledAsTheEntityIs() throws Exception {
    SearchResult r = search("Erdogen");
    assertEquals(0, r.total(), "the query itself is run as typed");
    assertEquals(new SearchResult.Suggestion("Erdoğan", 4), r.suggestion());
  }

  @Test
  void aWordTheArchiveHoldsRarelyIsRespeltForTheCommonOne() throws Exception {
    SearchResult r = search("goverment");
    assertEquals(1, r.total());
    assertEquals(new SearchResult.Suggestion("government", 8), r.suggestion());
  }

  @Test
  void eachWordIsRespeltAndTheSyntaxIsKept() throws Exception {
    assertEquals(new SearchResult.Suggestion("Government budget", 8), search("Goverment budgett").suggestion());
    SearchResult.Suggestion s = search("title:budgett AND \"the goverment said\" -Ankara").suggestion();
    assertNotNull(s);
    assertEquals("title:budget AND \"the government said\" -Ankara", s.query());
    assertEquals(8, s.total());
    assertEquals(new SearchResult.Suggestion("government?", 8), search("goverment?").suggestion());
    assertEquals(new SearchResult.Suggestion("(government OR Erdoğan)^2", 12),
        search("(goverment OR Erdogen)^2").suggestion());
    // Negated words, wildcards and fuzzy words are the user's own.
    assertNull(search("-goverment budgett*").suggestion());
  }

  @Test
  void theTotalIsUnderTheSameFilters() throws Exception {
    SearchRequest filtered = new SearchRequest("Erdogen", Map.of(), null, "2024-03-03", null, null, 1, 10);
    assertEquals(new SearchResult.Suggestion("Erdoğan", 2), searcher.search(filtered).suggestion());
  }

  @Test
  void aLongQueryIsRespeltOnlyInItsFirstWords() throws Exception {
    String many = "goverment ".repeat(40).strip();
    var analyzer = org.broadsheet.index.ArchiveAnalyzer.forQueries();
    try (var dir = org.apache.lucene.store.FSDirectory.open(new org.broadsheet.index.IndexLayout(tmp).lucene());
         var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
      String respelt = new DidYouMean(new ArchiveQueryParser(analyzer), analyzer)
          .respell(many, reader, new EntityWords(new Spellings(null)));
      assertEquals(DidYouMean.MAX_WORDS, respelt.split("government", -1).length - 1, respelt);
    }
  }

  @Test
  void noSuggestionWhenTheQueryFindsEnoughOrNothingBetterExists() throws Exception {
    assertNull(search("government").suggestion());
    assertNull(search("").suggestion());
    assertNull(search("xylophone").suggestion());
    assertNull(search("budget Erdoğan").suggestion(), "spelt right, finds nothing together: nothing to respell");
  }
}
