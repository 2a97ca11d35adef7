package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.junit.jupiter.api.Test;

/** What each kind of rule does to an extraction, alone and in order. */
class EntityRulesTest {
  private static final String AT = "2026-01-01T00:00:00Z";

  private static Mention m(EntityType type, String text, String canonical, String country) {
    return new Mention(type, text, 0, text.length(), canonical, null, country);
  }

  private static final Extraction X = new Extraction(List.of(
      m(EntityType.ORGANIZATION, "TORIES", "TORIES", null),
      m(EntityType.PERSON, "Blair", "Tony Blair", null),
      m(EntityType.PLACE, "Manchester", "Manchester", "GB"),
      m(EntityType.PERSON, "Reuters Staff", "Reuters Staff", null),
      new Mention(EntityType.DATE, "May 1997", 0, 8, "1997-05", "1997-05", null)));

  private static EntityRule rule(String id, EntityRule.Action action, String dim, List<String> values, String to) {
    return new EntityRule(id, action, dim, values, to, AT);
  }

  @Test
  void mergeMatchesByFoldedKeyAndKeepsTheTextAsWritten() {
    Extraction out = new EntityRules(List.of(rule("r1", EntityRule.Action.MERGE, "organizations",
        List.of("Tories", "the Tories"), "Conservative Party"))).apply(X);
    Mention tories = out.mentions().get(0);
    assertEquals("Conservative Party", tories.canonical());
    assertEquals("TORIES", tories.text());
    assertEquals(X.mentions().subList(1, 5), out.mentions().subList(1, 5), "the rest untouched");
  }

  @Test
  void aRuleAppliesOnlyInItsDimension() {
    EntityRules rules = new EntityRules(List.of(rule("r1", EntityRule.Action.HIDE, "places", List.of("Tony Blair"), null)));
    assertSame(X, rules.apply(X), "nothing changed: the same extraction");
  }

  @Test
  void retypeMovesTheMentionAndDropsACountryOutsidePlaces() {
    Extraction out = new EntityRules(List.of(rule("r1", EntityRule.Action.RETYPE, "places", List.of("manchester"),
        "organizations"))).apply(X);
    Mention moved = out.mentions().get(2);
    assertEquals(EntityType.ORGANIZATION, moved.type());
    assertEquals(null, moved.country());
    assertEquals(List.of("TORIES", "Manchester"), out.canonical(EntityType.ORGANIZATION));
    assertTrue(out.countries().isEmpty());
  }

  @Test
  void hideDropsTheMentionAndLaterRulesSeeWhatEarlierOnesMade() {
    EntityRules rules = new EntityRules(List.of(
        rule("r1", EntityRule.Action.RENAME, "people", List.of("Tony Blair"), "Anthony Blair"),
        rule("r2", EntityRule.Action.MERGE, "people", List.of("Anthony Blair", "Reuters Staff"), "A. Blair"),
        rule("r3", EntityRule.Action.HIDE, "people", List.of("a blair"), null)));
    Extraction out = rules.apply(X);
    assertEquals(List.of(), out.canonical(EntityType.PERSON), "renamed, merged, then hidden");
    assertEquals(3, out.mentions().size());
    // In the other order the rename comes after the hide and does nothing.
    EntityRules reversed = new EntityRules(List.of(rules.rules().get(2), rules.rules().get(0)));
    assertEquals(List.of("Anthony Blair", "Reuters Staff"), reversed.apply(X).canonical(EntityType.PERSON));
  }

  @Test
  void rulesThatCannotApplyAreRefusedWithTheReason() {
    assertThrows(IllegalArgumentException.class, () -> rule("r1", EntityRule.Action.MERGE, "people", List.of("A"), null));
    assertThrows(IllegalArgumentException.class, () -> rule("r1", EntityRule.Action.MERGE, "dates", List.of("A"), "B"));
    assertThrows(IllegalArgumentException.class, () -> rule("r1", EntityRule.Action.HIDE, "people", List.of(" "), null));
    assertThrows(IllegalArgumentException.class, () -> rule("r1", EntityRule.Action.RENAME, "people", List.of("A", "B"), "C"));
    assertThrows(IllegalArgumentException.class, () -> rule("r1", EntityRule.Action.RETYPE, "people", List.of("A"), "dates"));
    assertThrows(IllegalArgumentException.class, () -> rule("bad id!", EntityRule.Action.HIDE, "people", List.of("A"), null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EntityRule("r1", EntityRule.Action.HIDE, "people", List.of("A"), null, "yesterday"));
    assertTrue(e.getMessage().contains("created"), e.getMessage());
  }

  @Test
  void correctionsFromTwoSourcesApplyOneAfterTheOther() {
    Corrections manual = new EntityRules(List.of(rule("r1", EntityRule.Action.MERGE, "organizations", List.of("Tories"),
        "Conservative Party")));
    Corrections derived = new EntityRules(List.of(rule("d1", EntityRule.Action.RENAME, "organizations",
        List.of("Conservative Party"), "Conservative and Unionist Party")));
    assertEquals(List.of("Conservative and Unionist Party"),
        manual.then(derived).apply(X).canonical(EntityType.ORGANIZATION));
  }
}
