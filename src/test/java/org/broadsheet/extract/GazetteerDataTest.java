package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step from GeoNames' tables to the gazetteer's, on a small table written here. */
class GazetteerDataTest {
  @TempDir
  Path dir;

  /** One row of GeoNames' geoname table (19 tab-separated columns). */
  private static String row(String name, String ascii, String alternates, String lat, String lon, String code,
                            String country, long population) {
    return String.join("\t", "1", name, ascii, alternates, lat, lon, "P", code, country, "", "01", "", "", "",
        Long.toString(population), "", "0", "Etc/UTC", "2024-01-01");
  }

  private Path cities() throws IOException {
    return Files.write(dir.resolve("cities1000.txt"), List.of(
        row("Smallville", "Smallville", "Big Name", "1.0", "2.0", "PPL", "US", 1_200),
        row("Townsend", "Townsend", "Paris", "3.0", "4.0", "PPL", "GB", 6_000),
        row("Paris", "Paris", "Lutetia,Париж,Paname", "48.85341", "2.3488", "PPLC", "FR", 2_138_551),
        row("Paris", "Paris", "", "33.66094", "-95.55551", "PPLA2", "US", 24_171),
        row("Vaduz", "Vaduz", "Vaduz City", "47.14151", "9.52154", "PPLC", "LI", 0),
        row("Ciudad Grande", "Ciudad Grande", "Grande City,Большой,Townsend", "10.0", "20.0", "PPLA", "MX", 150_000)),
        StandardCharsets.UTF_8);
  }

  private Path admin1() throws IOException {
    return Files.writeString(dir.resolve("admin1.json"),
        "[{\"code\":\"CA.08\",\"name\":\"Ontario\"},{\"code\":\"DE.02\",\"name\":\"Bavaria\"},{\"code\":\"bad\",\"name\":\"X\"}]");
  }

  private Gazetteer written() throws IOException {
    Path out = dir.resolve("out");
    assertArrayEquals(new int[] {5, 2}, GazetteerData.write(cities(), admin1(), out, 1, 1));
    try (BufferedReader places = Files.newBufferedReader(out.resolve(GazetteerData.PLACES));
         BufferedReader regions = Files.newBufferedReader(out.resolve(GazetteerData.REGIONS))) {
      return Gazetteer.read(new Countries(), places, regions);
    }
  }

  private static String country(Gazetteer g, String name) {
    return g.lookup(name).map(Place::country).orElse(null);
  }

  @Test
  void keepsTownsAndCapitalsAndDropsHamlets() throws IOException {
    Gazetteer g = written();
    assertEquals("GB", country(g, "Townsend"));
    assertEquals("LI", country(g, "Vaduz"), "a capital whatever its recorded population");
    assertEquals(Place.Kind.CAPITAL, g.lookup("Vaduz").orElseThrow().kind());
    assertTrue(g.lookup("Smallville").isEmpty(), "under " + GazetteerData.MIN_POPULATION + " people");
  }

  @Test
  void theMostPopulousPlaceOfANameWinsWithItsCoordinates() throws IOException {
    Place paris = written().lookup("Paris").orElseThrow();
    assertEquals("FR", paris.country());
    assertEquals(48.85341, paris.latitude(), 1e-9);
    assertEquals(2.3488, paris.longitude(), 1e-9);
    assertEquals(2_138_551, paris.population());
  }

  @Test
  void alternateNamesOnlyForBigPlacesInLatinScriptAndNeverOverAnOwnName() throws IOException {
    Gazetteer g = written();
    assertEquals("FR", country(g, "Lutetia"));
    assertEquals("MX", country(g, "Grande City"));
    assertTrue(g.lookup("Париж").isEmpty(), "not Latin script");
    assertTrue(g.lookup("Big Name").isEmpty(), "a hamlet's alternate name");
    assertTrue(g.lookup("Vaduz City").isPresent(), "a capital's alternate names count");
    assertEquals("GB", country(g, "Townsend"), "a big city's alternate name does not take a town's own name");
  }

  @Test
  void regionsComeWithTheirCountry() throws IOException {
    Gazetteer g = written();
    assertEquals("CA", country(g, "Ontario"));
    assertEquals(Place.Kind.REGION, g.lookup("Bavaria").orElseThrow().kind());
    assertEquals("geonames:", g.dataVersion().substring(0, 9));
  }

  @Test
  void missingOrShortInputFailsTheBuild() throws IOException {
    Path out = dir.resolve("out");
    IOException missing = assertThrows(IOException.class,
        () -> GazetteerData.write(dir.resolve("none.txt"), admin1(), out, 1, 1));
    assertTrue(missing.getMessage().contains("npm"), missing.getMessage());
    IOException shortTable = assertThrows(IOException.class,
        () -> GazetteerData.write(cities(), admin1(), out, 6, 1));
    assertTrue(shortTable.getMessage().contains("5 places"), shortTable.getMessage());
    assertFalse(Files.exists(out.resolve(GazetteerData.PLACES)), "nothing written from incomplete data");
  }
}
