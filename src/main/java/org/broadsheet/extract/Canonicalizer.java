package org.broadsheet.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the spans a recogniser found in one article into mentions with canonical names, one
 * name per real entity, each saying which {@link NameRule} made it: edges cleaned
 * ({@link SpanCleaner}), types mended from what the names tell, short names joined to the full
 * name they stand for, organisations named by {@link OrganizationNames}, places given their
 * country and US state abbreviations their state. Works on one article at a time and keeps no
 * state between calls, so one instance serves all threads.
 */
public final class Canonicalizer {

  /** Metonymy: "Ankara said", "Washington warned". A capital or a city this big named as an organisation is the place. */
  private static final long METONYM_MIN_POPULATION = 1_000_000;

  /** A surname that is also a big place's name ("Washington") stays a place. */
  private static final long SURNAME_PLACE_MAX_POPULATION = 100_000;

  /** Adjectives and plurals of nationality: "Israeli", "Turkish", "Gazans" are not places. */
  private static final Pattern DEMONYM = Pattern.compile("\\p{Lu}\\p{Ll}+(?:ish|ian|ians|ese|i|is|an|ans|ean|eans|ic|ch)");

  /** The same for organisations, where "-an" and "-i" endings are common in real names ("Mitsubishi"). */
  private static final Pattern DEMONYM_NOT_ORG = Pattern.compile("\\p{Lu}\\p{Ll}+(?:ish|ian|ians|ese)");

  private final Gazetteer gazetteer;
  private final CuratedNames curated;
  private final SpanCleaner cleaner;
  private final OrganizationNames organizations;

  public Canonicalizer(Gazetteer gazetteer) {
    this(gazetteer, CuratedNames.load());
  }

  public Canonicalizer(Gazetteer gazetteer, CuratedNames curated) {
    this.gazetteer = gazetteer;
    this.curated = curated;
    this.cleaner = new SpanCleaner(curated);
    this.organizations = new OrganizationNames(curated);
  }

  public List<Mention> canonicalize(String text, List<Span> spans) {
    List<Candidate> cleaned = new ArrayList<>();
    for (Span s : spans) {
      Candidate c = cleaner.clean(text, s);
      if (c != null) {
        cleaned.add(c);
      }
    }
    Map<String, EntityType> namesAlone = new HashMap<>();
    for (Candidate c : cleaned) {
      namesAlone.putIfAbsent(CanonicalNames.key(c.surface), c.type);
    }
    List<Candidate> items = new ArrayList<>();
    for (Candidate c : cleaned) {
      for (Candidate part : headlineNames(text, c, namesAlone)) {
        items.addAll(cleaner.split(part, namesAlone.keySet()));
      }
    }
    Map<String, String> defined = AbbreviationDefinitions.find(text, items);
    Map<String, List<String>> personsBySurname = personsBySurname(items);
    for (Candidate c : items) {
      retype(c, personsBySurname, defined);
    }
    items.removeIf(c -> c.titleOnly && (c.type != EntityType.PERSON
        || !personsBySurname.containsKey(CanonicalNames.key(c.surface))));
    Set<String> organizationNames = new HashSet<>();
    for (Candidate c : items) {
      if (c.type == EntityType.ORGANIZATION) {
        organizationNames.add(CanonicalNames.key(c.surface));
      }
    }
    List<Mention> out = new ArrayList<>();
    Map<String, String> fullNames = fullPersonNames(items);
    for (Candidate c : items) {
      switch (c.type) {
        case PERSON -> c.name(fullNames.getOrDefault(CanonicalNames.key(c.surface), c.surface), NameRule.SURNAME);
        case ORGANIZATION -> {
          if (DEMONYM_NOT_ORG.matcher(c.surface).matches() || organizations.isJunk(c.surface)) {
            continue; // "Chinese" in "the Chinese said"; "the Committee"
          }
          organizations.name(c, defined, organizationNames);
        }
        case PLACE -> {
          if (!place(c)) {
            continue;
          }
        }
        default -> {
          continue;
        }
      }
      out.add(c.toMention());
    }
    return preferSpellings(out);
  }

  /**
   * A headline's words run together by the recogniser ("Tories Attack Labour Over IMF"): when two
   * of its words or more are names the article gives alone elsewhere or our lists know, and others
   * are not, the names are the mentions and the other words go. Elsewhere a candidate stays whole.
   */
  private List<Candidate> headlineNames(String text, Candidate c, Map<String, EntityType> namesAlone) {
    if (!c.surface.contains(" ") || c.end - c.start != c.surface.length()) {
      return List.of(c);
    }
    int lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    int lineEnd = text.indexOf('\n', c.end);
    if (!Headlines.isHeadline(text, lineStart, lineEnd < 0 ? text.length() : lineEnd)) {
      return List.of(c);
    }
    List<Candidate> known = new ArrayList<>();
    int unknown = 0;
    java.util.regex.Matcher w = java.util.regex.Pattern.compile("\\S+").matcher(c.surface);
    while (w.find()) {
      String word = w.group();
      int cut = word.length();
      while (cut > 1 && ",;:\"“”()".indexOf(word.charAt(cut - 1)) >= 0) {
        cut--;
      }
      word = word.substring(0, cut);
      EntityType type = namesAlone.get(CanonicalNames.key(word));
      if (type == null && curated.organization(word).isPresent()) {
        type = EntityType.ORGANIZATION;
      }
      if (type == null && gazetteer.countries().code(word).isPresent()) {
        type = EntityType.PLACE;
      }
      if (type == null) {
        unknown++;
      } else {
        known.add(new Candidate(type, c.start + w.start(), c.start + w.start() + cut, word));
      }
    }
    return known.size() >= 2 && unknown > 0 ? known : List.of(c);
  }

  /** Single-word surnames of the multi-word people in the article, by key: "kalin" → "Ibrahim Kalın". */
  private static Map<String, List<String>> personsBySurname(List<Candidate> items) {
    Map<String, List<String>> out = new HashMap<>();
    for (Candidate i : items) {
      if (i.type == EntityType.PERSON && !i.titleOnly) {
        String[] words = i.surface.split(" ");
        if (words.length > 1) {
          out.computeIfAbsent(CanonicalNames.key(words[words.length - 1]), k -> new ArrayList<>()).add(i.surface);
        }
      }
    }
    return out;
  }

  /** Fixes what the recogniser's type gets wrong and the names themselves tell. */
  private void retype(Candidate item, Map<String, List<String>> personsBySurname, Map<String, String> defined) {
    if (item.settled) {
      return;
    }
    Optional<Place> place = gazetteer.lookup(item.surface);
    Countries countries = gazetteer.countries();
    // A country is a place, whatever the recogniser said ("Türkiye said" is not a person), and so is
    // a country's abbreviation taken for an organisation ("U.S.", "UK").
    boolean abbreviated = item.surface.contains(".") || CanonicalNames.isAllCaps(item.surface);
    if (item.type != EntityType.PLACE && place.isPresent() && place.get().kind() == Place.Kind.COUNTRY
        && (!countries.isAmbiguous(item.surface) || (abbreviated && item.type == EntityType.ORGANIZATION))) {
      item.type = EntityType.PLACE;
      return;
    }
    if (item.type != EntityType.PLACE && (gazetteer.isConstituentCountry(item.surface)
        || curated.state(item.surface).isPresent())) {
      item.type = EntityType.PLACE;
      return;
    }
    // An abbreviation the article or our list spells out is an organisation ("IMF" taken for a place).
    if (item.type != EntityType.ORGANIZATION && CanonicalNames.isAllCaps(item.surface) && !item.surface.contains(" ")
        && (defined.containsKey(CanonicalNames.key(item.surface))
            || curated.organization(item.surface).filter(n -> n.rule() == NameRule.CURATED_ABBREVIATION).isPresent())) {
      item.type = EntityType.ORGANIZATION;
      return;
    }
    if (item.type == EntityType.ORGANIZATION && place.isPresent()
        && (place.get().kind() == Place.Kind.CAPITAL || place.get().population() >= METONYM_MIN_POPULATION)) {
      item.type = EntityType.PLACE;
      return;
    }
    // "Kalın" tagged as a place or organisation in an article about Ibrahim Kalın is him.
    if (item.type != EntityType.PERSON && !item.surface.contains(" ")
        && personsBySurname.containsKey(CanonicalNames.key(item.surface))
        && (place.isEmpty() || (place.get().kind() != Place.Kind.COUNTRY
            && place.get().population() < SURNAME_PLACE_MAX_POPULATION))) {
      item.type = EntityType.PERSON;
    }
  }

  /** Resolves a place; false when it is not one after all (a demonym the recogniser took for a place). */
  private boolean place(Candidate item) {
    Optional<String> state = curated.state(item.surface);
    if (state.isPresent()) {
      item.country = "US";
      item.name(state.get(), NameRule.STATE_ABBREVIATION);
      return true;
    }
    Optional<Place> place = gazetteer.lookup(item.surface);
    if (place.isPresent()) {
      Place p = place.get();
      item.country = p.country();
      if (p.kind() == Place.Kind.COUNTRY) {
        item.name(p.name(), NameRule.COUNTRY);
      } else {
        item.name(display(item.surface), NameRule.SPELLING);
      }
      return true;
    }
    if (DEMONYM.matcher(item.surface).matches()) {
      return false;
    }
    item.name(display(item.surface), NameRule.SPELLING);
    return true;
  }

  private static String display(String surface) {
    String s = surface.startsWith("The ") || surface.startsWith("THE ") ? surface.substring(4) : surface;
    return CanonicalNames.isAllCaps(s) && s.length() > 3 ? CanonicalNames.titleCase(s) : s;
  }

  /**
   * For each person name in the article, the full name it stands for: the longest name of which
   * it is the ending ("Abu Zuhri" → "Sami Abu Zuhri", "Erdogan" → "Recep Tayyip Erdoğan"); when
   * several fit, the one mentioned most often.
   */
  private static Map<String, String> fullPersonNames(List<Candidate> items) {
    Map<String, Integer> count = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    for (Candidate i : items) {
      if (i.type == EntityType.PERSON) {
        String k = CanonicalNames.key(i.surface);
        count.merge(k, 1, Integer::sum);
        spelling.merge(k, i.surface, CanonicalNames::preferSpelling);
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String k : count.keySet()) {
      String best = k;
      for (String other : count.keySet()) {
        if (other.length() > k.length() && other.endsWith(" " + k)) {
          int cmp = best.equals(k) ? 1 : Integer.compare(count.get(other), count.get(best));
          if (cmp > 0 || (cmp == 0 && other.length() > best.length())) {
            best = other;
          }
        }
      }
      out.put(k, spelling.get(best));
    }
    return out;
  }

  /**
   * Within one article, one spelling per entity: the one with diacritics, else the one the
   * article uses most ("OPEC" five times in the body beats "Opec" once in a title-case
   * headline), else the best-cased.
   */
  private static List<Mention> preferSpellings(List<Mention> mentions) {
    Map<String, Integer> uses = new HashMap<>();
    for (Mention m : mentions) {
      uses.merge(m.type() + ":" + m.canonical(), 1, Integer::sum);
    }
    Map<String, String> best = new HashMap<>();
    for (Mention m : mentions) {
      String type = m.type() + ":";
      best.merge(type + CanonicalNames.key(m.canonical()), m.canonical(), (a, b) -> {
        int byMarks = Integer.compare(CanonicalNames.nonAscii(a), CanonicalNames.nonAscii(b));
        int byUse = Integer.compare(uses.get(type + a), uses.get(type + b));
        return byMarks != 0 ? (byMarks > 0 ? a : b) : byUse != 0 ? (byUse > 0 ? a : b)
            : CanonicalNames.preferSpelling(a, b);
      });
    }
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      String c = best.get(m.type() + ":" + CanonicalNames.key(m.canonical()));
      out.add(c.equals(m.canonical()) ? m
          : m.withCanonical(c, m.rule() != null ? NameRule.fromLabel(m.rule()) : NameRule.SPELLING));
    }
    return out;
  }
}
