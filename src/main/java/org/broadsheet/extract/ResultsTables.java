package org.broadsheet.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sports clubs named after their city. In a results table ("CHICAGO 72 64 .529 9", "San Diego 3
 * New York 2", "KANSAS CITY AT DETROIT") a city is a team, which the recogniser, reading the name
 * alone, calls a place; such a line's cities are organisations, and so is the same name everywhere
 * else in that article ("Chicago beat Houston") except in a dateline ("NEW YORK 1996-08-31").
 * Countries stay places (news style treats national teams as the country). Stateless.
 */
final class ResultsTables {

  /** What a results line holds besides its names: scores, standings, and the words between teams. */
  private static final Pattern FILLER = Pattern.compile(
      "[\\d.,:;/()+\\-–*]+|(?i:at|v|vs|v\\.|vs\\.|beat|bt|drew|and|pct|gb|w|l|d|pts)");

  /** A number that makes a line a table: a score or a figure, not a date. */
  private static final Pattern SCORE = Pattern.compile("\\d{1,3}(?:[.,]\\d+)?|\\.\\d+|(?i:at|v|vs\\.?)");

  /** A team's name is followed by its score (or "at" the other), or comes after the other's score. */
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

  /** "KANSAS CITY AT DETROIT", "in Chicago": after these a city is where the game is, a place. */
  private static final Pattern VENUE = Pattern.compile("(?i:at|in)");

  private final Countries countries;

  ResultsTables(Countries countries) {
    this.countries = countries;
  }

  /** The spans, with the cities of results lines (and their other mentions) made organisations. */
  List<Span> retype(String text, List<Span> spans) {
    Set<String> teams = new HashSet<>();
    Set<Integer> datelineStarts = new HashSet<>();
    int i = 0;
    while (i < spans.size()) {
      int lineStart = text.lastIndexOf('\n', spans.get(i).start() - 1) + 1;
      int lineEnd = text.indexOf('\n', spans.get(i).start());
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int j = i;
      StringBuilder rest = new StringBuilder();
      int at = lineStart;
      while (j < spans.size() && spans.get(j).start() < lineEnd) {
        Span s = spans.get(j);
        rest.append(text, at, Math.max(at, s.start())).append(' ');
        at = Math.max(at, s.end());
        j++;
      }
      rest.append(text, Math.min(at, lineEnd), lineEnd);
      Kind kind = kind(rest.toString());
      for (int k = i; k < j; k++) {
        Span s = spans.get(k);
        if (kind == Kind.RESULTS && s.type() != EntityType.PERSON && !isCountry(text, s)
            && !VENUE.matcher(wordBefore(text, lineStart, s.start())).matches()
            && (SCORE.matcher(wordAfter(text, s.end(), lineEnd)).matches()
                || NUMBER.matcher(wordBefore(text, lineStart, s.start())).matches())) {
          teams.add(CanonicalNames.key(s.text(text)));
        } else if (kind == Kind.DATELINE) {
          datelineStarts.add(s.start());
        }
      }
      i = j;
    }
    if (teams.isEmpty()) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      boolean team = s.type() != EntityType.PERSON && !datelineStarts.contains(s.start())
          && teams.contains(CanonicalNames.key(s.text(text)))
          && !VENUE.matcher(wordBefore(text, 0, s.start())).matches();
      out.add(team ? new Span(EntityType.ORGANIZATION, s.start(), s.end(), true) : s);
    }
    return out;
  }

  private enum Kind { RESULTS, DATELINE, OTHER }

  /** What a line is, from what is left of it once its names are taken out. */
  private static Kind kind(String rest) {
    String[] words = rest.strip().split("\\s+");
    boolean score = false;
    boolean date = false;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (!FILLER.matcher(w).matches()) {
        return Kind.OTHER;
      }
      if (SCORE.matcher(w).matches()) {
        score = true;
      } else if (w.matches("\\d{4}-\\d{2}-\\d{2}")) {
        date = true;
      }
    }
    return score ? Kind.RESULTS : date ? Kind.DATELINE : Kind.OTHER;
  }

  /** The whitespace-separated word on the same line that ends right before {@code at} (after {@code lineStart}), or "". */
  private static String wordBefore(String text, int lineStart, int at) {
    int end = at;
    while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
      if (text.charAt(end - 1) == '\n') {
        return "";
      }
      end--;
    }
    int start = end;
    while (start > lineStart && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, end);
  }

  /** The whitespace-separated word that starts right after {@code at} (before {@code lineEnd}), or "". */
  private static String wordAfter(String text, int at, int lineEnd) {
    int start = at;
    while (start < lineEnd && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < lineEnd && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return text.substring(start, end);
  }

  private boolean isCountry(String text, Span s) {
    return countries.code(s.text(text).toLowerCase(Locale.ROOT)).isPresent();
  }
}
