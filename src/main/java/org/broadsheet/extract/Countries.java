package org.broadsheet.extract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Countries by ISO 3166 alpha-2 code, under their current, former and alternate English
 * names. The JDK's locale data gives one English name per code; the table below adds the
 * names it does not know (former names, abbreviations, short forms), so that "Türkiye" and
 * "Turkey", or "U.S." and "United States", are one place. Immutable once built.
 */
public final class Countries {

  /**
   * Names the JDK does not give, by code. Written by us from common English news usage.
   * Codes SU, DD, YU and CS are ISO 3166-3 codes of former countries: an archive of old news
   * (the Reuters corpus is from 1987) needs them as places of their own.
   */
  private static final Map<String, List<String>> ALTERNATE_NAMES = Map.ofEntries(
      Map.entry("TR", List.of("Turkey", "Türkiye", "Republic of Türkiye", "Republic of Turkey")),
      Map.entry("US", List.of("U.S.", "US", "USA", "U.S.A.", "United States of America", "America",
          "the United States")),
      // England, Scotland, Wales and Northern Ireland are places of their own in the GB (Gazetteer).
      Map.entry("GB", List.of("UK", "U.K.", "Britain", "Great Britain",
          "United Kingdom of Great Britain and Northern Ireland")),
      Map.entry("CZ", List.of("Czech Republic")),
      Map.entry("MM", List.of("Burma", "Myanmar")),
      Map.entry("SZ", List.of("Swaziland")),
      Map.entry("MK", List.of("Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia")),
      Map.entry("CI", List.of("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire")),
      Map.entry("CV", List.of("Cabo Verde")),
      Map.entry("TL", List.of("East Timor")),
      Map.entry("LK", List.of("Ceylon")),
      Map.entry("TH", List.of("Siam")),
      Map.entry("ZW", List.of("Rhodesia")),
      Map.entry("BF", List.of("Upper Volta")),
      Map.entry("BJ", List.of("Dahomey")),
      Map.entry("KH", List.of("Kampuchea")),
      Map.entry("CD", List.of("DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
          "Zaire", "Congo-Kinshasa")),
      Map.entry("CG", List.of("Republic of the Congo", "Congo", "Congo-Brazzaville")),
      Map.entry("RU", List.of("Russian Federation")),
      Map.entry("KR", List.of("Republic of Korea", "S. Korea")),
      Map.entry("KP", List.of("DPRK", "Democratic People's Republic of Korea", "N. Korea")),
      Map.entry("IR", List.of("Persia", "Islamic Republic of Iran")),
      Map.entry("SY", List.of("Syrian Arab Republic")),
      Map.entry("VN", List.of("Viet Nam")),
      Map.entry("LA", List.of("Lao PDR")),
      Map.entry("VA", List.of("Vatican", "Holy See")),
      Map.entry("HK", List.of("Hong Kong")),
      Map.entry("MO", List.of("Macau", "Macao")),
      Map.entry("CN", List.of("People's Republic of China", "PRC", "Mainland China")),
      Map.entry("TW", List.of("Formosa")),
      Map.entry("NL", List.of("Holland", "The Netherlands")),
      Map.entry("AE", List.of("UAE", "U.A.E.", "Emirates")),
      Map.entry("BA", List.of("Bosnia", "Bosnia-Herzegovina")),
      Map.entry("PS", List.of("Palestine", "State of Palestine", "Palestinian territories",
          "occupied Palestinian territories", "Occupied Palestinian Territory")),
      Map.entry("DE", List.of("West Germany", "Federal Republic of Germany")),
      Map.entry("SU", List.of("Soviet Union", "USSR", "U.S.S.R.")),
      Map.entry("DD", List.of("East Germany", "German Democratic Republic", "GDR")),
      Map.entry("YU", List.of("Yugoslavia")),
      Map.entry("CS", List.of("Czechoslovakia")));

  /**
   * How a country is shown where the JDK's name is not the usual one in the news, or differs
   * between JDK versions ("Türkiye" is the country's own English name since 2022).
   */
  private static final Map<String, String> DISPLAY = Map.ofEntries(
      Map.entry("TR", "Türkiye"),
      Map.entry("US", "United States"),
      Map.entry("GB", "United Kingdom"),
      Map.entry("PS", "Palestine"),
      Map.entry("CD", "Democratic Republic of the Congo"),
      Map.entry("CG", "Republic of the Congo"),
      Map.entry("HK", "Hong Kong"),
      Map.entry("MO", "Macau"),
      Map.entry("MM", "Myanmar"),
      Map.entry("CI", "Côte d'Ivoire"),
      Map.entry("CZ", "Czechia"),
      Map.entry("SZ", "Eswatini"),
      Map.entry("MK", "North Macedonia"),
      Map.entry("SU", "Soviet Union"),
      Map.entry("DD", "East Germany"),
      Map.entry("YU", "Yugoslavia"),
      Map.entry("CS", "Czechoslovakia"));

  /**
   * Country names that are also common first names or names of other places. They still
   * resolve when the recogniser calls them a place, but are never found by dictionary alone
   * nor re-typed from a person ("Jordan", "Chad"; "Georgia" is also a US state).
   */
  private static final Set<String> AMBIGUOUS = Set.of("jordan", "chad", "georgia", "america", "congo", "emirates", "us", "guinea", "niger", "dominica");

  private final Map<String, String> codeByKey;
  private final Map<String, String> displayByCode;

  public Countries() {
    Map<String, String> byKey = new HashMap<>();
    Map<String, String> display = new LinkedHashMap<>();
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      display.put(code, DISPLAY.getOrDefault(code, name));
      addName(byKey, name, code);
    }
    for (Map.Entry<String, List<String>> e : ALTERNATE_NAMES.entrySet()) {
      display.putIfAbsent(e.getKey(), DISPLAY.getOrDefault(e.getKey(), e.getValue().get(0)));
      for (String name : e.getValue()) {
        byKey.put(CanonicalNames.key(name), e.getKey());
      }
    }
    DISPLAY.forEach((code, name) -> byKey.put(CanonicalNames.key(name), code));
    this.codeByKey = Map.copyOf(byKey);
    this.displayByCode = Map.copyOf(display);
  }

  /** JDK names such as "Myanmar (Burma)" or "Congo - Kinshasa" name the country with and without the parenthesis. */
  private static void addName(Map<String, String> byKey, String name, String code) {
    byKey.putIfAbsent(CanonicalNames.key(name), code);
    int paren = name.indexOf(" (");
    if (paren > 0) {
      byKey.putIfAbsent(CanonicalNames.key(name.substring(0, paren)), code);
      byKey.putIfAbsent(CanonicalNames.key(name.substring(paren + 2, name.length() - 1)), code);
    }
    int dash = name.indexOf(" - ");
    if (dash > 0) {
      byKey.putIfAbsent(CanonicalNames.key(name.substring(0, dash)), code);
    }
    if (name.endsWith(" SAR China")) {
      byKey.putIfAbsent(CanonicalNames.key(name.substring(0, name.length() - " SAR China".length())), code);
    }
  }

  /** The ISO code of a country name, any spelling, diacritics or case. */
  public Optional<String> code(String name) {
    String k = CanonicalNames.key(name);
    if (k.startsWith("the ")) {
      String c = codeByKey.get(k);
      return Optional.ofNullable(c != null ? c : codeByKey.get(k.substring(4)));
    }
    return Optional.ofNullable(codeByKey.get(k));
  }

  /** The name a country is shown under, e.g. "TR" → "Türkiye"; null for an unknown code. */
  public String displayName(String code) {
    return displayByCode.get(code);
  }

  /** True when the name is a country name that is also a common given name or other place's name. */
  public boolean isAmbiguous(String name) {
    return AMBIGUOUS.contains(CanonicalNames.key(name));
  }

  /** Every known name key, for dictionary look-up of country names the recogniser missed. */
  public Set<String> nameKeys() {
    return codeByKey.keySet();
  }
}
