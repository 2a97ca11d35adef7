package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.date;
import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.ids;
import static org.broadsheet.search.TestArchive.org;
import static org.broadsheet.search.TestArchive.person;
import static org.broadsheet.search.TestArchive.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.index.Fields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts, selection with drill sideways, the published hierarchy, spelling variants
 * merged into one value, and facet value search, on a corpus whose counts are known:
 *
 * <pre>
 * f1 2024-01-15  Erdoğan            | Ankara TR         | AK Party  | mentions 2023
 * f2 2024-02-10  Erdogan, Netanyahu | Gaza PS           | Hamas     | mentions 2024
 * f3 2024-02-20  Netanyahu          | Gaza PS, Cairo EG | Hamas     |
 * f4 2023-12-01  Sisi               | Cairo EG          |           |
 * f5 2024-02-25  ERDOGAN            | Doha QA           | Hamas     |
 * </pre>
 */
class FacetTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    searcher = TestArchive.open(tmp, List.of(
        doc("f1", "Visit to Ankara", "News from Ankara.", "2024-01-15",
            person("Erdoğan"), place("Ankara", "TR"), org("AK Party"), date("2023-10")),
        doc("f2", "Talks on Gaza", "News about Gaza talks.", "2024-02-10",
            person("Erdogan"), person("Netanyahu"), place("Gaza", "PS"), org("Hamas"), date("2024-01-02")),
        doc("f3", "Gaza and Cairo", "News from Cairo about Gaza.", "2024-02-20",
            person("Netanyahu"), place("Gaza", "PS"), place("Cairo", "EG"), org("Hamas")),
        doc("f4", "Cairo summit", "News from the Cairo summit.", "2023-12-01",
            person("Sisi"), place("Cairo", "EG")),
        doc("f5", "Doha meeting", "News from Doha.", "2024-02-25",
            person("ERDOGAN"), place("Doha", "QA"), org("Hamas"))));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  private static SearchResult search(String query, Map<String, List<String>> filters, String published)
      throws Exception {
    return searcher.search(new SearchRequest(query, filters, published, null, null, SearchRequest.Sort.OLDEST, 1, 100));
  }

  private static Map<String, Long> counts(SearchResult r, String dim) {
    Map<String, Long> m = new LinkedHashMap<>();
    r.facets().get(dim).forEach(v -> m.put(v.value(), v.count()));
    return m;
  }

  private static Set<String> hitIds(SearchResult r) {
    return new TreeSet<>(ids(r));
  }

  @Test
  void countsOverAllArticlesWithSpellingsMerged() throws Exception {
    SearchResult r = search("", Map.of(), null);
    assertEquals(5, r.total());
    assertEquals(Map.of("Erdoğan", 3L, "Netanyahu", 2L, "Sisi", 1L), counts(r, Fields.FACET_PEOPLE));
    assertEquals(List.of("Erdoğan", "Netanyahu", "Sisi"), List.copyOf(counts(r, Fields.FACET_PEOPLE).keySet()),
        "most frequent first");
    assertEquals(Map.of("Gaza", 2L, "Cairo", 2L, "Ankara", 1L, "Doha", 1L), counts(r, Fields.FACET_PLACES));
    assertEquals(Map.of("Hamas", 3L, "AK Party", 1L), counts(r, Fields.FACET_ORGS));
    assertEquals(Map.of("PS", 2L, "EG", 2L, "TR", 1L, "QA", 1L), counts(r, Fields.FACET_COUNTRIES));
    assertEquals(Map.of("2024", 4L, "2023", 1L), counts(r, Fields.FACET_PUBLISHED));
    assertEquals(Map.of("2024", 1L, "2023", 1L), counts(r, Fields.FACET_MENTIONED));
    assertEquals("Egypt", r.facets().get(Fields.FACET_COUNTRIES).stream()
        .filter(v -> v.value().equals("EG")).findFirst().orElseThrow().label());
  }

  @Test
  void selectingOneSpellingMatchesAll() throws Exception {
    for (String spelling : List.of("Erdoğan", "Erdogan", "erdogan", "ERDOĞAN")) {
      SearchResult r = search("", Map.of(Fields.FACET_PEOPLE, List.of(spelling)), null);
      assertEquals(Set.of("f1", "f2", "f5"), hitIds(r), spelling);
    }
  }

  @Test
  void selectionFiltersHitsAndItsOwnDimensionCountsSideways() throws Exception {
    SearchResult r = search("", Map.of(Fields.FACET_PEOPLE, List.of("Erdoğan")), null);
    assertEquals(3, r.total());
    // people: as without the people selection
    assertEquals(Map.of("Erdoğan", 3L, "Netanyahu", 2L, "Sisi", 1L), counts(r, Fields.FACET_PEOPLE));
    // other dimensions: only the selected articles
    assertEquals(Map.of("Ankara", 1L, "Gaza", 1L, "Doha", 1L), counts(r, Fields.FACET_PLACES));
    assertEquals(Map.of("Hamas", 2L, "AK Party", 1L), counts(r, Fields.FACET_ORGS));
    assertEquals(Map.of("2024", 3L), counts(r, Fields.FACET_PUBLISHED));
  }

  @Test
  void twoDimensionsAndTogetherEachCountingSideways() throws Exception {
    SearchResult r = search("", Map.of(Fields.FACET_PEOPLE, List.of("Erdoğan"), Fields.FACET_PLACES, List.of("Gaza")),
        null);
    assertEquals(Set.of("f2"), hitIds(r));
    // people among articles in Gaza (f2, f3); places among articles naming Erdoğan (f1, f2, f5)
    assertEquals(Map.of("Netanyahu", 2L, "Erdoğan", 1L), counts(r, Fields.FACET_PEOPLE));
    assertEquals(Map.of("Ankara", 1L, "Gaza", 1L, "Doha", 1L), counts(r, Fields.FACET_PLACES));
    assertEquals(Map.of("Hamas", 1L), counts(r, Fields.FACET_ORGS));
  }

  @Test
  void valuesInOneDimensionOr() throws Exception {
    SearchResult r = search("", Map.of(Fields.FACET_PEOPLE, List.of("Erdogan", "Sisi")), null);
    assertEquals(Set.of("f1", "f2", "f4", "f5"), hitIds(r));
    SearchResult c = search("", Map.of(Fields.FACET_COUNTRIES, List.of("EG", "QA")), null);
    assertEquals(Set.of("f3", "f4", "f5"), hitIds(c));
  }

  @Test
  void selectionCombinesWithTheQuery() throws Exception {
    SearchResult r = search("Gaza", Map.of(Fields.FACET_ORGS, List.of("hamas")), null);
    assertEquals(Set.of("f2", "f3"), hitIds(r));
    assertEquals(Map.of("Hamas", 2L), counts(r, Fields.FACET_ORGS), "sideways, but still within the query's hits");
  }

  @Test
  void publishedHierarchyDrillsIntoMonthsThenDays() throws Exception {
    SearchResult year = search("", Map.of(), "2024");
    assertEquals(4, year.total());
    assertEquals(Map.of("02", 3L, "01", 1L), counts(year, Fields.FACET_PUBLISHED));
    assertEquals(List.of("02", "01"), List.copyOf(counts(year, Fields.FACET_PUBLISHED).keySet()), "newest first");
    SearchResult month = search("", Map.of(), "2024/02");
    assertEquals(Set.of("f2", "f3", "f5"), hitIds(month));
    assertEquals(Map.of("25", 1L, "20", 1L, "10", 1L), counts(month, Fields.FACET_PUBLISHED));
    assertEquals(Set.of("f3"), hitIds(search("", Map.of(), "2024-02-20")));
    assertThrows(BadQueryException.class, () -> search("", Map.of(), "last week"));
  }

  @Test
  void mentionedYearsFilter() throws Exception {
    assertEquals(Set.of("f1"), hitIds(search("", Map.of(Fields.FACET_MENTIONED, List.of("2023")), null)));
  }

  @Test
  void unknownDimensionIsRefused() {
    assertThrows(BadQueryException.class, () -> search("", Map.of("colour", List.of("red")), null));
    assertThrows(BadQueryException.class,
        () -> searcher.facetValues(SearchRequest.of(""), "colour", null, 10));
  }

  @Test
  void facetValueSearchByPrefixMergesSpellings() throws Exception {
    SearchRequest all = SearchRequest.of("");
    assertEquals(List.of(new SearchResult.FacetValue("Erdoğan", "Erdoğan", 3)),
        searcher.facetValues(all, Fields.FACET_PEOPLE, "erd", 10));
    assertEquals(List.of("Erdoğan"), values(searcher.facetValues(all, Fields.FACET_PEOPLE, "ERDOĞ", 10)));
    assertEquals(List.of("Netanyahu"), values(searcher.facetValues(all, Fields.FACET_PEOPLE, "net", 10)));
    assertEquals(List.of(), searcher.facetValues(all, Fields.FACET_PEOPLE, "zz", 10));
    assertEquals(List.of("Erdoğan", "Netanyahu", "Sisi"),
        values(searcher.facetValues(all, Fields.FACET_PEOPLE, null, 10)));
    assertEquals(List.of("Erdoğan"), values(searcher.facetValues(all, Fields.FACET_PEOPLE, null, 1)), "limit");
    // a word inside the value, and restricted to the hits of the request
    assertEquals(List.of("AK Party"), values(searcher.facetValues(all, Fields.FACET_ORGS, "part", 10)));
    assertEquals(List.of("Netanyahu"),
        values(searcher.facetValues(SearchRequest.of("Cairo"), Fields.FACET_PEOPLE, "n", 10)));
  }

  @Test
  void publishedMonthWithoutLeadingZeroFindsTheSameAsWithOne() throws Exception {
    assertEquals(Set.of("f2", "f3", "f5"), hitIds(search("", Map.of(), "2024/2")));
    assertEquals(Set.of("f3"), hitIds(search("", Map.of(), "2024-2-20")));
  }

  @Test
  void countriesSelectedByName() throws Exception {
    assertEquals(Set.of("f3", "f4"), hitIds(search("", Map.of(Fields.FACET_COUNTRIES, List.of("Egypt")), null)));
    assertEquals(Set.of("f1"), hitIds(search("", Map.of(Fields.FACET_COUNTRIES, List.of("Türkiye")), null)));
    assertEquals(hitIds(search("", Map.of(Fields.FACET_COUNTRIES, List.of("EG")), null)),
        hitIds(search("", Map.of(Fields.FACET_COUNTRIES, List.of("Egypt")), null)));
  }

  @Test
  void aPageBeyondTheLastIsEmptyWithTheRealTotal() throws Exception {
    SearchResult r = searcher.search(new SearchRequest("News", Map.of(), null, null, null, null, 7, 10));
    assertEquals(List.of(), r.hits());
    assertEquals(5, r.total());
  }

  private static List<String> values(List<SearchResult.FacetValue> vs) {
    return vs.stream().map(SearchResult.FacetValue::value).toList();
  }

  /** One rule for the spelling shown: the facet's spelling in every hit and on the article page too. */
  @Test
  void hitsAndArticlesShowTheArchivesSpelling() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("").withSize(20));
    for (SearchResult.Hit h : r.hits()) {
      assertFalse(h.people().contains("Erdogan"), h.people().toString());
    }
    SearchResult.Hit f2 = r.hits().stream().filter(h -> h.id().equals("f2")).findFirst().orElseThrow();
    assertTrue(f2.people().contains("Erdoğan"), "f2 spells it Erdogan in its text: " + f2.people());
    var page = searcher.article("f2").orElseThrow();
    assertTrue(page.people().contains("Erdoğan") && !page.people().contains("Erdogan"), page.people().toString());
  }
}
