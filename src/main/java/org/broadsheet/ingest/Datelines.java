package org.broadsheet.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date in the dateline position only: at the start of one of the first lines of the text,
 * as "WASHINGTON, May 12, 2024 (Reuters) -" or "LONDON, 12 May 2024 -", a line that is only a
 * date, or a "Published: ..." / "Date: ..." line. A date in a sentence (an obituary subject's
 * birth, a law's year) is what the story is about, not when it ran, and is never taken.
 * Every pattern is applied to one line of at most {@link #LINE_CHARS} characters, so no
 * file can make matching slow.
 */
final class Datelines {
  /** Non-blank lines looked at: headline, standfirst, byline and dateline fit in six. */
  static final int MAX_LINES = 6;
  /** Characters of the text looked at: the top of the story, however long its first lines are. */
  static final int HEAD_CHARS = 2_000;
  /** Characters of a line a dateline must fit in; the rest of the line is the story. */
  static final int LINE_CHARS = 160;

  private static final String WEEKDAY =
      "(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?i:day)?\\.?,?\\s{1,3})?";
  private static final String ORDINAL = "(?i:st|nd|rd|th)?";
  private static final String DATE = "(?:"
      + "(?<isoY>\\d{4})-(?<isoM>\\d{1,2})-(?<isoD>\\d{1,2})"
      + "|" + monthGroup("mdyM") + "\\s{1,3}(?<mdyD>\\d{1,2})" + ORDINAL + ",?\\s{1,3}(?<mdyY>\\d{4})"
      + "|(?<dmyD>\\d{1,2})" + ORDINAL + "\\s{1,3}" + monthGroup("dmyM") + ",?\\s{1,3}(?<dmyY>\\d{4})"
      + ")(?!\\d)";
  private static final String TIME = "\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\.\\d{1,9})?\\s?(?i:[ap]\\.?m\\.?)?"
      + "(?:\\s?(?:Z|[A-Z]{2,5}|[+-]\\d{2}:?\\d{2}))?";

  /** A line that is only a date, perhaps with its weekday and time. */
  private static final Pattern ONLY_A_DATE = Pattern.compile(
      WEEKDAY + DATE + "(?:(?:,?\\s{1,3}(?i:at\\s)?|T)" + TIME + ")?\\s*");
  /** "Published: 12 May 2024", "Date: Sat, 12 May 2024 10:00:00 +0000", "Posted on May 12, 2024". */
  private static final Pattern LABELLED = Pattern.compile(
      "(?i:(?:first\\s)?(?:published|posted|dated?)(?:\\son)?)\\s{0,3}[:\\-–—]?\\s{0,3}" + WEEKDAY + DATE);
  /** "LONDON, 12 May 2024 -", "GENEVA, Switzerland, March 3, 2021 (Reuters) -": a place, the date, a dash. */
  private static final Pattern PLACE_DATE_DASH = Pattern.compile(
      "\\p{Lu}[\\p{L}\\p{M}.'’ /-]{0,40}(?:,\\s?\\p{Lu}[\\p{L}\\p{M}.'’ /-]{0,40}){0,2},\\s{1,3}" + WEEKDAY + DATE
          + "\\s{0,3}(?:\\([^()\\n]{1,40}\\)\\s{0,3})?(?:[-–—:]|$)");

  private Datelines() {
  }

  private static String monthGroup(String group) {
    return "(?<" + group + ">(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\\b\\.?";
  }

  /** The date in the dateline position of {@code text}, or null. */
  static LocalDate find(String text) {
    for (String line : topLines(text)) {
      LocalDate d = null;
      if (line.length() <= LINE_CHARS) {
        d = date(ONLY_A_DATE.matcher(line), true);
      }
      String start = line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) : line;
      if (d == null) {
        d = date(LABELLED.matcher(start), false);
      }
      if (d == null) {
        d = date(PLACE_DATE_DASH.matcher(start), false);
      }
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** True when {@code line} (stripped) is only a date, or a "Published: ..." label with its date. */
  static boolean isDateLine(String line) {
    if (line.length() > LINE_CHARS) {
      return false;
    }
    return date(ONLY_A_DATE.matcher(line), true) != null || date(LABELLED.matcher(line), false) != null;
  }

  /** The first {@link #MAX_LINES} non-blank lines within the first {@link #HEAD_CHARS} characters, stripped. */
  static List<String> topLines(String text) {
    List<String> lines = new ArrayList<>(MAX_LINES);
    int end = Math.min(text.length(), HEAD_CHARS);
    for (int from = 0; from < end && lines.size() < MAX_LINES; ) {
      int nl = from;
      while (nl < end && text.charAt(nl) != '\n' && text.charAt(nl) != '\r') {
        nl++;
      }
      String line = text.substring(from, nl).strip();
      if (!line.isEmpty()) {
        lines.add(line);
      }
      from = nl + 1;
    }
    return lines;
  }

  /** The date {@code m} finds: the whole line when {@code whole}, else at its start. */
  private static LocalDate date(Matcher m, boolean whole) {
    if (!(whole ? m.matches() : m.lookingAt())) {
      return null;
    }
    try {
      if (m.group("isoY") != null) {
        return LocalDate.of(num(m, "isoY"), num(m, "isoM"), num(m, "isoD"));
      }
      if (m.group("mdyY") != null) {
        return LocalDate.of(num(m, "mdyY"), monthNumber(m.group("mdyM")), num(m, "mdyD"));
      }
      return LocalDate.of(num(m, "dmyY"), monthNumber(m.group("dmyM")), num(m, "dmyD"));
    } catch (DateTimeException e) {
      return null; // "31 February"
    }
  }

  private static int num(Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }

  private static int monthNumber(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
