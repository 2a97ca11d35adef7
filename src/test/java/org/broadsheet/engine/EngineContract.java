package org.broadsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.EntityType;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.search.BadQueryException;
import org.broadsheet.search.Completion;
import org.broadsheet.search.EntityPage;
import org.broadsheet.search.OriginalFile;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every engine answers alike (issue 16): the same totals for the query language, the same
 * facet values and counts (drill sideways), the same timeline, the same 400 messages, the same
 * completions, entity pages and original files, and the same incremental indexing. One subclass per engine opens the archive; the assertions are these.
 */
abstract class EngineContract {
  static final EntityExtractor ENTITIES = new ListedEntities(List.of(
      new ListedEntities.Name(EntityType.PERSON, "Ismail Haniyeh", null),
      new ListedEntities.Name(EntityType.PERSON, "Antony Blinken", null),
      new ListedEntities.Name(EntityType.PERSON, "Recep Tayyip Erdoğan", null),
      new ListedEntities.Name(EntityType.PLACE, "Cairo", "EG"),
      new ListedEntities.Name(EntityType.PLACE, "Doha", "QA"),
      new ListedEntities.Name(EntityType.PLACE, "Paris", "FR"),
      new ListedEntities.Name(EntityType.PLACE, "Ankara", "TR"),
      new ListedEntities.Name(EntityType.PLACE, "Rafah", "PS"),
      new ListedEntities.Name(EntityType.ORGANIZATION, "CIA", null),
      // Only in the articles the alias test adds: "Likud" stands for "Likud Party" (the party rule).
      new ListedEntities.Name(EntityType.ORGANIZATION, "Likud Party", null),
      new ListedEntities.Name(EntityType.ORGANIZATION, "Likud", null),
      new ListedEntities.Name(EntityType.ORGANIZATION, "OPEC", null),
      new ListedEntities.Name(EntityType.ORGANIZATION, "Opec", null)));

  @TempDir
  Path tmp;
  Path corpus;

  /** The archive under test, indexing with {@link #ENTITIES}, its index folder {@code indexDir}. */
  abstract Broadsheet open(Path indexDir);

  @BeforeEach
  void writeCorpus() throws Exception {
    corpus = tmp.resolve("corpus");
    write("politics/2024-05-01-cairo.txt", "Ceasefire talks in Cairo",
        "Ismail Haniyeh held ceasefire talks in Cairo with Egyptian officials. The cease-fire plan dates from"
            + " 2023-10-07 and negotiations continue.");
    write("politics/2024-05-02-doha.txt", "Talks in Doha",
        "Ismail Haniyeh arrived in Doha for talks with Qatari mediators about prisoners.");
    write("world/2024-06-03-paris.txt", "Blinken in Paris",
        "Antony Blinken met CIA officials in Paris to discuss a negotiation on hostages.");
    write("world/2023-01-15-ankara.txt", "Erdoğan speaks",
        "Recep Tayyip Erdoğan spoke in Ankara about trade with Paris.");
    write("2024-05-20-rafah.txt", "Crossing at Rafah", "Aid trucks waited at the Rafah crossing for a ceasefire.");
  }

  void write(String name, String title, String body) throws Exception {
    Path f = corpus.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, title + "\n\n" + body + "\n");
  }

  Broadsheet indexed() throws Exception {
    Broadsheet b = open(tmp.resolve("index"));
    b.index(List.of(corpus));
    return b;
  }

  /** "value=count" of one dimension, in the answer's order. */
  static List<String> facet(SearchResult r, String dim) {
    return r.facets().get(dim).stream().map(v -> v.value() + "=" + v.count()).toList();
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource(delimiter = '|', value = {
      "''|5",
      "talks|2",
      "ceasefire|2",
      "cease-fire|2",
      "'\"ceasefire talks\"'|1",
      "'\"cease fire\"'|2",
      "negotiation|2",
      "Erdogan|1",
      "Erdoğan|1",
      "talks Cairo|1",
      "talks OR Paris|4",
      "talks -Doha|1",
      "title:talks|2",
      "person:haniyeh|2",
      // Ankara and Paris are two values of one article's places: a phrase does not join them.
      "'place:\"ankara paris\" OR place:\"paris ankara\"'|0",
      "'place:\"ankara\" place:\"paris\"'|1",
      "tal*|2",
      "Pariss~1|2",
      "trucks waited|1"})
  void totals(String query, long total) throws Exception {
    try (Broadsheet b = indexed()) {
      assertEquals(total, b.search(SearchRequest.of(query)).total(), query);
    }
  }

  @Test
  void facetValuesAndCounts() throws Exception {
    try (Broadsheet b = indexed()) {
      SearchResult all = b.search(SearchRequest.of(""));
      assertEquals(List.of("Ismail Haniyeh=2", "Antony Blinken=1", "Recep Tayyip Erdoğan=1"), facet(all, "people"));
      assertEquals(List.of("Paris=2", "Ankara=1", "Cairo=1", "Doha=1", "Rafah=1"), facet(all, "places"));
      assertEquals(List.of("CIA=1"), facet(all, "organizations"));
      assertEquals(List.of("FR=2", "EG=1", "PS=1", "QA=1", "TR=1"), facet(all, "countries"));
      assertEquals(List.of("politics=2", "world=2", "corpus=1"), facet(all, "collection"));
      assertEquals(List.of("2024=4", "2023=1"), facet(all, "published"));
      assertEquals(List.of("2023=1"), facet(all, "mentioned"));
      assertEquals("month", all.histogram().interval());
      assertEquals(List.of(new SearchResult.Bucket("2023-01", 1), new SearchResult.Bucket("2024-05", 3),
          new SearchResult.Bucket("2024-06", 1)), all.histogram().buckets());
    }
  }

  @Test
  void aSelectedDimensionIsCountedWithoutItsOwnFilter() throws Exception {
    try (Broadsheet b = indexed()) {
      SearchResult cairo = b.search(SearchRequest.of("").withFilters(Map.of("places", List.of("Cairo"))));
      assertEquals(1, cairo.total());
      assertEquals(List.of("Paris=2", "Ankara=1", "Cairo=1", "Doha=1", "Rafah=1"), facet(cairo, "places"));
      assertEquals(List.of("Ismail Haniyeh=1"), facet(cairo, "people"));
      SearchResult talks = b.search(SearchRequest.of("talks").withFilters(Map.of("places", List.of("cairo"))));
      assertEquals(1, talks.total());
      assertEquals(List.of("Cairo=1", "Doha=1"), facet(talks, "places"));
      SearchResult notHaniyeh = b.search(SearchRequest.of("")
          .withExclusions(Map.of("people", List.of("Ismail Haniyeh"))));
      assertEquals(3, notHaniyeh.total());
      SearchResult may = b.search(new SearchRequest("", Map.of(), "2024/05", null, null, null, 1, 10));
      assertEquals(3, may.total());
      assertEquals(List.of("20=1", "02=1", "01=1"), facet(may, "published"));
      SearchResult range = b.search(new SearchRequest("", Map.of(), null, "2024-05-02", "2024-06", null, 1, 10));
      assertEquals(3, range.total());
      assertEquals(List.of("Antony Blinken=1", "Ismail Haniyeh=1"), facet(range, "people"));
    }
  }

  @Test
  void facetValuesByPrefix() throws Exception {
    try (Broadsheet b = indexed()) {
      assertEquals(List.of(new SearchResult.FacetValue("Ismail Haniyeh", "Ismail Haniyeh", 2)),
          b.facetValues(SearchRequest.of(""), "people", "is", 10));
      assertEquals(List.of(new SearchResult.FacetValue("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", 1)),
          b.facetValues(SearchRequest.of(""), "people", "erdo", 10));
      assertEquals(5, b.facetValues(SearchRequest.of(""), "places", null, 10).size());
    }
  }

  @Test
  void exportsEveryMatchInTheSearchOrder() throws Exception {
    try (Broadsheet b = indexed()) {
      List<String> titles = new java.util.ArrayList<>();
      SearchRequest newest = SearchRequest.of("talks OR Paris").withSort(SearchRequest.Sort.NEWEST);
      assertEquals(4, b.export(newest, h -> titles.add(h.title())));
      assertEquals(List.of("Blinken in Paris", "Talks in Doha", "Ceasefire talks in Cairo", "Erdoğan speaks"), titles);
      for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
        List<String> exported = new java.util.ArrayList<>();
        b.export(SearchRequest.of("talks OR Paris").withSort(sort), h -> exported.add(h.title()));
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        do { // a page of one at a time, by cursor: the same articles in the same order
          SearchResult page = b.search(new SearchRequest("talks OR Paris", Map.of(), null, null, null, sort, 1, 1,
              Map.of(), null, false, after));
          page.hits().forEach(h -> paged.add(h.title()));
          after = page.next();
        } while (after != null);
        assertEquals(exported, paged, sort.name());
      }
      List<String> politics = new java.util.ArrayList<>();
      b.export(SearchRequest.of("").withFilters(Map.of("collection", List.of("politics"))), h -> politics.add(h.id()));
      assertEquals(2, politics.size());
    }
  }

  @Test
  void badQueriesAreTheSame400s() throws Exception {
    try (Broadsheet b = indexed()) {
      assertEquals("unknown facet 'colour'; use one of people, places, organizations, countries, mentioned, collection",
          assertThrows(BadQueryException.class,
              () -> b.facetValues(SearchRequest.of(""), "colour", null, 10)).getMessage());
      for (String bad : List.of("Rafah title:", "(".repeat(17) + "talks" + ")".repeat(17), "t*", "a~")) {
        BadQueryException e = assertThrows(BadQueryException.class, () -> b.search(SearchRequest.of(bad)), bad);
        assertEquals(expectedMessage(bad), e.getMessage());
      }
    }
  }

  /** The parser's own message, which both engines must pass on as it is. */
  private static String expectedMessage(String query) {
    try {
      new org.broadsheet.search.ArchiveQueryParser(org.broadsheet.index.ArchiveAnalyzer.forQueries()).parse(query);
      return "(parsed)";
    } catch (BadQueryException e) {
      return e.getMessage();
    }
  }

  /** The Cairo story's text, as its copies repeat it. */
  private static final String CAIRO = "Ismail Haniyeh held ceasefire talks in Cairo with Egyptian officials. The"
      + " cease-fire plan dates from 2023-10-07 and negotiations continue.";

  @Test
  void copiesOfOneStoryCollapseIntoOneHit() throws Exception {
    write("wire/2024-05-03-cairo-update.txt", "UPDATE 1-Ceasefire talks in Cairo", CAIRO);
    try (Broadsheet b = open(tmp.resolve("index"))) {
      b.index(List.of(corpus));
      SearchResult collapsed = b.search(SearchRequest.of("ceasefire"));
      assertEquals(List.of(3L, 2L), List.of(collapsed.total(), collapsed.groups()));
      assertEquals(2, collapsed.hits().size());
      SearchResult.Hit cairo = collapsed.hits().stream().filter(h -> h.title().contains("Cairo")).findFirst().orElseThrow();
      assertEquals("Ceasefire talks in Cairo", cairo.title(), "a group is shown by its earliest published copy");
      assertEquals(1, cairo.copies());
      SearchResult every = b.search(SearchRequest.of("ceasefire").withCollapse(false));
      assertEquals(List.of(3L, 2L, 3), List.of(every.total(), every.groups(), every.hits().size()));
      assertEquals(List.of(0L, 1L, 1L), every.hits().stream().map(SearchResult.Hit::copies).sorted().toList());
      SearchResult copies = b.search(SearchRequest.of("").withGroup(cairo.group()));
      assertEquals(List.of("Ceasefire talks in Cairo", "UPDATE 1-Ceasefire talks in Cairo"),
          copies.hits().stream().map(SearchResult.Hit::title).sorted().toList());

      // A later run finds the copies already in the index.
      write("wire/2024-05-04-cairo-update2.txt", "UPDATE 2-Ceasefire talks in Cairo", CAIRO + " Talks go on.");
      b.index(List.of(corpus));
      SearchResult later = b.search(SearchRequest.of("ceasefire"));
      assertEquals(List.of(4L, 2L), List.of(later.total(), later.groups()));
      assertEquals(3, b.search(SearchRequest.of("").withGroup(cairo.group())).total());
      List<String> paged = new java.util.ArrayList<>();
      String after = null;
      do { // collapsed groups a page of one at a time, by cursor
        SearchResult page = b.search(new SearchRequest("ceasefire", Map.of(), null, null, null, null, 1, 1,
            Map.of(), null, true, after));
        page.hits().forEach(h -> paged.add(h.group()));
        after = page.next();
      } while (after != null);
      assertEquals(later.hits().stream().map(SearchResult.Hit::group).toList(), paged);
    }
  }

  @Test
  void aMisspeltWordGetsARespelling() throws Exception {
    try (Broadsheet b = indexed()) {
      SearchResult misspelt = b.search(SearchRequest.of("cesefire"));
      assertEquals(0, misspelt.total());
      assertEquals(new SearchResult.Suggestion("ceasefire", 2), misspelt.suggestion());
      assertEquals(new SearchResult.Suggestion("Erdoğan", 1), b.search(SearchRequest.of("Erdogen")).suggestion());
      assertEquals(new SearchResult.Suggestion("talks Doha", 1),
          b.search(SearchRequest.of("talks Dohha")).suggestion());
      assertEquals(null, b.search(SearchRequest.of("ceasefire")).suggestion());
    }
  }

  @Test
  void theMapHasTheResultsPlacesWithCoordinates() throws Exception {
    try (Broadsheet b = indexed()) {
      List<SearchResult.MapPlace> all = b.search(SearchRequest.of("")).map();
      assertEquals(List.of("Paris=2", "Ankara=1", "Cairo=1", "Doha=1", "Rafah=1"),
          all.stream().map(p -> p.value() + "=" + p.count()).toList());
      SearchResult.MapPlace paris = all.get(0);
      assertEquals("FR", paris.country());
      assertEquals(48.85, paris.latitude(), 0.1);
      assertEquals(2.35, paris.longitude(), 0.1);
      assertEquals(List.of("Cairo=1"), b.search(SearchRequest.of("").withFilters(Map.of("places", List.of("Cairo"))))
          .map().stream().map(p -> p.value() + "=" + p.count()).toList(), "under a places filter, the matches' own");
      assertEquals(List.of("Cairo=1", "Doha=1"),
          b.search(SearchRequest.of("talks")).map().stream().map(p -> p.value() + "=" + p.count()).toList());
    }
  }

  @Test
  void anEntityIsShownInTheArchivesSpelling() throws Exception {
    write("oil/2024-03-01-output.txt", "OPEC output", "OPEC ministers met in Vienna to discuss output.");
    write("oil/2024-03-02-quota.txt", "OPEC quota", "OPEC kept its quota unchanged for the quarter.");
    write("oil/2024-03-03-barrels.txt", "Opec barrels", "Opec pumped more barrels in March.");
    try (Broadsheet b = indexed()) {
      assertEquals(List.of("OPEC=3", "CIA=1"), facet(b.search(SearchRequest.of("")), "organizations"));
      SearchResult barrels = b.search(SearchRequest.of("barrels"));
      assertEquals(List.of("OPEC=1"), facet(barrels, "organizations"), "the archive's spelling, not the result's");
      assertEquals(List.of("OPEC"), barrels.hits().get(0).organizations());
      assertEquals(List.of(new SearchResult.FacetValue("OPEC", "OPEC", 1)),
          b.facetValues(SearchRequest.of("barrels"), "organizations", "op", 10));
    }
  }

  @Test
  void incrementalIndexingAddsChangesAndDeletes() throws Exception {
    try (Broadsheet b = open(tmp.resolve("index"))) {
      IndexReport first = b.index(List.of(corpus));
      assertEquals(List.of(5, 0, 0), List.of(first.indexed(), first.unchanged(), first.deleted()));
      IndexReport again = b.index(List.of(corpus));
      assertEquals(List.of(0, 5, 0), List.of(again.indexed(), again.unchanged(), again.deleted()));
      write("politics/2024-05-02-doha.txt", "Talks in Doha resume",
          "Ismail Haniyeh returned to Doha, where the talks on prisoners resumed after a pause.");
      write("world/2024-07-01-gaza.txt", "Aid reaches Gaza", "Aid trucks reached Gaza through Rafah.");
      Files.delete(corpus.resolve("world/2024-06-03-paris.txt"));
      IndexReport changed = b.index(List.of(corpus));
      assertEquals(List.of(2, 3, 1), List.of(changed.indexed(), changed.unchanged(), changed.deleted()));
      assertEquals(5, b.search(SearchRequest.of("")).total());
      assertEquals(0, b.search(SearchRequest.of("Blinken")).total());
      assertEquals(1, b.search(SearchRequest.of("resumed")).total());
      assertEquals(0, b.search(SearchRequest.of("Qatari")).total());
      assertEquals(2, b.search(SearchRequest.of("aid trucks")).total());
      assertEquals(List.of("Paris=1", "Rafah=2", "Ankara=1", "Cairo=1", "Doha=1").stream().sorted().toList(),
          facet(b.search(SearchRequest.of("")), "places").stream().sorted().toList());
      assertEquals(List.of(corpus.toRealPath()), b.indexedRoots());
    }
  }

  /** The people's rules, the same on every engine: kept with the index, applied by every later run. */
  @Test
  void correctionsRewriteTheArticlesAndSurviveReindexing() throws Exception {
    try (Broadsheet b = indexed()) {
      EntityCorrections.Change merge = b.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.MERGE,
          "people", List.of("ismail haniyeh", "Antony Blinken"), "The Negotiators", at));
      assertEquals("r1", merge.added().orElseThrow().id());
      assertEquals(3, merge.rewritten());
      EntityCorrections.Change hide = b.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.HIDE,
          "places", List.of("Rafah"), null, at));
      assertEquals(1, hide.rewritten());
      b.refresh();
      assertCorrected(b, 3);
      assertEquals(List.of("r1", "r2"), b.corrections().rules().stream().map(EntityRule::id).toList());
      assertEquals(Map.of("r1", 3, "r2", 1), b.corrections().touched(b.corrections().rules()));

      IndexReport full = b.index(List.of(corpus), true, IndexListener.NONE);
      assertEquals(5, full.indexed());
      assertCorrected(b, 3);

      write("politics/2024-05-04-gaza.txt", "Aid for Gaza",
          "Ismail Haniyeh asked for aid trucks to cross at Rafah.");
      IndexReport more = b.index(List.of(corpus));
      assertEquals(List.of(1, 5), List.of(more.indexed(), more.unchanged()));
      assertCorrected(b, 4);

      assertEquals(4, b.corrections().drop("r1").rewritten());
      b.refresh();
      SearchResult all = b.search(SearchRequest.of(""));
      assertEquals(List.of("Ismail Haniyeh=3", "Antony Blinken=1", "Recep Tayyip Erdoğan=1"), facet(all, "people"));
      assertEquals(0, b.search(SearchRequest.of("person:negotiators")).total());
      assertEquals(2, b.corrections().drop("r2").rewritten());
      b.refresh();
      all = b.search(SearchRequest.of(""));
      assertEquals(List.of("Rafah=2", "Paris=2", "Ankara=1", "Cairo=1", "Doha=1").stream().sorted().toList(),
          facet(all, "places").stream().sorted().toList());
      assertEquals(List.of(), b.corrections().rules());
    }
  }

  /** "Ismail Haniyeh" and "Antony Blinken" merged into "The Negotiators" ({@code merged} articles), Rafah hidden. */
  private static void assertCorrected(Broadsheet b, int merged) throws Exception {
    SearchResult all = b.search(SearchRequest.of(""));
    assertEquals(List.of("The Negotiators=" + merged, "Recep Tayyip Erdoğan=1"), facet(all, "people"));
    assertEquals(List.of("Paris=2", "Ankara=1", "Cairo=1", "Doha=1"), facet(all, "places"));
    assertEquals(List.of("FR=2", "EG=1", "QA=1", "TR=1"), facet(all, "countries"));
    assertEquals(merged, b.search(SearchRequest.of("").withFilters(Map.of("people", List.of("the negotiators"))))
        .total());
    assertEquals(merged, b.search(SearchRequest.of("person:negotiators")).total());
    assertEquals(0, b.search(SearchRequest.of("").withFilters(Map.of("places", List.of("Rafah")))).total());
  }

  /** The archive-wide aliases ({@code AliasDerivation} on the embedded index) are derived on every engine. */
  @Test
  void archiveWideAliasesAreDerivedAndYieldToPeoplesRules() throws Exception {
    write("politics/2024-05-05-likud.txt", "Likud Party meets", "The Likud Party met to discuss the ceasefire.");
    write("politics/2024-05-06-likud.txt", "Likud votes", "Likud voted against the plan.");
    try (Broadsheet b = open(tmp.resolve("index"))) {
      IndexReport first = b.index(List.of(corpus));
      assertEquals(new IndexReport.AliasRun(1, 1, 2), first.aliases());
      assertEquals(List.of("Likud Party=2", "CIA=1"), facet(b.search(SearchRequest.of("")), "organizations"));
      assertEquals(null, b.index(List.of(corpus)).aliases(), "nothing changed, nothing derived");
      IndexReport full = b.index(List.of(corpus), true, IndexListener.NONE);
      assertEquals(new IndexReport.AliasRun(1, 0, 0), full.aliases(), "built with the aliases kept");
      assertEquals(List.of("Likud Party=2", "CIA=1"), facet(b.search(SearchRequest.of("")), "organizations"));
      // A rule naming a value as extracted wins over its alias: the shorter name is "Likud (short)" now.
      assertEquals(2, b.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.RENAME,
          "organizations", List.of("Likud"), "Likud (short)", at)).rewritten());
      b.refresh();
      assertEquals(List.of("Likud (short)=2", "CIA=1", "Likud Party=1"),
          facet(b.search(SearchRequest.of("")), "organizations"));
    }
  }

  @Test
  void completionsAreTheSameNamesAndWordsInTheSameOrder() throws Exception {
    try (Broadsheet b = indexed()) {
      Completion erdogan = new Completion("Recep Tayyip Erdoğan", "person", 1);
      for (String prefix : List.of("erdog", "Erdoğ", "TAYY", "recep t")) {
        assertEquals(List.of(erdogan), b.complete(prefix, 8), prefix + ": a name by any word, folded; not its words");
      }
      assertEquals(List.of(new Completion("talks", "term", 2), erdogan), b.complete("ta", 8));
      assertEquals(List.of(new Completion("ceasefire", "term", 2), new Completion("Cairo", "place", 1),
          new Completion("cease", "term", 1), new Completion("CIA", "organization", 1),
          new Completion("continue", "term", 1), new Completion("crossing", "term", 1)), b.complete("c", 8));
      assertEquals(List.of(new Completion("ceasefire", "term", 2), new Completion("Cairo", "place", 1)),
          b.complete("c", 2));
      assertEquals(List.of(new Completion("Paris", "place", 2)), b.complete("pa", 8));
      assertEquals(List.of(), b.complete("zzz", 8));
      assertEquals(List.of(), b.complete("  ", 8));
    }
  }

  /** What an entity page shows, less the hits' snippets and scores, which the engines compute their own way. */
  private static List<Object> shown(EntityPage p) {
    return List.of(p.dim(), p.label(), p.count(), p.aliases(), p.timeline(), p.related(),
        p.articles().stream().map(SearchResult.Hit::title).toList(), String.valueOf(p.country()),
        String.valueOf(p.latitude()), String.valueOf(p.longitude()));
  }

  @Test
  void entityPagesAreTheSame() throws Exception {
    try (Broadsheet b = indexed()) {
      EntityPage haniyeh = b.entity(SearchRequest.of(""), "people", "ismail HANIYEH").orElseThrow();
      assertEquals(List.of("people", "Ismail Haniyeh", 2L, List.of(new EntityPage.Alias("Ismail Haniyeh", 2)),
          new SearchResult.Histogram("day", List.of(new SearchResult.Bucket("2024-05-01", 1),
              new SearchResult.Bucket("2024-05-02", 1))),
          Map.of("people", List.of(), "places", List.of(new EntityPage.Related("Cairo", "Cairo", 1, 2.23),
              new EntityPage.Related("Doha", "Doha", 1, 2.23)), "organizations", List.of()),
          List.of("Talks in Doha", "Ceasefire talks in Cairo"), "null", "null", "null"), shown(haniyeh));
      assertEquals(List.of("people", "places", "organizations"), List.copyOf(haniyeh.related().keySet()));

      EntityPage paris = b.entity(SearchRequest.of(""), "places", "Paris").orElseThrow();
      assertEquals(List.of("places", "Paris", 2L, List.of(new EntityPage.Alias("Paris", 2)),
          new SearchResult.Histogram("month", List.of(new SearchResult.Bucket("2023-01", 1),
              new SearchResult.Bucket("2024-06", 1))),
          Map.of("people", List.of(new EntityPage.Related("Antony Blinken", "Antony Blinken", 1, 2.23),
                  new EntityPage.Related("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", 1, 2.23)),
              "places", List.of(new EntityPage.Related("Ankara", "Ankara", 1, 2.23)),
              "organizations", List.of(new EntityPage.Related("CIA", "CIA", 1, 2.23))),
          List.of("Blinken in Paris", "Erdoğan speaks"), "FR", "48.85341", "2.3488"), shown(paris));

      EntityPage cairoTalks = b.entity(SearchRequest.of("talks").withFilters(Map.of("collection", List.of("politics"))),
          "places", "cairo").orElseThrow();
      assertEquals(List.of("places", "Cairo", 1L, List.of(new EntityPage.Alias("Cairo", 1)),
          new SearchResult.Histogram("day", List.of(new SearchResult.Bucket("2024-05-01", 1))),
          Map.of("people", List.of(), "places", List.of(), "organizations", List.of()),
          List.of("Ceasefire talks in Cairo"), "EG", "30.06263", "31.24967"), shown(cairoTalks));
      assertTrue(cairoTalks.articles().getFirst().snippet().contains("<mark>talks</mark>"),
          cairoTalks.articles().getFirst().snippet());

      assertEquals(Optional.empty(), b.entity(SearchRequest.of(""), "people", "Nobody Known"));
      assertEquals("unknown entity dimension 'colour'; use one of people, places, organizations",
          assertThrows(BadQueryException.class, () -> b.entity(SearchRequest.of(""), "colour", "Paris")).getMessage());
      assertEquals(expectedMessage("Rafah title:"),
          assertThrows(BadQueryException.class, () -> b.entity(SearchRequest.of("Rafah title:"), "places", "Rafah"))
              .getMessage());
    }
  }

  @Test
  void anOriginalFileIsServedOnlyWhileItIsUnderTheRoots() throws Exception {
    try (Broadsheet b = indexed()) {
      Path doha = corpus.resolve("politics/2024-05-02-doha.txt");
      String id = b.search(SearchRequest.of("Qatari")).hits().getFirst().id();
      OriginalFile file = b.original(id).orElseThrow();
      assertEquals(doha.toRealPath(), file.file());
      assertTrue(file.isPlainText(), file.contentType());
      assertEquals(Optional.empty(), b.original("0123456789abcdef"));

      Path outside = tmp.resolve("elsewhere.txt");
      Files.move(doha, outside);
      assertThrows(NoSuchFileException.class, () -> b.original(id), "the file is gone");
      Files.createSymbolicLink(doha, outside);
      assertThrows(NoSuchFileException.class, () -> b.original(id), "a link leading out of the roots");
      Files.delete(doha);
      Files.createSymbolicLink(doha, corpus.resolve("world/../../elsewhere.txt"));
      assertThrows(NoSuchFileException.class, () -> b.original(id), "a link through '..' out of the roots");
      Files.delete(doha);
      Files.move(outside, doha);
      assertEquals(doha.toRealPath(), b.original(id).orElseThrow().file(), "served again once back");
    }
  }
}
