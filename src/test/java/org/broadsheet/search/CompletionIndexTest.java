package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.org;
import static org.broadsheet.search.TestArchive.person;
import static org.broadsheet.search.TestArchive.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completions: entity names by any of their words and common terms, folding case and accents, by article count. */
class CompletionIndexTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    List<TestArchive.Doc> docs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      docs.add(doc("erd" + i, "Ankara talks " + i, "Recep Tayyip Erdoğan met ministers in Ankara about energy.",
          "2024-03-01", person("Recep Tayyip Erdoğan"), place("Ankara", "TR")));
    }
    docs.add(doc("ascii", "Visit", "Erdogan visited Erfurt with the European Union delegation.", "2024-03-05",
        person("Erdogan"), place("Erfurt", "DE"), org("European Union")));
    for (int i = 0; i < 3; i++) {
      docs.add(doc("gov" + i, "Budget " + i, "The government said erosion of the budget was a concern.", "2024-02-01"));
    }
    searcher = TestArchive.open(tmp, docs);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @Test
  void aNameIsFoundByAnyOfItsWordsInItsBestSpelling() throws Exception {
    List<Completion> erd = searcher.complete("erd", 8);
    assertEquals(new Completion("Recep Tayyip Erdoğan", "person", 4), erd.get(0));
    assertTrue(searcher.complete("recep", 8).contains(new Completion("Recep Tayyip Erdoğan", "person", 4)));
    assertTrue(searcher.complete("Tayy", 8).contains(new Completion("Recep Tayyip Erdoğan", "person", 4)));
  }

  @Test
  void caseAndAccentsAreFolded() throws Exception {
    for (String prefix : List.of("ERD", "Erdoğ", "erdog", "ErDo")) {
      List<String> texts = searcher.complete(prefix, 8).stream().map(Completion::text).toList();
      assertTrue(texts.contains("Recep Tayyip Erdoğan"), prefix + ": " + texts);
    }
  }

  @Test
  void placesOrganisationsAndTermsAreOfferedByArticleCount() throws Exception {
    List<Completion> er = searcher.complete("er", 20);
    assertTrue(er.contains(new Completion("Erfurt", "place", 1)), er.toString());
    assertTrue(er.contains(new Completion("erosion", "term", 3)), er.toString());
    for (int i = 1; i < er.size(); i++) {
      assertTrue(er.get(i - 1).count() >= er.get(i).count(), "most articles first: " + er);
    }
    assertTrue(searcher.complete("europ", 8).contains(new Completion("European Union", "organization", 1)));
    assertTrue(searcher.complete("gov", 8).contains(new Completion("government", "term", 3)));
  }

  @Test
  void aCommitIsCompletedOnceTheRefreshHasBuiltItsIndex(@TempDir Path dir) throws Exception {
    try (ArchiveSearcher own = TestArchive.open(dir, List.of(doc("a", "Harbour", "The harbour reopened.", "2024-01-01")))) {
      assertEquals(List.of(), own.complete("kelley", 8), "the first look-up builds, and there is no Kelley yet");
      TestArchive.write(dir, List.of(doc("k", "Kelley Oil", "Kelley Oil bought properties.", "2024-01-02")));
      own.refresh(); // the refresh's listener queues the new reader's build
      // Answers come from the old index until the new one is built; no sleep, a bounded spin on the answer.
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
        while (own.complete("kelley", 8).isEmpty()) {
          Thread.onSpinWait();
        }
      });
      assertEquals("kelley", own.complete("kel", 8).get(0).text());
    }
  }

  @Test
  void theLimitIsKeptAndAnUnknownPrefixFindsNothing() throws Exception {
    assertEquals(1, searcher.complete("er", 1).size());
    assertEquals(List.of(), searcher.complete("zzqx", 8));
  }

  @Test
  void namesEndingInTheSameWordAreAllOffered(@TempDir Path dir) throws Exception {
    try (ArchiveSearcher own = TestArchive.open(dir, List.of(
        doc("s", "Refinery", "Standard Oil opened a refinery.", "2024-01-01", org("Standard Oil")),
        doc("m", "Pipeline", "Marathon Oil laid a pipeline.", "2024-01-02", org("Marathon Oil")),
        doc("t", "Port", "Tanker traffic at the port.", "2024-01-03", org("Oil Tanker Group"))))) {
      // "Oil" is the key of both names from their second word: the suggester kept one of them, by chance.
      assertEquals(List.of(new Completion("Marathon Oil", "organization", 1),
          new Completion("Oil Tanker Group", "organization", 1), new Completion("Standard Oil", "organization", 1)),
          own.complete("oil", 8).stream().sorted(java.util.Comparator.comparing(Completion::text)).toList());
      assertEquals(new Completion("Oil Tanker Group", "organization", 1), own.complete("Oil T", 8).get(0));
    }
  }
}
