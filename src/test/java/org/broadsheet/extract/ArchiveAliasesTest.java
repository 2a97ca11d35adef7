package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.broadsheet.extract.ArchiveAliases.Alias;
import org.broadsheet.extract.ArchiveAliases.Definition;
import org.broadsheet.extract.ArchiveAliases.Stats;
import org.broadsheet.extract.ArchiveAliases.ValueStats;
import org.junit.jupiter.api.Test;

class ArchiveAliasesTest {
  private static final EntityType ORG = EntityType.ORGANIZATION;
  private static final EntityType PER = EntityType.PERSON;
  private static final YearMonth Y87 = YearMonth.of(1987, 3);
  private static final YearMonth Y88 = YearMonth.of(1988, 6);
  private static final YearMonth Y04 = YearMonth.of(2004, 1);

  private final ArchiveAliases aliases = ArchiveAliases.defaults();

  private static ValueStats v(EntityType type, String value, int articles) {
    return new ValueStats(type, value, articles, Y87, Y88);
  }

  @Test
  void anAbbreviationDefinedAnywhereIsItsExpansion() {
    Stats stats = new Stats(List.of(v(ORG, "ICO", 12), v(ORG, "International Coffee Organization", 4)),
        List.of(new Definition("ICO", "International Coffee Organization", 2)));
    assertEquals(List.of(new Alias(ORG, "ICO", "International Coffee Organization", NameRule.ABBREVIATION_IN_ARCHIVE)),
        aliases.derive(stats));
  }

  @Test
  void anAbbreviationDefinedForTwoBodiesStaysApart() {
    Stats stats = new Stats(List.of(v(ORG, "AA", 5), v(ORG, "Anadolu Agency", 3), v(ORG, "Alcoholics Anonymous", 3)),
        List.of(new Definition("AA", "Anadolu Agency", 2), new Definition("AA", "Alcoholics Anonymous", 2)));
    assertTrue(aliases.derive(stats).isEmpty());
  }

  @Test
  void aSurnameIsTheOneFrequentPersonOfItsTime() {
    Stats stats = new Stats(List.of(v(PER, "Reagan", 40), v(PER, "Ronald Reagan", 30), v(PER, "Maureen Reagan", 1),
        new ValueStats(PER, "Baker", 9, Y87, Y88), new ValueStats(PER, "James Baker", 20, Y87, Y88),
        new ValueStats(PER, "Howard Baker", 8, Y87, Y88),
        new ValueStats(PER, "Blair", 3, Y04, Y04), new ValueStats(PER, "Tony Blair", 50, Y04, Y04),
        new ValueStats(PER, "Smith", 3, Y04, Y04), new ValueStats(PER, "John Smith", 5, Y87, Y88)), List.of());
    assertEquals(List.of(new Alias(PER, "Blair", "Tony Blair", NameRule.SURNAME_IN_ARCHIVE),
        new Alias(PER, "Reagan", "Ronald Reagan", NameRule.SURNAME_IN_ARCHIVE)), aliases.derive(stats));
  }

  @Test
  void aPartyAndAPossessiveJoinTheirFullForm() {
    Stats stats = new Stats(List.of(v(ORG, "Freedom", 3), v(ORG, "Freedom Party", 5), v(ORG, "Moody", 2),
        v(ORG, "Moody's", 30)), List.of());
    assertEquals(List.of(new Alias(ORG, "Freedom", "Freedom Party", NameRule.PARTY),
        new Alias(ORG, "Moody", "Moody's", NameRule.POSSESSIVE)), aliases.derive(stats));
  }

  @Test
  void aPluralIsNotAPossessive() {
    Stats stats = new Stats(List.of(v(ORG, "Columbia Gas System", 2), v(ORG, "Columbia Gas Systems", 3)), List.of());
    assertEquals(List.of(), aliases.derive(stats), "\"Systems\" and \"System's\" share a key, not a meaning");
  }

  @Test
  void chainsEndAtTheirLastValue() {
    Stats stats = new Stats(List.of(v(ORG, "PNV", 4), v(ORG, "Basque Nationalist", 2), v(ORG, "Basque Nationalist Party", 7)),
        List.of(new Definition("PNV", "Basque Nationalist", 1)));
    assertEquals(List.of(new Alias(ORG, "Basque Nationalist", "Basque Nationalist Party", NameRule.PARTY),
        new Alias(ORG, "PNV", "Basque Nationalist Party", NameRule.ABBREVIATION_IN_ARCHIVE)), aliases.derive(stats));
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new ArchiveAliases(0, 0.75));
    assertThrows(IllegalArgumentException.class, () -> new ArchiveAliases(3, 0.5));
  }
}
