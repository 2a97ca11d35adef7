package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.extract.NameListExtractor;
import org.broadsheet.extract.NameRule;
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

/**
 * Archive-wide aliases through the real indexer: derived at the end of a run that changed
 * something, applied to every article they touch in that run's commit, kept across {@code index
 * --full}, and overridden by the people's rules. The extractor is a name list that defines an
 * abbreviation in brackets as the extract stage does (rule {@code abbreviation-in-article}).
 */
class DerivedAliasesTest {
  @TempDir
  Path tmp;
  Path corpus;
  Broadsheet archive;
  final AtomicInteger extractions = new AtomicInteger();

  /** Names as listed; "X (ABBR)" in the text makes every ABBR of that article X, as the extract stage does. */
  final EntityExtractor extractor = new EntityExtractor() {
    private final Map<String, String> expansions = Map.of("NGC", "Northern Grain Council", "ERB", "Eastern Rail Board");
    private final NameListExtractor names = new NameListExtractor(List.of(
        NameListExtractor.org("Northern Grain Council", "Northern Grain Council"), NameListExtractor.org("NGC", "NGC"),
        NameListExtractor.org("Eastern Rail Board", "Eastern Rail Board"), NameListExtractor.org("ERB", "ERB"),
        NameListExtractor.person("Ronald Reagan", "Ronald Reagan"), NameListExtractor.person("Reagan", "Reagan")));

    @Override
    public Extraction extract(Article article) {
      extractions.incrementAndGet();
      List<Mention> out = new ArrayList<>();
      for (Mention m : names.extract(article).mentions()) {
        String full = expansions.get(m.text());
        boolean defined = full != null && article.text().contains(full + " (" + m.text() + ")");
        out.add(defined ? m.withCanonical(full, NameRule.ABBREVIATION_IN_ARTICLE) : m);
      }
      return new Extraction(out);
    }

    @Override
    public String version() {
      return names.version();
    }
  };

  @BeforeEach
  void open() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT,
        SearchSettings.defaults(), extractor);
  }

  @AfterEach
  void close() throws IOException {
    archive.close();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(corpus.resolve(name), text);
  }

  private IndexReport index() throws IOException {
    return archive.index(List.of(corpus));
  }

  private Map<String, Long> facet(String dim) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SearchResult.FacetValue v : archive.facetValues(SearchRequest.of(""), dim, null, 100)) {
      out.put(v.value(), v.count());
    }
    return out;
  }

  private ArticleView article(String phrase) throws IOException {
    SearchResult r = archive.search("\"" + phrase + "\"");
    assertEquals(1, r.total(), phrase);
    return archive.article(r.hits().get(0).id()).orElseThrow();
  }

  private static Mention mention(ArticleView a, String text) {
    return a.entities().stream().filter(m -> m.text().equals(text)).findFirst().orElseThrow(() ->
        new AssertionError(text + " not in " + a.entities()));
  }

  private void abbreviationArchive() throws IOException {
    write("1990-03-01-defined.txt", "Grain talks\n\nThe Northern Grain Council (NGC) said exports rose. The NGC expects more.");
    write("1990-03-05-alone.txt", "Wheat prices\n\nThe NGC said prices fell.");
  }

  @Test
  void anAbbreviationDefinedInOneArticleIsOneValueInEveryArticle() throws Exception {
    abbreviationArchive();
    IndexReport first = index();
    assertEquals(Map.of("Northern Grain Council", 2L), facet("organizations"));
    Mention ngc = mention(article("prices fell"), "NGC");
    assertEquals("Northern Grain Council", ngc.canonical());
    assertEquals("abbreviation-in-archive", ngc.rule(), "the article says which rule merged it");
    assertEquals("abbreviation-in-article", mention(article("exports rose"), "NGC").rule());
    Mention fromExtract = archive.extract(corpus.resolve("1990-03-05-alone.txt")).extraction().mentions().get(0);
    assertEquals("abbreviation-in-archive", fromExtract.rule(), "extract says what the index would: " + fromExtract);
    assertEquals(new IndexReport.AliasRun(1, 1, 1), first.aliases(), "the article without the definition rebuilt");
    String file = Files.readString(archive.indexDir().resolve("derived-aliases.json"));
    assertTrue(file.contains("\"value\" : \"NGC\"") && file.contains("\"rule\" : \"abbreviation-in-archive\""), file);

    int extracted = extractions.get();
    IndexReport again = index();
    assertNull(again.aliases(), "nothing changed: nothing gathered");
    assertEquals(extracted, extractions.get());

    archive.index(List.of(corpus), true, IndexListener.NONE);
    assertEquals(Map.of("Northern Grain Council", 2L), facet("organizations"), "index --full keeps it");
    assertEquals("abbreviation-in-archive", mention(article("prices fell"), "NGC").rule());
  }

  @Test
  void aLaterArticleDefiningAnAbbreviationRewritesTheEarlierOnesAndLeavingUndoesIt() throws IOException {
    write("1990-03-01-rail.txt", "Rail strike\n\nThe ERB said trains would stop.");
    write("1990-03-02-rail.txt", "Rail talks\n\nThe ERB met the unions.");
    index();
    assertEquals(Map.of("ERB", 2L), facet("organizations"));
    int extracted = extractions.get();

    write("1990-04-01-board.txt", "Board report\n\nThe Eastern Rail Board (ERB) published its accounts.");
    IndexReport report = index();
    assertEquals(extracted + 1, extractions.get(), "the earlier articles were rebuilt from the index, without NER");
    assertEquals(new IndexReport.AliasRun(1, 1, 2), report.aliases());
    assertEquals(Map.of("Eastern Rail Board", 3L), facet("organizations"));
    assertEquals("abbreviation-in-archive", mention(article("trains would stop"), "ERB").rule());

    Files.delete(corpus.resolve("1990-04-01-board.txt"));
    report = index();
    assertEquals(new IndexReport.AliasRun(0, 1, 2), report.aliases());
    assertEquals(Map.of("ERB", 2L), facet("organizations"), "without the definition the merge is gone");
    assertNull(mention(article("trains would stop"), "ERB").rule());
  }

  @Test
  void thePeoplesRulesWinOverTheDerivedAliasesAndKeepThem() throws IOException {
    abbreviationArchive();
    index();
    var merge = archive.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.MERGE, "organizations",
        List.of("NGC"), "National Guard Corps", at));
    archive.refresh();
    Mention ngc = mention(article("prices fell"), "NGC");
    assertEquals("National Guard Corps", ngc.canonical(), "a rule naming the abbreviation overrides its alias");
    assertEquals("correction " + merge.added().orElseThrow().id(), ngc.rule());
    assertEquals(Map.of("Northern Grain Council", 1L, "National Guard Corps", 1L), facet("organizations"));

    archive.corrections().drop(merge.added().orElseThrow().id());
    archive.refresh();
    assertEquals(Map.of("Northern Grain Council", 2L), facet("organizations"), "dropping the rule keeps the alias");
    assertEquals("abbreviation-in-archive", mention(article("prices fell"), "NGC").rule());

    archive.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.HIDE, "organizations",
        List.of("Northern Grain Council"), null, at));
    archive.refresh();
    assertEquals(Map.of(), facet("organizations"), "hiding the target hides what was merged into it");
    write("1990-03-09-more.txt", "More wheat\n\nThe NGC again.");
    index();
    assertEquals(Map.of(), facet("organizations"), "and an index run keeps both");
  }

  @Test
  void aSurnameAloneIsTheOneFrequentPersonOfThatName() throws IOException {
    write("1981-01-20-oath.txt", "Oath\n\nRonald Reagan took the oath.");
    write("1981-02-18-budget.txt", "Budget\n\nRonald Reagan sent a budget.");
    write("1981-03-30-hospital.txt", "Hospital\n\nRonald Reagan was taken to hospital.");
    write("1981-02-25-speech.txt", "Speech\n\nReagan spoke to Congress.");
    index();
    assertEquals(Map.of("Ronald Reagan", 4L), facet("people"));
    Mention reagan = mention(article("spoke to Congress"), "Reagan");
    assertEquals("Ronald Reagan", reagan.canonical());
    assertEquals("surname-in-archive", reagan.rule());
  }

  @Test
  void theAliasesFileReadsBackAndSaysClearlyWhenItIsBroken() throws IOException {
    abbreviationArchive();
    index();
    IndexLayout layout = new IndexLayout(archive.indexDir());
    DerivedAliases read = DerivedAliasesFile.read(layout.derivedAliases());
    assertEquals(1, read.aliases().size());
    assertEquals(DerivedAliasesFile.format(read), Files.readString(layout.derivedAliases()));
    Files.writeString(layout.derivedAliases(), "{\"aliases\": [{\"dim\": \"animals\"}]}");
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> DerivedAliasesFile.read(layout.derivedAliases()));
    assertTrue(e.getMessage().contains("derived-aliases.json") && !e.getMessage().contains("\n"), e.getMessage());
    assertNotNull(ArchiveCorrections.read(new IndexLayout(tmp.resolve("nowhere"))));
  }
}
