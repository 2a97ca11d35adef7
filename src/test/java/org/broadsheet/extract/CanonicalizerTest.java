package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each naming rule on a sentence written for it, with the spans a recogniser would give (no NER
 * here: the spans are found by their text), so a failure names the rule and not the model.
 */
class CanonicalizerTest {
  private final Canonicalizer canonicalizer = new Canonicalizer(SharedExtractor.gazetteer());

  /** Spans for the given texts, in order, each as the next occurrence after the previous one. */
  private static List<Span> spans(String text, Object... typeAndText) {
    List<Span> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < typeAndText.length; i += 2) {
      String t = (String) typeAndText[i + 1];
      int at = text.indexOf(t, from);
      if (at < 0) {
        throw new IllegalArgumentException(t + " not in the text after " + from);
      }
      out.add(new Span((EntityType) typeAndText[i], at, at + t.length()));
      from = at + 1;
    }
    return out;
  }

  private List<Mention> run(String text, Object... typeAndText) {
    return canonicalizer.canonicalize(text, spans(text, typeAndText));
  }

  private static Mention only(List<Mention> mentions, String text) {
    return mentions.stream().filter(m -> m.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no mention written " + text + " in " + mentions));
  }

  private static final EntityType ORG = EntityType.ORGANIZATION;
  private static final EntityType PER = EntityType.PERSON;
  private static final EntityType LOC = EntityType.PLACE;

  @Test
  void curatedAbbreviationsTakeTheFullName() {
    List<Mention> m = run("The IMF and the Fed met officials of the U.N. and the EC.",
        ORG, "IMF", ORG, "Fed", ORG, "U.N.", ORG, "EC");
    assertEquals("International Monetary Fund", only(m, "IMF").canonical());
    assertEquals("Federal Reserve", only(m, "Fed").canonical());
    assertEquals("United Nations", only(m, "U.N.").canonical());
    assertEquals("European Community", only(m, "EC").canonical());
    assertEquals("curated-abbreviation", only(m, "IMF").rule());
  }

  @Test
  void anAbbreviationInLowerCaseIsNotTheListedOne() {
    List<Mention> m = run("Officials of Who Industries said so.", ORG, "Who Industries");
    assertEquals("Who Industries", only(m, "Who Industries").canonical());
    assertNull(only(m, "Who Industries").rule());
  }

  @Test
  void anArticleDefinesAnAbbreviationInBrackets() {
    List<Mention> m = run("The Anadolu Agency (AA) reported it. AA later added details.",
        ORG, "Anadolu Agency", ORG, "AA");
    assertEquals("Anadolu Agency", only(m, "AA").canonical());
    assertEquals("abbreviation-in-article", only(m, "AA").rule());
    assertNull(only(m, "Anadolu Agency").rule());
  }

  @Test
  void anArticleDefinesAnAbbreviationBetweenCommasWhenItSpellsTheInitials() {
    String text = "The Federal Maritime Commission, FMC, said on Monday that the FMC would act.";
    List<Mention> m = run(text, ORG, "Federal Maritime Commission", ORG, "FMC", ORG, "FMC");
    assertTrue(m.stream().filter(x -> x.text().equals("FMC"))
        .allMatch(x -> x.canonical().equals("Federal Maritime Commission")
            && "abbreviation-in-article".equals(x.rule())), m.toString());
    List<Mention> other = run("The Treasury, ABC, and others said ABC was wrong.", ORG, "Treasury", ORG, "ABC", ORG, "ABC");
    assertTrue(other.stream().filter(x -> x.text().equals("ABC")).allMatch(x -> x.canonical().equals("ABC")),
        other.toString());
  }

  @Test
  void partiesAreOneValueWhateverTheForm() {
    List<Mention> m = run("Tories, the Tory Party, Conservatives and Labour argued with the Labour Party and Lib Dems.",
        ORG, "Tories", ORG, "Tory Party", ORG, "Conservatives", ORG, "Labour", ORG, "Labour Party", ORG, "Lib Dems");
    assertEquals("Conservative Party", only(m, "Tories").canonical());
    assertEquals("Conservative Party", only(m, "Tory Party").canonical());
    assertEquals("Conservative Party", only(m, "Conservatives").canonical());
    assertEquals("Labour Party", only(m, "Labour").canonical());
    assertEquals("Labour Party", only(m, "Labour Party").canonical());
    assertEquals("Liberal Democrats", only(m, "Lib Dems").canonical());
    assertEquals("party", only(m, "Tories").rule());
    assertNull(only(m, "Labour Party").rule());
  }

  @Test
  void aNameIsItsPartyWhenTheArticleNamesTheParty() {
    List<Mention> m = run("The Freedom Party won. Freedom leaders cheered.", ORG, "Freedom Party", ORG, "Freedom");
    assertEquals("Freedom Party", only(m, "Freedom").canonical());
    assertEquals("party", only(m, "Freedom").rule());
  }

  @Test
  void usStateAbbreviationsAreTheState() {
    List<Mention> m = run("SAN MATEO, Calif., and Trenton, N.J., and Reno, Nev. said so.",
        LOC, "Calif.", LOC, "N.J.", LOC, "Nev.");
    assertEquals("California", only(m, "Calif.").canonical());
    assertEquals("New Jersey", only(m, "N.J.").canonical());
    assertEquals("Nevada", only(m, "Nev.").canonical());
    assertEquals("US", only(m, "N.J.").country());
    assertEquals("state-abbreviation", only(m, "Calif.").rule());
  }

  @Test
  void legalSuffixesAndPossessiveDamageGo() {
    List<Mention> m = run("UAL Inc said Moody's Investors Service Inc and Moody'S cut Texaco Co.",
        ORG, "UAL Inc", ORG, "Moody's Investors Service Inc", ORG, "Moody'S", ORG, "Texaco Co");
    assertEquals("UAL", only(m, "UAL Inc").canonical());
    assertEquals("suffix", only(m, "UAL Inc").rule());
    assertEquals("Moody's", only(m, "Moody's Investors Service Inc").canonical());
    assertEquals("Moody's", only(m, "Moody'S").canonical());
    assertEquals("Texaco", only(m, "Texaco Co").canonical());
  }

  @Test
  void twoLegalFormsGoTogetherButNotAfterAnd() {
    List<Mention> m = run("British Petroleum Co Plc and Sears Roebuck and Co reported.",
        ORG, "British Petroleum Co Plc", ORG, "Sears Roebuck and Co");
    assertEquals("British Petroleum", only(m, "British Petroleum Co Plc").canonical());
    assertEquals("Sears Roebuck and Co", only(m, "Sears Roebuck and Co").canonical());
  }

  @Test
  void aSurnameAloneIsThePersonNamedEarlier() {
    List<Mention> m = run("President Ronald Reagan spoke. Reagan said no.", PER, "President Ronald Reagan", PER, "Reagan");
    assertEquals("Ronald Reagan", only(m, "Reagan").canonical());
    assertEquals("surname", only(m, "Reagan").rule());
    assertEquals("Ronald Reagan", only(m, "Ronald Reagan").text());
  }

  @Test
  void genericWordsAndCountryAbbreviationsAreNoOrganisations() {
    List<Mention> m = run("The Committee and the Fund met the Cabinet in the U.S. and the UK.",
        ORG, "Committee", ORG, "Fund", ORG, "Cabinet", ORG, "U.S.", ORG, "UK");
    assertTrue(m.stream().noneMatch(x -> x.type() == ORG), m.toString());
    assertEquals(EntityType.PLACE, only(m, "U.S.").type());
    assertEquals("United States", only(m, "U.S.").canonical());
    assertEquals("United Kingdom", only(m, "UK").canonical());
  }

  @Test
  void rolePartyAndNationalityWordsComeOffThePerson() {
    List<Mention> m = run("Tory Neil Hamilton, Centre Jason Little and Argentine Abel Balbo met Green Day.",
        PER, "Tory Neil Hamilton", PER, "Centre Jason Little", PER, "Argentine Abel Balbo");
    List<String> people = m.stream().map(Mention::canonical).toList();
    assertEquals(List.of("Neil Hamilton", "Jason Little", "Abel Balbo"), people);
    assertEquals("Neil Hamilton", only(m, "Neil Hamilton").text());
  }

  @Test
  void openersAndSourcesComeOffOrganisations() {
    List<Mention> m = run("During Labour rule, BBC News Labour reported.", ORG, "During Labour", ORG, "BBC News Labour");
    assertTrue(m.stream().allMatch(x -> x.text().equals("Labour") && x.canonical().equals("Labour Party")), m.toString());
  }

  @Test
  void twoNamesRunTogetherAreTwo() {
    List<Mention> m = run("Labour and Conservative members voted.", ORG, "Labour and Conservative");
    assertEquals(List.of("Labour Party", "Conservative Party"), m.stream().map(Mention::canonical).toList());
    List<Mention> kept = run("Marks and Spencer rose.", ORG, "Marks and Spencer");
    assertEquals(List.of("Marks and Spencer"), kept.stream().map(Mention::canonical).toList());
  }

  @Test
  void constituentCountriesArePlacesOfTheirOwnInGreatBritain() {
    List<Mention> m = run("Scotland beat Wales; Northern Ireland and England watched.",
        ORG, "Scotland", LOC, "Wales", LOC, "Northern Ireland", LOC, "England");
    for (String nation : List.of("Scotland", "Wales", "Northern Ireland", "England")) {
      Mention x = only(m, nation);
      assertEquals(EntityType.PLACE, x.type(), x.toString());
      assertEquals(nation, x.canonical());
      assertEquals("GB", x.country());
    }
  }

  @Test
  void aTitleAloneIsThePersonOnlyWhenItIsTheirSurname() {
    List<Mention> m = run("Larry King said so. King smiled, and the President left.", PER, "Larry King", PER, "King");
    assertEquals("Larry King", only(m, "King").canonical());
    List<Mention> none = run("King said so.", PER, "King");
    assertTrue(none.isEmpty(), none.toString());
  }

  @Test
  void aNameWrittenAsItsValueHasNoRule() {
    List<Mention> m = run("Rafah was quiet.", LOC, "Rafah");
    assertNull(only(m, "Rafah").rule());
    assertFalse(m.isEmpty());
  }

  @Test
  void aHeadlinesWordsRunTogetherAreTheNamesAmongThem() {
    String text = "Tories Attack Labour Over IMF\n\nLabour said the IMF was wrong.";
    List<Mention> m = run(text, ORG, "Tories Attack Labour Over IMF", ORG, "Labour", ORG, "IMF");
    assertEquals(List.of("Tories", "Labour", "IMF", "Labour", "IMF"), m.stream().map(Mention::text).toList());
    assertEquals("Conservative Party", m.get(0).canonical());
    String prose = "Officials of Bank Over Labour said the IMF and Labour agreed with everything said today.";
    List<Mention> kept = run(prose, ORG, "Bank Over Labour", ORG, "IMF", ORG, "Labour");
    assertEquals("Bank Over Labour", kept.get(0).text());
  }
}
