package org.broadsheet.extract;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical value of an organisation named in one article, and the rule that made it: an
 * abbreviation the article defines, our lists (abbreviations, parties), a company's legal suffix
 * dropped, "X" for the "X Party" the article names, an abbreviation at the front spelled out
 * ("U.N. General Assembly"), a leading "The" and a possessive's case ("Moody'S"). Stateless.
 */
final class OrganizationNames {

  /**
   * Legal forms after a company's name, one or two of them: "UAL Inc", "Texaco Co", "BP Plc",
   * "British Petroleum Co Plc". Not after "and"/"&" ("Sears, Roebuck and Co" keeps its "Co").
   * Written by us.
   */
  private static final Pattern LEGAL_SUFFIX = Pattern.compile(
      "(?<! and| &)(?:,? (?:Inc|Incorporated|Corp|Corporation|Co|Cos|Company|Ltd|Limited|PLC|Plc|plc|LLC|L\\.P|LP|AG|SA"
          + "|S\\.A|NV|N\\.V|BV|GmbH|SpA|S\\.p\\.A|AB|ASA|Oyj|KK|Bhd|Berhad|Pty|Pte)\\.?){1,2}$");

  /** "Moody'S": a possessive upper-cased by title-casing. */
  private static final Pattern SHOUTED_POSSESSIVE = Pattern.compile("(?<=\\p{Ll})['’]S\\b");

  private final CuratedNames curated;

  OrganizationNames(CuratedNames curated) {
    this.curated = curated;
  }

  /**
   * Names an organisation candidate.
   *
   * @param defined      abbreviations this article defines, by key, and the name each stands for
   * @param articleNames keys of every organisation name in this article as written (for "X" → "X Party")
   */
  void name(Candidate c, Map<String, String> defined, Set<String> articleNames) {
    String tidy = tidy(c.surface);
    String expansion = defined.get(CanonicalNames.key(tidy));
    if (expansion != null) {
      c.name(resolve(tidy(expansion), articleNames).name(), NameRule.ABBREVIATION_IN_ARTICLE);
      return;
    }
    CuratedNames.Named n = resolve(tidy, articleNames);
    if (n.rule() == null) {
      n = frontAbbreviation(tidy, defined).orElse(n);
    }
    c.name(n.name(), n.rule() != null ? n.rule() : NameRule.SPELLING);
  }

  /** Our lists, then the name without its legal suffix (and our lists again), then "X Party". */
  private CuratedNames.Named resolve(String name, Set<String> articleNames) {
    var listed = curated.organization(name);
    if (listed.isPresent()) {
      return listed.get();
    }
    String bare = LEGAL_SUFFIX.matcher(name).replaceFirst("");
    if (!bare.equals(name) && !bare.isBlank() && bare.chars().anyMatch(Character::isLetter)
        && !curated.isGeneric(bare)) {
      listed = curated.organization(bare);
      return listed.orElseGet(() -> new CuratedNames.Named(bare, NameRule.SUFFIX));
    }
    if (!name.endsWith(" Party") && articleNames.contains(CanonicalNames.key(name + " Party"))) {
      return new CuratedNames.Named(name + " Party", NameRule.PARTY);
    }
    return new CuratedNames.Named(name, null);
  }

  /** "U.N. General Assembly" → "United Nations General Assembly": an abbreviation in front, spelled out. */
  private java.util.Optional<CuratedNames.Named> frontAbbreviation(String name, Map<String, String> defined) {
    int space = name.indexOf(' ');
    if (space <= 0) {
      return java.util.Optional.empty();
    }
    String front = name.substring(0, space);
    if (!front.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
      return java.util.Optional.empty();
    }
    String inArticle = defined.get(CanonicalNames.key(front));
    if (inArticle != null) {
      return java.util.Optional.of(new CuratedNames.Named(inArticle + name.substring(space),
          NameRule.ABBREVIATION_IN_ARTICLE));
    }
    return curated.organization(front)
        .filter(n -> n.rule() == NameRule.CURATED_ABBREVIATION)
        .map(n -> new CuratedNames.Named(n.name() + name.substring(space), NameRule.CURATED_ABBREVIATION));
  }

  /** Spelling only: without a leading "The", with a possessive's case mended. */
  private static String tidy(String name) {
    String t = name;
    if ((t.startsWith("The ") || t.startsWith("THE ")) && t.length() > 4) {
      t = t.substring(4);
    }
    return SHOUTED_POSSESSIVE.matcher(t).replaceAll("'s");
  }

  /** True when an organisation's name is no value: a generic word ("Committee", "the Fund"). */
  boolean isJunk(String surface) {
    return curated.isGeneric(surface);
  }
}
