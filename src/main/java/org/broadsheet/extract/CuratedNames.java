package org.broadsheet.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Our own lists of names, read from the resource files beside this class ({@code names/*.tsv},
 * {@code names/*.txt}, readable and commented there): organisations under their abbreviations,
 * parties under their short forms, US state abbreviations, generic words that are never a value,
 * and words glued to the front of names. Immutable once read; one instance serves all threads.
 */
public final class CuratedNames {

  /** A name and the rule that gave it. */
  public record Named(String name, NameRule rule) {
  }

  /** What a word glued to the front of a name is. */
  public enum PrefixKind { OPENER, ROLE, PARTY, SOURCE, DEMONYM }

  private final Map<String, Named> organizations;
  private final Set<String> partyNames;
  private final Map<String, String> states;
  private final Set<String> generic;
  private final Map<String, PrefixKind> prefixes;

  private CuratedNames(Map<String, Named> organizations, Set<String> partyNames, Map<String, String> states,
                       Set<String> generic, Map<String, PrefixKind> prefixes) {
    this.organizations = Map.copyOf(organizations);
    this.partyNames = Set.copyOf(partyNames);
    this.states = Map.copyOf(states);
    this.generic = Set.copyOf(generic);
    this.prefixes = Map.copyOf(prefixes);
  }

  /** The lists in the jar. @throws IllegalStateException when a list is missing or malformed (a broken build) */
  public static CuratedNames load() {
    Map<String, Named> orgs = new HashMap<>();
    Set<String> parties = new HashSet<>();
    for (String[] row : rows("organizations.tsv")) {
      addAliases(orgs, row, NameRule.CURATED_ABBREVIATION);
    }
    for (String[] row : rows("parties.tsv")) {
      parties.add(CanonicalNames.key(row[0]));
      addAliases(orgs, row, NameRule.PARTY);
    }
    Map<String, String> states = new HashMap<>();
    for (String[] row : rows("us-states.tsv")) {
      for (String alias : aliases(row)) {
        states.put(CanonicalNames.key(alias), row[0]);
      }
    }
    Set<String> generic = new HashSet<>();
    for (String[] row : rows("generic-words.txt")) {
      generic.add(CanonicalNames.key(row[0]));
    }
    Map<String, PrefixKind> prefixes = new HashMap<>();
    for (String[] row : rows("name-prefixes.txt")) {
      if (row.length != 2) {
        throw new IllegalStateException("names/name-prefixes.txt: not \"kind<TAB>word\": " + String.join("\t", row));
      }
      prefixes.put(row[1].toLowerCase(Locale.ROOT), PrefixKind.valueOf(row[0].toUpperCase(Locale.ROOT)));
    }
    return new CuratedNames(orgs, parties, states, generic, prefixes);
  }

  private static void addAliases(Map<String, Named> out, String[] row, NameRule rule) {
    Named named = new Named(row[0], rule);
    out.put(CanonicalNames.key(row[0]), named);
    for (String alias : aliases(row)) {
      out.put(aliasKey(alias), named);
    }
  }

  /** An alias in capitals ("WHO") is kept apart from the same letters in lower case ("who"). */
  private static String aliasKey(String alias) {
    boolean caps = CanonicalNames.isAllCaps(alias) && alias.replaceAll("[^\\p{L}]", "").length() <= 6;
    return caps ? "^" + CanonicalNames.key(alias) : CanonicalNames.key(alias);
  }

  private static String[] aliases(String[] row) {
    if (row.length < 2 || row[1].isBlank()) {
      return new String[0];
    }
    String[] out = row[1].split("\\|");
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i].strip();
    }
    return out;
  }

  private static Iterable<String[]> rows(String file) {
    java.util.List<String[]> out = new java.util.ArrayList<>();
    String resource = "names/" + file;
    try (InputStream in = CuratedNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path beside " + CuratedNames.class.getName());
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        out.add(line.strip().split("\t"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return out;
  }

  /** The organisation or party a name stands for by our lists ("IMF", "Tories"), with the rule. */
  public Optional<Named> organization(String name) {
    String k = CanonicalNames.key(name);
    Named found = null;
    if (CanonicalNames.isAllCaps(name) || name.contains(".")) {
      found = organizations.get("^" + k);
    }
    if (found == null) {
      found = organizations.get(k);
    }
    return Optional.ofNullable(found);
  }

  /** True when the value is one of our parties' canonical names ("Labour Party"). */
  public boolean isParty(String canonical) {
    return partyNames.contains(CanonicalNames.key(canonical));
  }

  /** The state a US state abbreviation stands for ("Calif." → "California"). */
  public Optional<String> state(String abbreviation) {
    if (!abbreviation.endsWith(".")) {
      return Optional.empty(); // "Miss" and "Mass" without a dot are words, not states
    }
    return Optional.ofNullable(states.get(CanonicalNames.key(abbreviation)));
  }

  /** True for a word that names a kind of body and never one body on its own ("Committee", "the Fund"). */
  public boolean isGeneric(String name) {
    String k = CanonicalNames.key(name);
    if (k.startsWith("the ")) {
      k = k.substring(4);
    }
    return generic.contains(k);
  }

  /** What a word in front of a name is, if it is one of the words glued to names. */
  public Optional<PrefixKind> prefix(String word) {
    return Optional.ofNullable(prefixes.get(word.toLowerCase(Locale.ROOT)));
  }
}
