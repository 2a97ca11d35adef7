package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountriesTest {
  private final Countries countries = new Countries();

  private void assertCode(String code, String... names) {
    for (String name : names) {
      assertEquals(Optional.of(code), countries.code(name), name);
    }
  }

  @Test
  void currentFormerAndShortNamesShareTheirCode() {
    assertCode("TR", "Türkiye", "Turkey", "TURKEY", "Turkiye", "Republic of Türkiye");
    assertCode("US", "U.S.", "US", "United States", "the United States", "USA", "United States of America");
    assertCode("CZ", "Czechia", "Czech Republic");
    assertCode("MM", "Myanmar", "Burma");
    assertCode("SZ", "Eswatini", "Swaziland");
    assertCode("MK", "North Macedonia", "Macedonia");
    assertCode("CI", "Côte d'Ivoire", "Cote d’Ivoire", "Ivory Coast");
    assertCode("DE", "Germany", "West Germany");
    assertCode("SU", "Soviet Union", "USSR", "U.S.S.R.");
    assertCode("GB", "United Kingdom", "Britain", "U.K.");
    assertCode("PS", "Palestine", "Palestinian Territories");
    assertCode("EG", "Egypt");
    assertCode("ZA", "South Africa");
  }

  @Test
  void displayNamesAreStable() {
    assertEquals("Türkiye", countries.displayName("TR"));
    assertEquals("United States", countries.displayName("US"));
    assertEquals("Soviet Union", countries.displayName("SU"));
    assertEquals("Egypt", countries.displayName("EG"));
  }

  @Test
  void demonymsAndWordsAreNotCountries() {
    for (String s : new String[] {"Turkish", "Israeli", "Palestinian", "Gazans", "he"}) {
      assertTrue(countries.code(s).isEmpty(), s);
    }
    assertTrue(countries.isAmbiguous("Jordan"));
  }
}
