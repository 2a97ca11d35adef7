package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The gazetteer the build made (npm's GeoNames data, through GazetteerData) from the class path. */
class GazetteerTest {
  private final Gazetteer gazetteer = SharedExtractor.gazetteer();

  private String country(String name) {
    return gazetteer.lookup(name).map(Place::country).orElse(null);
  }

  @Test
  void buildInstalledTheCities() {
    assertTrue(gazetteer.hasCities(), "no GeoNames places on the class path");
    assertTrue(gazetteer.dataVersion().matches("geonames:\\d{5,}\\+\\d{4,}"), gazetteer.dataVersion());
  }

  @Test
  void placesKnowTheirCountry() {
    assertEquals("PS", country("Rafah"));
    assertEquals("EG", country("Cairo"));
    assertEquals("IL", country("Tel Aviv"));
    assertEquals("US", country("NEW YORK"));
    assertEquals("PS", country("Gaza"));
    assertEquals("PS", country("Gaza Strip"));
    assertEquals("QA", country("Doha"));
    assertEquals("TR", country("Istanbul"));
    assertEquals("US", country("Washington"));
  }

  @Test
  void statesProvincesAndOldNames() {
    assertEquals("US", country("Calif."));
    assertEquals("US", country("Del."), "a US state abbreviation, not an alternate name of Delhi");
    assertEquals("CA", country("Ontario"), "the province, not the Californian town");
    assertEquals("DE", country("Bavaria"));
    assertEquals("UA", country("Kiev"));
    assertEquals("IN", country("Bombay"));
  }

  @Test
  void theMostPopulousPlaceOfANameWins() {
    assertEquals("FR", country("Paris"));
    assertEquals("BR", country("SALVADOR"));
    Place cairo = gazetteer.lookup("Cairo").orElseThrow();
    assertTrue(cairo.hasCoordinates());
    assertEquals(30.0, cairo.latitude(), 0.2);
    assertEquals(31.2, cairo.longitude(), 0.2);
  }

  @Test
  void countriesAreTheirOwnPlace() {
    Place turkey = gazetteer.lookup("Turkey").orElseThrow();
    assertEquals("TR", turkey.country());
    assertEquals("Türkiye", turkey.name());
    assertEquals(Place.Kind.COUNTRY, turkey.kind());
  }

  @Test
  void withoutTheTablesOnlyCountriesAreKnown() {
    Gazetteer none = Gazetteer.countriesOnly(new Countries());
    assertEquals("TR", none.lookup("Türkiye").orElseThrow().country());
    assertEquals("PS", none.lookup("Gaza Strip").orElseThrow().country());
    assertTrue(none.lookup("Cairo").isEmpty());
    assertEquals("countries-only", none.dataVersion());
  }

  @Test
  void aClassPathWithoutTheTablesIsAnErrorNotAQuietlyDifferentExtractor() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.load(new Countries(), empty));
      assertTrue(e.getMessage().contains("places.tsv"), e.getMessage());
    }
  }
}
