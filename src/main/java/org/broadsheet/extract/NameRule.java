package org.broadsheet.extract;

/**
 * Which rule made a mention's canonical value, so that a merge can be explained
 * ({@code "rule"} in {@code extract --json} and the article API; none when the text as written is
 * the value).
 */
public enum NameRule {
  /** Defined in the same article: "International Monetary Fund (IMF)", "the Securities and Exchange Commission, SEC,". */
  ABBREVIATION_IN_ARTICLE("abbreviation-in-article"),
  /** Our list of abbreviations and short forms: "IMF", "Fed", "U.N." → the full name. */
  CURATED_ABBREVIATION("curated-abbreviation"),
  /** A party under a short form, plural or adjective: "Tories", "Labour" → "Conservative Party", "Labour Party". */
  PARTY("party"),
  /** A US state abbreviation: "Calif.", "N.J." → the state. */
  STATE_ABBREVIATION("state-abbreviation"),
  /** A surname alone, for the full name of the person the article names: "Reagan" → "Ronald Reagan". */
  SURNAME("surname"),
  /** A company's legal suffix dropped: "UAL Inc" → "UAL". */
  SUFFIX("suffix"),
  /** A country under its usual name: "Turkey" → "Türkiye", "U.S." → "United States". */
  COUNTRY("country"),
  /** The same name spelled as the article or the archive spells it best: case, diacritics, a leading "The". */
  SPELLING("spelling"),
  /** Archive-wide: an abbreviation defined with its expansion in some article of the archive. */
  ABBREVIATION_IN_ARCHIVE("abbreviation-in-archive"),
  /** Archive-wide: a surname alone for the one frequent person of that surname in the archive at that time. */
  SURNAME_IN_ARCHIVE("surname-in-archive"),
  /** Archive-wide: "Moody" for "Moody's", the possessive the recogniser left out. */
  POSSESSIVE("possessive");

  private final String label;

  NameRule(String label) {
    this.label = label;
  }

  /** The name used in JSON. */
  public String label() {
    return label;
  }

  /** The rule of a label; null for null. @throws IllegalArgumentException for an unknown label */
  public static NameRule fromLabel(String label) {
    if (label == null) {
      return null;
    }
    for (NameRule r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown name rule: " + label);
  }
}
