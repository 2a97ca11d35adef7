package org.broadsheet.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the story begins in an article's text: after what the text repeats of the top of the page.
 * In order, each only where it stands at the top:
 * <ol>
 *   <li>the headline, when the text begins with it (case and spacing aside, so a headline wrapped
 *       over two lines counts), or with a first line the headline begins with ("Kelley Oil Buys" under
 *       the page title "Kelley Oil Buys - Reuters");</li>
 *   <li>up to {@link #MAX_TOP_LINES} lines that are a byline ("By Jane Doe"), a date alone or a
 *       "Published: ..." label;</li>
 *   <li>the dateline: a place in capitals or followed by a date or an agency in brackets, then a
 *       dash ("HOUSTON, June 18 -", "HARTFORD, Conn., March 4 -", "GAZA (Reuters) —",
 *       "Geneva, 12 May 2024 --").</li>
 * </ol>
 * The text itself is never changed (entity offsets point into it); this is an offset into it. A
 * text that is nothing but a headline and a dateline has its body start at 0. Every pattern is
 * applied to at most {@link Datelines#LINE_CHARS} characters, so no file can make this slow.
 */
final class BodyStart {
  /** Lines between the headline and the dateline that may be skipped: byline, date, "Published:". */
  static final int MAX_TOP_LINES = 4;
  /** A first line shorter than this is not taken for the headline only because the title begins with it. */
  private static final int MIN_HEADLINE_PREFIX = 12;

  private static final String PLACE_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’&-]{0,30}";
  private static final String PLACE = PLACE_WORD + "(?:[ \\t]{1,2}(?:" + PLACE_WORD + "|de|del|la|le|of|on|upon|am))"
      + "{0,4}";
  private static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
      + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?";
  private static final String DATE = "(?:" + MONTH + "[ \\t]{1,3}\\d{1,2}(?:,?[ \\t]{1,3}\\d{4})?"
      + "|\\d{1,2}[ \\t]{1,3}" + MONTH + "(?:,?[ \\t]{1,3}\\d{4})?"
      + "|\\d{4}-\\d{2}-\\d{2})(?!\\d)";
  /** "HOUSTON, June 18 -", "HARTFORD, Conn., March 4 -", "LONDON (Reuters) -": a dash must close it. */
  private static final Pattern DATELINE = Pattern.compile(
      "[ \\t]{0,8}(?<place>" + PLACE + ")(?:[ \\t]{0,2},[ \\t]{1,3}" + PLACE + "){0,2}"
          + "(?:[ \\t]{0,2},[ \\t]{1,3}(?<date>" + DATE + "))?[ \\t]{0,3}"
          + "(?<agency>\\([^()\\n]{1,40}\\))?[ \\t]{0,3}(?:-{1,2}|[–—])(?=\\s|$)");
  private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}.'’-]{0,30}|van|von|de|der|da|di|al|bin|and)";
  /** "By Jane Doe", "By Jane Doe and John Roe, Reuters": names only, so "By Tuesday, the company said" is story. */
  private static final Pattern BYLINE = Pattern.compile(
      "(?i:by)[ \\t]{1,3}\\p{Lu}[\\p{L}\\p{M}.'’-]{0,30}(?:(?:,?[ \\t]{1,3}|,)" + NAME_WORD + "){0,8}");

  private BodyStart() {
  }

  /**
   * @param title the article's headline as {@link TextFallbacks#cleanTitle} made it, may be empty
   * @param text  the article's text
   * @return the offset in {@code text} where the story begins
   */
  static int of(String title, String text) {
    int pos = skipSpace(text, 0);
    int afterTitle = afterHeadline(title, text, pos);
    if (afterTitle > pos) {
      pos = skipSpace(text, afterTitle);
    }
    for (int n = 0; n < MAX_TOP_LINES && pos < text.length(); n++) {
      int eol = lineEnd(text, pos);
      String line = text.substring(pos, eol).strip();
      if (!BYLINE.matcher(line).matches() && !Datelines.isDateLine(line)) {
        break;
      }
      pos = skipSpace(text, eol);
    }
    pos = skipSpace(text, afterDateline(text, pos));
    return pos >= text.length() ? 0 : pos;
  }

  /** The offset after the headline at {@code pos}, or {@code pos} when the text does not begin with it. */
  private static int afterHeadline(String title, String text, int pos) {
    if (title.isBlank()) {
      return pos;
    }
    int end = matchIgnoringSpace(title, text, pos);
    if (end > pos && (restOfLineBlank(text, end) || afterDateline(text, end) > end)) {
      return end; // the headline is the whole line (or is followed by the dateline on it)
    }
    int eol = lineEnd(text, pos);
    String first = collapse(text.substring(pos, Math.min(eol, pos + 4 * TextFallbacks.MAX_TITLE_CHARS)));
    if (first.length() >= MIN_HEADLINE_PREFIX && collapse(title).startsWith(first)) {
      return eol; // the page title is the headline plus the site's name
    }
    return pos;
  }

  /**
   * Matches {@code title} at {@code pos} in {@code text}, case-insensitively, any run of whitespace
   * matching any other; returns the offset after it, or -1.
   */
  private static int matchIgnoringSpace(String title, String text, int pos) {
    int t = 0;
    int i = pos;
    String want = title.strip();
    while (t < want.length()) {
      if (i >= text.length()) {
        return -1;
      }
      char a = want.charAt(t);
      char b = text.charAt(i);
      if (Character.isWhitespace(a)) {
        if (!Character.isWhitespace(b)) {
          return -1;
        }
        while (t < want.length() && Character.isWhitespace(want.charAt(t))) {
          t++;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
      } else if (a == b || Character.toLowerCase(a) == Character.toLowerCase(b)) {
        t++;
        i++;
      } else {
        return -1;
      }
    }
    return i;
  }

  /** The offset after the dateline starting at {@code pos}, or {@code pos} when there is none. */
  private static int afterDateline(String text, int pos) {
    Matcher m = DATELINE.matcher(text).region(pos, Math.min(text.length(), pos + Datelines.LINE_CHARS));
    if (!m.lookingAt()) {
      return pos;
    }
    String place = m.group("place");
    boolean capitals = place.codePoints().filter(Character::isLetter).count() >= 2
        && place.equals(place.toUpperCase(Locale.ROOT));
    return capitals || m.group("date") != null || m.group("agency") != null ? m.end() : pos;
  }

  private static String collapse(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static boolean restOfLineBlank(String text, int from) {
    for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
