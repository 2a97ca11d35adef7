package org.broadsheet.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edges of a recognised span: what is not part of the name comes off ("President", "the",
 * "During", "Centre" and "Tory" before a person, "BBC News" before a party, a possessive "'s"), a
 * span that is two names joined by "and" becomes two, and what is left that is no name (a pronoun,
 * a title alone, a wire signature) goes. Stateless.
 */
final class SpanCleaner {
  private static final Pattern WORD = Pattern.compile("\\S+");

  /** Two names the recogniser ran together: "Labour and Conservative", "Nice and Paris St Germain". */
  private static final Pattern JOINED = Pattern.compile(" (?:and|or|&) ");

  private final CuratedNames curated;

  SpanCleaner(CuratedNames curated) {
    this.curated = curated;
  }

  /** The candidate a span is, or null when nothing of it is a name. */
  Candidate clean(String text, Span s) {
    int start = s.start();
    int end = s.end();
    EntityType type = s.type();
    boolean strippedTitle = false;
    Matcher w = WORD.matcher(text).region(start, end);
    List<int[]> words = new ArrayList<>();
    while (w.find()) {
      words.add(new int[] {w.start(), w.end()});
    }
    int first = 0;
    while (first < words.size()) {
      int[] word = words.get(first);
      String t = text.substring(word[0], word[1]);
      int left = words.size() - first - 1;
      boolean drop;
      if (type == EntityType.PERSON && CanonicalNames.isTitle(t)) {
        drop = left > 0;
        strippedTitle = true;
      } else if (type != EntityType.PERSON && first == 0 && t.equalsIgnoreCase("the")) {
        drop = left > 0 && !partOfName(text, word[0], t);
      } else {
        drop = gluedPrefix(type, text, t, left, words.get(words.size() - 1)[1], word[1], first > 0);
      }
      if (!drop) {
        break;
      }
      first++;
    }
    if (first >= words.size()) {
      return null;
    }
    start = words.get(first)[0];
    // Trailing possessive and punctuation: "Türkiye's", "Hamas'".
    String t = text.substring(start, end);
    for (String suffix : new String[] {"'s", "’s", "'", "’"}) {
      if (t.endsWith(suffix) && t.length() > suffix.length() + 1) {
        end -= suffix.length();
        break;
      }
    }
    while (end > start && ",;:\"“”()-".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    while (start < end && ",;:\"“”()".indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    if (end <= start) {
      return null;
    }
    String surface = text.substring(start, end).replaceAll("\\s+", " ");
    boolean titleOnly = type == EntityType.PERSON && strippedTitle && !surface.contains(" ")
        && CanonicalNames.isTitle(surface) && Character.isUpperCase(surface.charAt(0));
    if (!titleOnly && CanonicalNames.isNoise(surface) && !(type == EntityType.ORGANIZATION && isBody(surface))) {
      return null;
    }
    // A lone word in capitals tagged as a person, alone on its line, is a wire signature
    // ("REUTER" closing every Reuters story), not someone named in the story.
    if (type == EntityType.PERSON && !surface.contains(" ") && surface.length() > 1
        && surface.equals(surface.toUpperCase(Locale.ROOT)) && aloneOnItsLine(text, start, end)) {
      return null;
    }
    Candidate c = new Candidate(type, start, end, surface);
    c.settled = s.settled();
    c.titleOnly = titleOnly;
    return c;
  }

  /** Title words that are also the name of a body: "the Treasury said". */
  private static boolean isBody(String surface) {
    String k = CanonicalNames.key(surface);
    return k.equals("treasury") || k.equals("exchequer") || k.equals("the treasury");
  }

  /**
   * A word in front of a name that is not part of it: a sentence opener before anything ("During
   * Labour"); a role, party or nationality before a person of two more words ("Centre Jason
   * Little", "Tory Neil Hamilton", "Argentine Abel Balbo"); a news source before a party or an
   * organisation of our lists ("BBC News Labour").
   */
  private boolean gluedPrefix(EntityType type, String text, String word, int wordsLeft, int nameEnd, int wordEnd,
                              boolean afterOpener) {
    if (wordsLeft == 0 || word.isEmpty()) {
      return false;
    }
    if (!Character.isUpperCase(word.charAt(0))) {
      // "Representatives of First Bank": after an opener, a small word goes too.
      return afterOpener && curated.prefix(word).filter(k -> k == CuratedNames.PrefixKind.OPENER).isPresent();
    }
    var kind = curated.prefix(word);
    if (kind.isEmpty()) {
      return false;
    }
    boolean titleCase = word.length() == 1 || !CanonicalNames.isAllCaps(word);
    return switch (kind.get()) {
      case OPENER -> titleCase;
      case ROLE, PARTY, DEMONYM -> type == EntityType.PERSON && wordsLeft >= 2;
      case SOURCE -> type == EntityType.ORGANIZATION && restIsCurated(text, wordEnd, nameEnd);
    };
  }

  private boolean restIsCurated(String text, int from, int to) {
    String rest = text.substring(from, to).strip();
    int space = rest.indexOf(' ');
    return curated.organization(rest).isPresent()
        || (space > 0 && curated.prefix(rest.substring(0, space)).isPresent());
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

  /** Nothing but spaces before it on its line and spaces or punctuation after it; looks no further than that. */
  private static boolean aloneOnItsLine(String text, int start, int end) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) != '\n') {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
      i--;
    }
    for (int j = end; j < text.length() && text.charAt(j) != '\n'; j++) {
      char c = text.charAt(j);
      if (!Character.isWhitespace(c) && Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits a candidate that is two names joined by "and", "or" or "&" when each half is a name on
   * its own: one the article names alone ({@code namesAlone}, by key) or one of our lists names.
   * "Marks and Spencer" stays whole unless the article also says "Marks" alone.
   */
  List<Candidate> split(Candidate c, Set<String> namesAlone) {
    if (c.type == EntityType.PERSON) {
      return List.of(c);
    }
    Matcher m = JOINED.matcher(c.surface);
    if (!m.find()) {
      return List.of(c);
    }
    String left = c.surface.substring(0, m.start());
    String right = c.surface.substring(m.end());
    // The surface must be the text as written (no line end collapsed) for the halves' offsets to hold.
    if (c.end - c.start != c.surface.length() || !isNameAlone(left, namesAlone) || !isNameAlone(right, namesAlone)) {
      return List.of(c);
    }
    int leftEnd = c.start + left.length();
    int rightStart = c.end - right.length();
    Candidate a = new Candidate(c.type, c.start, leftEnd, left);
    Candidate b = new Candidate(c.type, rightStart, c.end, right);
    a.settled = c.settled;
    b.settled = c.settled;
    return List.of(a, b);
  }

  private boolean isNameAlone(String name, Set<String> namesAlone) {
    return !name.isBlank() && Character.isUpperCase(name.charAt(0))
        && (namesAlone.contains(CanonicalNames.key(name)) || curated.organization(name).isPresent());
  }
}
