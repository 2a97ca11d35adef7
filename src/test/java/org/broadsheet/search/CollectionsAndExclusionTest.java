package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collection facet (first folder under the root) and excluding any facet value ({@code not_people=...}). */
class CollectionsAndExclusionTest {
  @TempDir
  Path tmp;

  private void write(Path f, String words) throws Exception {
    Files.createDirectories(f.getParent());
    Files.writeString(f, "Headline of " + f.getFileName() + "\n\nA story about " + words + " and nothing else at all.");
  }

  @Test
  void collectionCountsAreTheFoldersFileCounts() throws Exception {
    Path corpus = tmp.resolve("corpus");
    write(corpus.resolve("politics/a.txt"), "the senate vote");
    write(corpus.resolve("politics/b.txt"), "the budget debate");
    write(corpus.resolve("politics/2024/c.txt"), "an election campaign");
    write(corpus.resolve("sport/d.txt"), "a football final");
    write(corpus.resolve("loose.txt"), "a lone file in the root");
    Path alone = tmp.resolve("extra/single.txt");
    write(alone, "a file named on its own");
    try (Broadsheet b = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false),
        ParserLimits.DEFAULT)) {
      b.index(List.of(corpus, alone));
      Map<String, Long> expected = new HashMap<>();
      try (Stream<Path> files = Files.walk(corpus)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Path rel = corpus.relativize(f);
          expected.merge(rel.getNameCount() > 1 ? rel.getName(0).toString() : "corpus", 1L, Long::sum);
        }
      }
      expected.put("extra", 1L);
      SearchResult all = b.search(SearchRequest.of(""));
      Map<String, Long> counts = all.facets().get("collection").stream()
          .collect(Collectors.toMap(SearchResult.FacetValue::value, SearchResult.FacetValue::count));
      assertEquals(expected, counts);
      assertEquals(Map.of("politics", 3L, "sport", 1L, "corpus", 1L, "extra", 1L), counts);
      SearchRequest politics = SearchRequest.of("").withFilters(Map.of("collection", List.of("politics")));
      assertEquals(3, b.search(politics).total());
      assertEquals(4, b.facetValues(SearchRequest.of(""), "collection", null, 100).size());
      SearchResult notPolitics = b.search(SearchRequest.of("").withExclusions(Map.of("collection", List.of("politics"))));
      assertEquals(3, notPolitics.total());
      notPolitics.hits().forEach(h -> assertTrue(!"politics".equals(h.collection()), h.title()));
    }
  }

  @Test
  void anyFacetValueCanBeExcluded() throws Exception {
    List<TestArchive.Doc> docs = List.of(
        TestArchive.doc("a1", "Talks in Cairo", "Ceasefire talks in Cairo.", "2024-05-01",
            TestArchive.person("Ismail Haniyeh"), TestArchive.place("Cairo", "EG"), TestArchive.date("2023-10-07")),
        TestArchive.doc("a2", "Talks in Doha", "Ceasefire talks in Doha.", "2024-05-02",
            TestArchive.person("Ismail Haniyeh"), TestArchive.place("Doha", "QA")),
        TestArchive.doc("a3", "Talks in Paris", "Ceasefire talks in Paris.", "2024-05-03",
            TestArchive.person("Antony Blinken"), TestArchive.place("Paris", "FR"), TestArchive.org("CIA")));
    try (ArchiveSearcher s = TestArchive.open(tmp.resolve("index"), docs)) {
      assertEquals(Set.of("a3"), ids(s, Map.of("people", List.of("Ismail Haniyeh"))));
      assertEquals(Set.of("a3"), ids(s, Map.of("people", List.of("ismail haniyeh"))), "folded like the filter");
      assertEquals(Set.of("a2", "a3"), ids(s, Map.of("places", List.of("Cairo"))));
      assertEquals(Set.of("a1", "a3"), ids(s, Map.of("countries", List.of("Qatar"))), "a country by name or code");
      assertEquals(Set.of("a1", "a2"), ids(s, Map.of("organizations", List.of("CIA"))));
      assertEquals(Set.of("a2", "a3"), ids(s, Map.of("mentioned", List.of("2023"))));
      assertEquals(Set.of("a3"), ids(s, Map.of("places", List.of("Cairo", "Doha"))), "several values: none of them");
      SearchRequest both = TestArchive.query("ceasefire").withFilters(Map.of("people", List.of("Ismail Haniyeh")))
          .withExclusions(Map.of("places", List.of("Doha")));
      assertEquals(List.of("a1"), TestArchive.ids(s.search(both)));
      SearchResult r = s.search(TestArchive.query("ceasefire").withExclusions(Map.of("people", List.of("Antony Blinken"))));
      assertEquals(2, r.total());
      assertTrue(r.facets().get("people").stream().noneMatch(f -> f.value().equals("Antony Blinken")),
          "an excluded value has no count left");
      assertThrows(BadQueryException.class, () -> TestArchive.query("x").withExclusions(Map.of("nonsense", List.of("y"))));
      assertThrows(BadQueryException.class, () -> TestArchive.query("x").withExclusions(Map.of("people", List.of(" "))));
    }
  }

  private static Set<String> ids(ArchiveSearcher s, Map<String, List<String>> not) throws Exception {
    return Set.copyOf(TestArchive.ids(s.search(TestArchive.query("ceasefire").withExclusions(not))));
  }
}
