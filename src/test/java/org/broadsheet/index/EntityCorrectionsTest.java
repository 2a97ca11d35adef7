package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.NameListExtractor;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.ArticleView;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity rules applied to an index built by the real indexer: they change every article, and stay. */
class EntityCorrectionsTest {
  @TempDir
  Path tmp;
  Path corpus;
  Broadsheet archive;
  final AtomicInteger extractions = new AtomicInteger();

  /** The names of the articles below, counting how often the indexer asks for an extraction. */
  final EntityExtractor extractor = new EntityExtractor() {
    private final NameListExtractor names = new NameListExtractor(List.of(
        NameListExtractor.person("Tony Blair", "Tony Blair"), NameListExtractor.person("Gordon Brown", "Gordon Brown"),
        NameListExtractor.person("Reuters Staff", "Reuters Staff"),
        NameListExtractor.org("Conservative Party", "Conservative Party"), NameListExtractor.org("Tories", "Tories"),
        NameListExtractor.org("TORIES", "TORIES"), NameListExtractor.org("Labour", "Labour"),
        NameListExtractor.place("London", "GB"), NameListExtractor.place("Manchester", "GB"),
        NameListExtractor.place("Paris", "FR")));

    @Override
    public Extraction extract(Article article) {
      extractions.incrementAndGet();
      return names.extract(article);
    }

    @Override
    public String version() {
      return names.version();
    }
  };

  @BeforeEach
  void index() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    write("1997-05-02-tories.txt", "Tories lose London\n\nThe Tories lost every seat in London, and Tony Blair thanked the voters.");
    write("1997-05-03-conservatives.txt", "Conservative Party regroups\n\nThe Conservative Party met in Manchester. "
        + "TORIES said Tony Blair of Labour had won fairly.");
    write("1997-06-01-labour.txt", "Labour's first month\n\nLabour leader Tony Blair spoke in London. Reuters Staff");
    write("1997-07-01-brown.txt", "Brown in Paris\n\nGordon Brown of Labour visited Paris. Reuters Staff");
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT,
        SearchSettings.defaults(), extractor);
    archive.index(List.of(corpus));
  }

  @AfterEach
  void close() throws IOException {
    archive.close();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(corpus.resolve(name), text);
  }

  private Map<String, Long> facet(String dim) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SearchResult.FacetValue v : archive.facetValues(SearchRequest.of(""), dim, null, 100)) {
      out.put(v.value(), v.count());
    }
    return out;
  }

  private EntityCorrections.Change merge(String dim, List<String> values, String into) throws IOException {
    return archive.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.MERGE, dim, values, into, at));
  }

  private void refresh() throws IOException {
    archive.refresh(); // what a server's searcher does within a second
  }

  @Test
  void mergeSumsTheCountsWithoutNerAndSurvivesEveryKindOfIndexRun() throws IOException {
    assertEquals(Map.of("Tories", 2L, "Conservative Party", 1L, "Labour", 3L), facet("organizations"),
        "\"TORIES\" and \"Tories\" are one value by key");
    int before = extractions.get();

    EntityCorrections.Change change = merge("organizations", List.of("tories"), "Conservative Party");
    assertEquals(2, change.rewritten(), "the two articles naming the Tories");
    assertEquals(before, extractions.get(), "the index was rewritten from what it stores, without NER");
    refresh();
    assertEquals(Map.of("Conservative Party", 2L, "Labour", 3L), facet("organizations"));
    ArticleView a = archive.article(archive.search("\"lose London\"").hits().get(0).id()).orElseThrow();
    assertEquals(List.of("Conservative Party"), a.organizations());
    assertTrue(a.entities().stream().anyMatch(m -> m.text().equals("Tories") && m.canonical().equals("Conservative Party")),
        "the mention keeps the text as written: " + a.entities());
    assertEquals(2, archive.search("org:conservative").total(), "both articles are found by the merged name");

    // The next incremental run indexes a changed file with the rule...
    write("1997-05-02-tories.txt", "Tories lose London\n\nThe Tories lost every seat in London. Tories again.");
    write("1997-08-01-new.txt", "Tories elect a leader\n\nThe Tories chose a new leader in Manchester.");
    archive.index(List.of(corpus));
    assertEquals(Map.of("Conservative Party", 3L, "Labour", 3L), facet("organizations"));
    // ...and so does a full rebuild.
    archive.index(List.of(corpus), true, IndexListener.NONE);
    assertEquals(Map.of("Conservative Party", 3L, "Labour", 3L), facet("organizations"));

    // Dropping the rule gives the articles back what was extracted.
    archive.corrections().drop(change.added().orElseThrow().id());
    refresh();
    assertEquals(Map.of("Tories", 3L, "Conservative Party", 1L, "Labour", 3L), facet("organizations"));
  }

  @Test
  void hiddenValuesLeaveFacetsHitsArticlesAndTheFieldSearch() throws IOException {
    assertEquals(2L, facet("people").get("Reuters Staff"));
    archive.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.HIDE, "people",
        List.of("Reuters Staff"), null, at));
    refresh();
    assertFalse(facet("people").containsKey("Reuters Staff"), facet("people").toString());
    assertEquals(0, archive.search("person:reuters").total());
    SearchResult all = archive.search(SearchRequest.of("").withSize(10));
    for (SearchResult.Hit h : all.hits()) {
      assertFalse(h.people().contains("Reuters Staff"), h.toString());
      ArticleView a = archive.article(h.id()).orElseThrow();
      assertTrue(a.entities().stream().noneMatch(m -> m.text().equals("Reuters Staff")), a.entities().toString());
    }
    assertEquals(2, archive.search("reuters").total(), "the text itself is still searched");
  }

  @Test
  void retypeMovesAValueAndLaterRulesSeeEarlierOnes() throws IOException {
    archive.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.RETYPE, "places", List.of("Manchester"),
        "organizations", at));
    archive.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.RENAME, "organizations",
        List.of("Manchester"), "Manchester United", at));
    refresh();
    assertFalse(facet("places").containsKey("Manchester"));
    assertEquals(1L, facet("organizations").get("Manchester United"));
    List<String> ids = archive.corrections().rules().stream().map(EntityRule::id).toList();
    assertEquals(List.of("r1", "r2"), ids);
    assertEquals(Map.of("r1", 1, "r2", 1), archive.corrections().touched(archive.corrections().rules()));
  }

  @Test
  void theRulesAreAReadableFileBesideTheIndexInAStableOrder() throws IOException {
    merge("organizations", List.of("Tories"), "Conservative Party");
    String text = Files.readString(archive.indexDir().resolve("entity-rules.json"));
    List<String> keys = List.of("\"rules\"", "\"id\"", "\"action\"", "\"dim\"", "\"values\"", "\"to\"", "\"created\"");
    int at = -1;
    for (String key : keys) {
      int next = text.indexOf(key);
      assertTrue(next > at, key + " in order in " + text);
      at = next;
    }
    assertTrue(text.contains("\n"), "indented, one key a line: " + text);
    assertEquals(archive.corrections().rules(), RulesFile.parse(RulesFile.format(archive.corrections().rules()), "x"),
        "what export prints, import reads back");

    Files.writeString(archive.indexDir().resolve("entity-rules.json"), "{\"rules\": [{\"id\": \"r1\", \"action\": \"melt\"}]}");
    IOException e = assertThrows(IOException.class, () -> archive.corrections().rules());
    assertTrue(e.getMessage().contains("melt") && !e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aCorrectionWaitsForNoReaderButRefusesWhileAnIndexRunWrites() throws IOException {
    String seen = archive.indexState().version(); // a searcher is open, as a server's is
    merge("organizations", List.of("Tories"), "Conservative Party");
    refresh();
    assertNotEquals(seen, archive.indexState().version(), "the reader sees the new commit");

    IndexLayout layout = new IndexLayout(archive.indexDir());
    try (Directory dir = FSDirectory.open(layout.lucene());
         IndexWriter running = new IndexWriter(dir, new IndexWriterConfig())) {
      Files.writeString(layout.writerPidFile(), "4242");
      IndexInUseException e = assertThrows(IndexInUseException.class,
          () -> merge("people", List.of("Gordon Brown"), "Tony Blair"));
      assertTrue(e.getMessage().contains("in use by process 4242"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    assertEquals(1, archive.corrections().rules().size(), "the refused rule was not kept");
  }
}
