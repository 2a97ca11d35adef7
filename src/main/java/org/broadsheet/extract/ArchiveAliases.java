package org.broadsheet.extract;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges that need the whole archive, derived from its mention statistics: an abbreviation and the
 * name it was defined for in any article ("IMF" where some article said "International Monetary
 * Fund (IMF)"), a surname alone and the one frequent person of that surname at that time
 * ("Reagan" → "Ronald Reagan"), "X" and "X Party" for a party, and "X" and "X's" (the possessive
 * the recogniser left out: "Moody" → "Moody's"). Pure: the caller gathers the {@link Stats} and
 * applies the {@link Alias}es (rewriting the indexed documents is not this class's business).
 * Immutable; thread-safe.
 */
public final class ArchiveAliases {

  /**
   * What the archive says about one canonical value.
   *
   * @param type     its entity type
   * @param value    the canonical value
   * @param articles how many articles mention it
   * @param first    the month of the first article mentioning it, null when no article is dated
   * @param last     the month of the last one, null when no article is dated
   */
  public record ValueStats(EntityType type, String value, int articles, YearMonth first, YearMonth last) {
    public ValueStats {
      Objects.requireNonNull(type);
      Objects.requireNonNull(value);
    }
  }

  /**
   * An abbreviation some articles define for an organisation ({@link NameRule#ABBREVIATION_IN_ARTICLE}).
   *
   * @param abbreviation as written ("IMF")
   * @param expansion    the canonical value it was defined for ("International Monetary Fund")
   * @param articles     in how many articles
   */
  public record Definition(String abbreviation, String expansion, int articles) {
  }

  /** The archive's statistics: every canonical value, and every abbreviation definition seen. */
  public record Stats(List<ValueStats> values, List<Definition> definitions) {
    public Stats {
      values = List.copyOf(values);
      definitions = List.copyOf(definitions);
    }
  }

  /** One merge: this type's {@code value} is to be shown and counted as {@code canonical}, by {@code rule}. */
  public record Alias(EntityType type, String value, String canonical, NameRule rule) {
  }

  private final int minSurnameArticles;
  private final double dominance;

  /**
   * @param minSurnameArticles how many articles make a full name frequent enough to stand for its
   *                           surname alone (3 in production: once or twice is any passing mention)
   * @param dominance          the share of an abbreviation's definitions its expansion must have
   *                           (0.75 in production: "AA" defined for two bodies stays apart)
   */
  public ArchiveAliases(int minSurnameArticles, double dominance) {
    if (minSurnameArticles < 1 || dominance <= 0.5 || dominance > 1) {
      throw new IllegalArgumentException("minSurnameArticles >= 1 and 0.5 < dominance <= 1");
    }
    this.minSurnameArticles = minSurnameArticles;
    this.dominance = dominance;
  }

  /** The production settings. */
  public static ArchiveAliases defaults() {
    return new ArchiveAliases(3, 0.75);
  }

  /** Every merge the statistics call for, each to its final value (chains followed), in a stable order. */
  public List<Alias> derive(Stats stats) {
    Map<String, ValueStats> byKey = new HashMap<>();
    for (ValueStats v : stats.values()) {
      byKey.merge(key(v.type(), v.value()), v, (a, b) -> a.articles() >= b.articles() ? a : b);
    }
    Map<String, Alias> aliases = new LinkedHashMap<>();
    abbreviations(stats, byKey, aliases);
    partiesAndPossessives(stats, byKey, aliases);
    surnames(stats, aliases);
    List<Alias> out = new ArrayList<>();
    for (Alias a : aliases.values()) {
      out.add(new Alias(a.type(), a.value(), follow(a, aliases), a.rule()));
    }
    out.sort(Comparator.comparing((Alias a) -> a.type().label()).thenComparing(Alias::value));
    return out;
  }

  private void abbreviations(Stats stats, Map<String, ValueStats> byKey, Map<String, Alias> out) {
    Map<String, Map<String, Integer>> expansions = new HashMap<>();
    for (Definition d : stats.definitions()) {
      expansions.computeIfAbsent(CanonicalNames.key(d.abbreviation()), k -> new HashMap<>())
          .merge(d.expansion(), d.articles(), Integer::sum);
    }
    expansions.forEach((abbreviation, counts) -> {
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      var best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      ValueStats abbreviated = byKey.get(EntityType.ORGANIZATION.label() + ":" + abbreviation);
      if (best.getValue() >= dominance * total && abbreviated != null
          && byKey.containsKey(key(EntityType.ORGANIZATION, best.getKey()))
          && !CanonicalNames.key(best.getKey()).equals(abbreviation)) {
        put(out, new Alias(EntityType.ORGANIZATION, abbreviated.value(), best.getKey(), NameRule.ABBREVIATION_IN_ARCHIVE));
      }
    });
  }

  private static void partiesAndPossessives(Stats stats, Map<String, ValueStats> byKey, Map<String, Alias> out) {
    for (ValueStats v : stats.values()) {
      if (v.type() != EntityType.ORGANIZATION) {
        continue;
      }
      ValueStats party = byKey.get(key(EntityType.ORGANIZATION, v.value() + " Party"));
      if (party != null && !v.value().endsWith(" Party")) {
        put(out, new Alias(EntityType.ORGANIZATION, v.value(), party.value(), NameRule.PARTY));
        continue;
      }
      ValueStats possessive = byKey.get(key(EntityType.ORGANIZATION, v.value() + "'s"));
      // The key joins apostrophes, so "X's" and the plural "Xs" share one: only a possessive counts.
      if (possessive != null && !v.value().endsWith("'s") && possessive.value().matches("(?s).*['\u2019][sS]")) {
        put(out, new Alias(EntityType.ORGANIZATION, v.value(), possessive.value(), NameRule.POSSESSIVE));
      }
    }
  }

  /** A one-word person for the only frequent full name ending in it whose time overlaps its own. */
  private void surnames(Stats stats, Map<String, Alias> out) {
    Map<String, List<ValueStats>> fullBySurname = new HashMap<>();
    for (ValueStats v : stats.values()) {
      String k = CanonicalNames.key(v.value());
      int space = k.lastIndexOf(' ');
      if (v.type() == EntityType.PERSON && space > 0 && v.articles() >= minSurnameArticles) {
        fullBySurname.computeIfAbsent(k.substring(space + 1), x -> new ArrayList<>()).add(v);
      }
    }
    for (ValueStats v : stats.values()) {
      String k = CanonicalNames.key(v.value());
      if (v.type() != EntityType.PERSON || k.isEmpty() || k.contains(" ")) {
        continue;
      }
      List<ValueStats> candidates = fullBySurname.getOrDefault(k, List.of()).stream()
          .filter(full -> overlaps(full, v)).toList();
      if (candidates.size() == 1) {
        put(out, new Alias(EntityType.PERSON, v.value(), candidates.get(0).value(), NameRule.SURNAME_IN_ARCHIVE));
      }
    }
  }

  private static boolean overlaps(ValueStats a, ValueStats b) {
    if (a.first() == null || a.last() == null || b.first() == null || b.last() == null) {
      return true; // undated: nothing says they are apart
    }
    return !a.first().isAfter(b.last()) && !b.first().isAfter(a.last());
  }

  private static void put(Map<String, Alias> out, Alias a) {
    out.putIfAbsent(key(a.type(), a.value()), a);
  }

  /** Where a chain of merges ends ("EEC" → "European Economic Community" → ...); a cycle stops where it closes. */
  private static String follow(Alias a, Map<String, Alias> aliases) {
    String value = a.canonical();
    java.util.Set<String> seen = new java.util.HashSet<>();
    seen.add(key(a.type(), a.value()));
    Alias next;
    while ((next = aliases.get(key(a.type(), value))) != null && seen.add(key(a.type(), value))) {
      value = next.canonical();
    }
    return value;
  }

  private static String key(EntityType type, String value) {
    return type.label() + ":" + CanonicalNames.key(value);
  }
}
