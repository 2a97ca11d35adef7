package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.org;
import static org.broadsheet.search.TestArchive.person;
import static org.broadsheet.search.TestArchive.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.extract.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One article with its text, entities and related articles. */
class RelatedArticlesTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    List<TestArchive.Doc> docs = new ArrayList<>(List.of(
        doc("r1", "Gaza ceasefire talks open in Cairo",
            "Egyptian mediators opened ceasefire talks in Cairo. Hamas negotiators discussed hostages, "
                + "prisoners and a truce for Gaza with Qatari mediators.", "2024-01-10",
            person("Benjamin Netanyahu"), place("Gaza", "PS"), place("Cairo", "EG"), org("Hamas")),
        doc("r2", "Mediators push Gaza truce",
            "Mediators in Cairo pushed a Gaza truce: hostages, prisoners and ceasefire terms were discussed.",
            "2024-01-12", place("Gaza", "PS"), place("Cairo", "EG"), org("Hamas")),
        doc("r3", "Netanyahu addresses parliament",
            "The prime minister spoke about the budget and coalition politics.", "2024-01-13",
            person("Benjamin Netanyahu")),
        doc("r4", "Galatasaray wins derby",
            "Galatasaray scored twice against Fenerbahce; supporters celebrated.", "2024-01-14"),
        doc("r5", "Hostage deal nears",
            "Qatari mediators said a hostage deal and ceasefire were near.", "2024-01-15", org("HAMAS"))));
    // Filler so that tf-idf has a background to tell distinctive words from common ones.
    for (int i = 0; i < 20; i++) {
      docs.add(doc("n" + i, "Market report " + i, "Shares rose and the currency fell in trading on day " + i + ".",
          "2023-06-01"));
    }
    searcher = TestArchive.open(tmp, docs);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @Test
  void articleHasTextAndEntitiesWithOffsets() throws Exception {
    ArticleView v = searcher.article("r1").orElseThrow();
    assertEquals("Gaza ceasefire talks open in Cairo", v.title());
    assertTrue(v.text().contains("Egyptian mediators"));
    assertEquals(List.of("Benjamin Netanyahu"), v.people());
    assertEquals(List.of("Gaza", "Cairo"), v.places());
    assertEquals(4, v.entities().size());
    assertEquals(EntityType.PERSON, v.entities().get(0).type());
    assertTrue(searcher.article("nope").isEmpty());
  }

  @Test
  void entitiesHaveOneJsonFormInTheCacheTheIndexAndTheApi() throws Exception {
    List<org.broadsheet.extract.Mention> entities = searcher.article("r1").orElseThrow().entities();
    String api = org.broadsheet.Json.mapper().writeValueAsString(java.util.Map.of("mentions", entities));
    assertEquals(org.broadsheet.extract.ExtractionJson.write(new org.broadsheet.extract.Extraction(entities)), api);
    assertTrue(api.contains("\"type\":\"person\""), api);
    assertTrue(!api.contains("PERSON") && !api.contains("null"), api);
  }

  @Test
  void relatedAreTheSameStoryFirstNeverItselfAtMostFive() throws Exception {
    List<String> related = searcher.article("r1").orElseThrow().related().stream()
        .map(ArticleView.Related::id).toList();
    assertEquals("r2", related.get(0), related.toString());
    assertTrue(related.contains("r5"), "shares the story and Hamas, spelled differently: " + related);
    assertTrue(related.contains("r3"), "shares Netanyahu: " + related);
    assertFalse(related.contains("r1"));
    assertFalse(related.contains("r4"), "nothing in common: " + related);
    assertTrue(related.size() <= RelatedArticles.RELATED);
  }

  @Test
  void anArticleWithNothingDistinctiveInCommonHasNoRelated() throws Exception {
    assertEquals(List.of(), searcher.article("r4").orElseThrow().related());
  }
}
