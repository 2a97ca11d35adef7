package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;
import org.junit.jupiter.api.Test;

/** Recognition and canonical names on short texts written for these tests. */
class CoreNlpExtractorTest {
  private final CoreNlpExtractor extractor = SharedExtractor.extractor();

  private Extraction extract(String text, Instant published) {
    return extractor.extract(new Article("t", "t", "", text, published,
        published == null ? null : DateSource.METADATA, null, null, "en", "text/plain", null));
  }

  @Test
  void shortNamesTakeTheFullNameAndTitlesGo() {
    Extraction x = extract("Prime Minister Pedro Álvarez Montoya met Dr. Helen Okafor in Madrid on Tuesday. "
        + "Later, Montoya told reporters that Okafor had agreed. Mr. Montoya then flew home.", null);
    List<String> people = x.canonical(EntityType.PERSON);
    assertTrue(people.contains("Pedro Álvarez Montoya"), people.toString());
    assertTrue(people.contains("Helen Okafor"), people.toString());
    assertFalse(people.contains("Montoya"), people.toString());
    assertFalse(people.contains("Okafor"), people.toString());
    assertTrue(people.stream().noneMatch(p -> p.startsWith("Prime") || p.startsWith("Dr")), people.toString());
  }

  @Test
  void wireSignaturesAndLongTitlesAreNotPeople() {
    Extraction x = extract("LONDON, March 3 - Chancellor of the Exchequer Nigel Lawson said taxes would fall. "
        + "Lawson spoke in parliament.\n REUTER", null);
    List<String> people = x.canonical(EntityType.PERSON);
    assertTrue(people.contains("Nigel Lawson"), people.toString());
    assertFalse(people.contains("REUTER"), people.toString());
    assertTrue(people.stream().noneMatch(p -> p.contains("Exchequer")), people.toString());
  }

  @Test
  void oneValueWhateverTheSpelling() {
    Extraction x = extract("Opec Ministers To Meet In Vienna\nVIENNA, March 3 - OPEC ministers will meet next week, "
        + "OPEC said. Analysts expect OPEC to keep its output ceiling.", null);
    List<String> orgs = x.canonical(EntityType.ORGANIZATION);
    // Both spellings are one value, and OPEC is on our list of abbreviations: the full name.
    assertEquals(List.of("Organization of the Petroleum Exporting Countries"), orgs);
  }

  @Test
  void countriesAreOnePlaceWhateverTheName() {
    Extraction x = extract("Turkey and Türkiye are one country. Officials in Burma, also called Myanmar, "
        + "met envoys from the U.S. and the United States Embassy in Ankara.", null);
    List<String> places = x.canonical(EntityType.PLACE);
    assertEquals(1, places.stream().filter(p -> p.equals("Türkiye")).count());
    assertFalse(places.contains("Turkey"), places.toString());
    assertTrue(places.contains("Myanmar") && !places.contains("Burma"), places.toString());
    assertTrue(x.countries().containsAll(List.of("TR", "MM")), x.countries().toString());
    assertFalse(x.canonical(EntityType.PERSON).contains("Türkiye"));
  }

  @Test
  void acronymsJoinTheirName() {
    Extraction x = extract("The International Court of Justice (ICJ) heard the case. The ICJ ruled on Friday. "
        + "The U.N. said the U.N. Security Council would meet.", null);
    List<String> orgs = x.canonical(EntityType.ORGANIZATION);
    assertTrue(orgs.contains("International Court of Justice"), orgs.toString());
    assertFalse(orgs.contains("ICJ"), orgs.toString());
    assertTrue(orgs.contains("United Nations"), orgs.toString());
    assertFalse(orgs.contains("U.N."), orgs.toString());
  }

  @Test
  void demonymsAreNotPlaces() {
    Extraction x = extract("Israeli and Palestinian officials met Turkish diplomats in Cairo.", null);
    List<String> places = x.canonical(EntityType.PLACE);
    assertEquals(List.of("Cairo"), places);
    assertEquals(List.of("EG"), x.countries());
  }

  @Test
  void datelineInCapitalsIsAPlace() {
    Extraction x = extract("NEW YORK, March 3 - Shares of the company rose on Monday, traders said.",
        Instant.parse("1987-03-03T12:00:00Z"));
    Mention ny = x.mentions().stream().filter(m -> m.type() == EntityType.PLACE).findFirst().orElseThrow();
    assertEquals("New York", ny.canonical());
    assertEquals("US", ny.country());
    assertEquals(List.of("1987-03-03", "1987-03-02"), x.canonical(EntityType.DATE));
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "Officials in Rafah said Sami Abu Zuhri spoke to Anadolu Agency.";
    for (Mention m : extract(text, null).mentions()) {
      assertEquals(m.text(), text.substring(m.start(), m.end()));
    }
  }

  @Test
  void versionNamesModelRulesAndData() {
    // The version the build wrote (pom.xml's) is the one of the CoreNLP jar on the class path.
    String running = edu.stanford.nlp.pipeline.StanfordCoreNLP.class.getPackage().getImplementationVersion();
    assertTrue(running != null && !running.isBlank(), "CoreNLP's jar names its version in its manifest");
    assertTrue(extractor.version().startsWith("corenlp-" + running + "/"), extractor.version());
    assertTrue(extractor.version().contains("geonames"), extractor.version());
  }

  @Test
  void aHardWrappedNameIsOneNameAndATableRowStandsAlone() {
    Extraction x = extract("Texas Commerce Bancshares Inc's Texas\nCommerce Bank said it filed an application with the\n"
        + "Comptroller of the Currency to open offices in Houston.\n\nNational League\nSan Diego 3 New York 2\n"
        + "Chicago 4 Philadelphia 3\n", null);
    List<String> orgs = x.canonical(EntityType.ORGANIZATION);
    assertTrue(orgs.contains("Texas Commerce Bank"), orgs.toString());
    assertTrue(orgs.containsAll(List.of("San Diego", "New York", "Chicago", "Philadelphia")), orgs.toString());
    assertTrue(orgs.stream().noneMatch(o -> o.contains("\n") || o.contains("League San")), orgs.toString());
    assertTrue(x.canonical(EntityType.PLACE).contains("Houston"), x.canonical(EntityType.PLACE).toString());
  }

  @Test
  void eachMentionSaysWhichRuleNamedIt() {
    Extraction x = extract("The International Monetary Fund (IMF) met Tories in Edinburgh, Scotland. The IMF said "
        + "the Securities and Exchange Commission, SEC, agreed.", null);
    Mention imf = x.mentions().stream().filter(m -> m.text().equals("IMF")).reduce((a, b) -> b).orElseThrow();
    assertEquals("International Monetary Fund", imf.canonical());
    assertEquals("abbreviation-in-article", imf.rule());
    Mention scotland = x.mentions().stream().filter(m -> m.text().equals("Scotland")).findFirst().orElseThrow();
    assertEquals("Scotland", scotland.canonical());
    assertEquals("GB", scotland.country());
  }

  @Test
  void aDatelinesPlaceAndStateArePlaces() {
    Extraction x = extract("Hunterdon Sets Dental Venture\n\nYARDLEY, Penn., March 4 -\n\nHunterdon Pharmaceuticals Inc "
        + "said it formed a joint venture.\n\nDENVER, March 5 -\n\nMagellan Corp said it agreed.", null);
    List<String> places = x.canonical(EntityType.PLACE);
    assertTrue(places.containsAll(List.of("Yardley", "Pennsylvania", "Denver")), places.toString());
    assertTrue(x.canonical(EntityType.PERSON).stream().noneMatch(p -> p.equalsIgnoreCase("Denver")
        || p.equalsIgnoreCase("Yardley")), x.canonical(EntityType.PERSON).toString());
    Mention penn = x.mentions().stream().filter(m -> m.text().equals("Penn.")).findFirst().orElseThrow();
    assertEquals("US", penn.country());
    assertEquals("state-abbreviation", penn.rule());
  }
}
