package org.broadsheet.extract;

/** A recognised span on its way to a mention: cleaned, perhaps re-typed, then named. One article's, one thread's. */
final class Candidate {
  EntityType type;
  int start;
  int end;
  String surface;
  String canonical;
  NameRule rule;
  String country;
  /** The type comes from the article's context (a team in a results table); the name alone does not overrule it. */
  boolean settled;
  /** A person span that was a title word only ("King"): kept only when it is the surname of someone named. */
  boolean titleOnly;

  Candidate(EntityType type, int start, int end, String surface) {
    this.type = type;
    this.start = start;
    this.end = end;
    this.surface = surface;
  }

  void name(String value, NameRule by) {
    canonical = value;
    rule = value.equals(surface) ? null : by;
  }

  Mention toMention() {
    return new Mention(type, surface, start, end, canonical, null, country, rule == null ? null : rule.label());
  }
}
