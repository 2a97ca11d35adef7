package org.broadsheet.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spans a recogniser found in one article into mentions with canonical names, one
 * name per real entity: titles dropped, short names joined to the full name they stand for,
 * acronyms joined to the name they abbreviate, countries under one name whatever the spelling,
 * places given their country. Works on one article at a time and keeps no state between calls,
 * so one instance serves all threads.
 */
public final class Canonicalizer {

  /**
   * Abbreviations the news uses without spelling them out, written by us. An organisation
   * named by one, or starting with one ("U.N. General Assembly"), is shown spelled out, so the
   * archive has one facet value whatever the house style.
   */
  private static final Map<String, String> ORG_ABBREVIATIONS = Map.of(
      "un", "United Nations",
      "eu", "European Union",
      "nato", "NATO");

  /** Metonymy: "Ankara said", "Washington warned". A capital or a city this big named as an organisation is the place. */
  private static final long METONYM_MIN_POPULATION = 1_000_000;

  /** A surname that is also a big place's name ("Washington") stays a place. */
  private static final long SURNAME_PLACE_MAX_POPULATION = 100_000;

  /** Adjectives and plurals of nationality: "Israeli", "Turkish", "Gazans" are not places. */
  private static final Pattern DEMONYM = Pattern.compile("\\p{Lu}\\p{Ll}+(?:ish|ian|ians|ese|i|is|an|ans|ean|eans|ic|ch)");

  /** The same for organisations, where "-an" and "-i" endings are common in real names ("Mitsubishi"). */
  private static final Pattern DEMONYM_NOT_ORG = Pattern.compile("\\p{Lu}\\p{Ll}+(?:ish|ian|ians|ese)");

  /** An acronym in brackets right after a name: "International Court of Justice (ICJ)". */
  private static final Pattern BRACKETED_ACRONYM = Pattern.compile("\\G\\s*\\((\\p{Lu}[\\p{Lu}&.\\d-]{1,9})\\)");

  private static final Pattern WORD = Pattern.compile("\\S+");

  private final Gazetteer gazetteer;

  public Canonicalizer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** A span after cleaning, with the facts the later steps need. */
  private static final class Item {
    EntityType type;
    int start;
    int end;
    String surface;
    String canonical;
    String country;
    boolean settled;

    Item(EntityType type, int start, int end, String surface) {
      this.type = type;
      this.start = start;
      this.end = end;
      this.surface = surface;
    }
  }

  public List<Mention> canonicalize(String text, List<Span> spans) {
    List<Item> items = new ArrayList<>();
    for (Span s : spans) {
      Item item = clean(text, s);
      if (item != null) {
        items.add(item);
      }
    }
    Map<String, List<String>> personsBySurname = personsBySurname(items);
    for (Item item : items) {
      retype(item, personsBySurname);
    }
    Map<String, String> acronyms = acronyms(text, items);
    List<Mention> out = new ArrayList<>();
    Map<String, String> fullNames = fullPersonNames(items);
    for (Item item : items) {
      switch (item.type) {
        case PERSON -> item.canonical = fullNames.getOrDefault(CanonicalNames.key(item.surface), item.surface);
        case ORGANIZATION -> {
          if (DEMONYM_NOT_ORG.matcher(item.surface).matches()) {
            continue; // "Chinese" in "the Chinese said"
          }
          item.canonical = organization(item.surface, acronyms);
        }
        case PLACE -> {
          if (!place(item)) {
            continue;
          }
        }
        default -> {
          continue;
        }
      }
      out.add(toMention(item));
    }
    return preferSpellings(out);
  }

  /** Drops titles, possessives and noise; null when nothing is left. */
  private static Item clean(String text, Span s) {
    int start = s.start();
    int end = s.end();
    // Leading titles and "the": "President Recep Tayyip Erdoğan", "the United Nations".
    Matcher w = WORD.matcher(text).region(start, end);
    while (w.find()) {
      String word = w.group();
      boolean drop = (s.type() == EntityType.PERSON && CanonicalNames.isTitle(word))
          || (s.type() != EntityType.PERSON && w.start() == start && word.equalsIgnoreCase("the")
              && !partOfName(text, w.start(), word));
      if (!drop) {
        break;
      }
      start = w.end();
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    // Trailing possessive and punctuation: "Türkiye's", "Hamas'".
    String t = text.substring(start, end);
    for (String suffix : new String[] {"'s", "’s", "'", "’"}) {
      if (t.endsWith(suffix) && t.length() > suffix.length() + 1) {
        end -= suffix.length();
        t = text.substring(start, end);
        break;
      }
    }
    while (end > start && ",;:\"“”()".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    while (start < end && ",;:\"“”()".indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    if (end <= start) {
      return null;
    }
    String surface = text.substring(start, end).replaceAll("\\s+", " ");
    if (CanonicalNames.isNoise(surface)) {
      return null;
    }
    // A lone word in capitals tagged as a person is a wire signature or a shouted
    // dateline ("REUTER" closing every Reuters story), not someone named in the story.
    if (s.type() == EntityType.PERSON && !surface.contains(" ") && surface.length() > 1
        && surface.equals(surface.toUpperCase(java.util.Locale.ROOT)) && aloneOnItsLine(text, start, end)) {
      return null;
    }
    Item item = new Item(s.type(), start, end, surface);
    item.settled = s.settled();
    return item;
  }

  /**
   * "The" capitalised inside a sentence is part of the name the recogniser found ("at The Oval",
   * "told The Sunday Telegraph"); at the start of a line or sentence it is just the article.
   */
  private static boolean partOfName(String text, int at, String word) {
    if (!word.equals("The") && !word.equals("THE")) {
      return false;
    }
    int i = at - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i >= 0 && ".!?:;\"“”\n\r(".indexOf(text.charAt(i)) < 0;
  }

  private static boolean aloneOnItsLine(String text, int start, int end) {
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = text.indexOf('\n', end);
    return text.substring(lineStart, start).isBlank()
        && text.substring(end, lineEnd < 0 ? text.length() : lineEnd).replaceAll("[\\p{Punct}\\s]", "").isEmpty();
  }

  /** Single-word surnames of the multi-word people in the article, by key: "kalin" → "Ibrahim Kalın". */
  private static Map<String, List<String>> personsBySurname(List<Item> items) {
    Map<String, List<String>> out = new HashMap<>();
    for (Item i : items) {
      if (i.type == EntityType.PERSON) {
        String[] words = i.surface.split(" ");
        if (words.length > 1) {
          out.computeIfAbsent(CanonicalNames.key(words[words.length - 1]), k -> new ArrayList<>()).add(i.surface);
        }
      }
    }
    return out;
  }

  /** Fixes what the recogniser's type gets wrong and the names themselves tell. */
  private void retype(Item item, Map<String, List<String>> personsBySurname) {
    if (item.settled) {
      return;
    }
    Optional<Place> place = gazetteer.lookup(item.surface);
    Countries countries = gazetteer.countries();
    // A country is a place, whatever the recogniser said ("Türkiye said" is not a person).
    if (item.type != EntityType.PLACE && place.isPresent() && place.get().kind() == Place.Kind.COUNTRY
        && !countries.isAmbiguous(item.surface)) {
      item.type = EntityType.PLACE;
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
  private boolean place(Item item) {
    Optional<Place> place = gazetteer.lookup(item.surface);
    if (place.isPresent()) {
      Place p = place.get();
      item.country = p.country();
      item.canonical = p.kind() == Place.Kind.COUNTRY ? p.name() : display(item.surface);
      return true;
    }
    if (DEMONYM.matcher(item.surface).matches()) {
      return false;
    }
    item.canonical = display(item.surface);
    return true;
  }

  private static String display(String surface) {
    return CanonicalNames.isAllCaps(surface) && surface.length() > 3 ? CanonicalNames.titleCase(surface) : surface;
  }

  /** Acronyms the article defines: "Anadolu Agency (AA)" makes "AA" mean "Anadolu Agency". */
  private static Map<String, String> acronyms(String text, List<Item> items) {
    Map<String, String> out = new HashMap<>();
    for (Item i : items) {
      if (i.type != EntityType.ORGANIZATION) {
        continue;
      }
      Matcher m = BRACKETED_ACRONYM.matcher(text).region(i.end, Math.min(text.length(), i.end + 16));
      if (m.find()) {
        String acronym = m.group(1);
        if (!acronym.equals(i.surface)) {
          out.putIfAbsent(CanonicalNames.key(acronym), i.surface);
        }
      }
    }
    return out;
  }

  private static String organization(String surface, Map<String, String> acronyms) {
    String k = CanonicalNames.key(surface);
    String defined = acronyms.get(k);
    if (defined != null) {
      return defined;
    }
    String known = ORG_ABBREVIATIONS.get(k);
    if (known != null) {
      return known;
    }
    // "U.N. General Assembly" → "United Nations General Assembly"
    int space = surface.indexOf(' ');
    if (space > 0) {
      String first = CanonicalNames.key(surface.substring(0, space));
      String expanded = acronyms.getOrDefault(first, ORG_ABBREVIATIONS.get(first));
      if (expanded != null && surface.substring(0, space).chars().filter(Character::isLetter)
          .allMatch(Character::isUpperCase)) {
        return expanded + surface.substring(space);
      }
    }
    return surface;
  }

  /**
   * For each person name in the article, the full name it stands for: the longest name of which
   * it is the ending ("Abu Zuhri" → "Sami Abu Zuhri", "Erdogan" → "Recep Tayyip Erdoğan"); when
   * several fit, the one mentioned most often.
   */
  private static Map<String, String> fullPersonNames(List<Item> items) {
    Map<String, Integer> count = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    for (Item i : items) {
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

  private static Mention toMention(Item i) {
    return new Mention(i.type, i.surface, i.start, i.end, i.canonical, null, i.country);
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
          : new Mention(m.type(), m.text(), m.start(), m.end(), c, m.value(), m.country()));
    }
    return out;
  }
}
