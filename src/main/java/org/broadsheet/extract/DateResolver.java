package org.broadsheet.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates written in a news text and resolves them against the article's publication
 * date to a day ({@code 2024-05-12}), a month ({@code 2024-05}) or a year ({@code 2024}).
 *
 * <p>Why regular expressions and not CoreNLP's SUTime: measured with ReutersGoldEval on reuters-dev
 * (one thread, CPU time, same 300 articles), CoreNLP's annotate took 1.8 s with our pipeline
 * (tokenize, ssplit, 3-class NER) and 16.6 s with what SUTime needs (pos, lemma, numeric
 * classifiers, SUTime): nine times the cost; over 2 threads 21,000 against 3,400 tokens per
 * CPU-second. All of our own steps, these patterns included, add about 9% to CoreNLP's time,
 * for the date forms news actually uses.
 *
 * <p>Relative dates follow news convention: a bare weekday ("on Sunday") is the most recent one
 * on or before the publication day; a month or day without a year is the latest one no more than
 * {@link #DEFAULT_FUTURE_DAYS} days after publication ("Oct. 7" in a May 2024 article is
 * 2023-10-07; "June 3" in a late-May article is the coming one). Without a publication date only
 * dates that carry their year resolve; the others are still reported, with a null value.
 * Stateless and thread-safe.
 */
public final class DateResolver {

  /** Default look-ahead for a date without a year: news mostly reports the past, but announces the next weeks. */
  public static final int DEFAULT_FUTURE_DAYS = 60;

  /**
   * A month as running text writes it, or in capitals as wire copy's datelines and headlines do
   * ("NEW YORK, MARCH 4 -"): full names only in capitals, and then only with a day or a year.
   */
  private static final String MONTH = "(?<month>January|February|March|April|May|June|July|August|September|"
      + "October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|"
      + "Oct\\.?|Nov\\.?|Dec\\.?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
      + "DECEMBER)";
  private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th)?";
  private static final String YEAR = "(?<year>(?:19|20)\\d\\d)";
  /** Not part of a larger number: "May 12" but not "May 1,750". */
  private static final String NUMBER_END = "(?![\\d]|[.,]\\d)";

  private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "-(?<m>[01]\\d)-" + DAY + "\\b");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "\\b(?<mod>(?i:last|next|this)\\s+)?" + MONTH + "\\s+" + DAY + NUMBER_END
          + "(?:,?\\s+" + YEAR + NUMBER_END + ")?");
  private static final Pattern DAY_MONTH = Pattern.compile(
      "\\b" + DAY + "\\s+" + MONTH + "(?![A-Za-z])(?:,?\\s+" + YEAR + NUMBER_END + ")?");
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + NUMBER_END);
  /** A month alone needs a word before it that makes it a date: "in May", not "May"; "last October". */
  private static final Pattern MONTH_ALONE = Pattern.compile(
      "\\b(?<mod>(?i:last|next|this|in|since|until|till|by|early|late|mid|during|from|through|before|after|"
          + "since early|since late|in early|in late|in mid|end of|beginning of|start of))[\\s-]+"
          + "(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\\b");
  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(?<mod>(?i:last|next|this|on|since|until|by)\\s+)?"
          + "(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
  private static final Pattern RELATIVE_DAY = Pattern.compile("\\b(?<rel>(?i:yesterday|today|tomorrow))\\b");
  private static final Pattern YEAR_ONLY = Pattern.compile(
      "(?<![$€£\\d.,/-])(?:\\b(?<mod>(?i:in|since|by|until|till|during|before|after|early|late|mid|"
          + "end of|beginning of|start of|middle of|half of|year|fiscal|calendar))[\\s-]+)?"
          + "\\b" + YEAR + "(?![\\d%]|[.,]\\d|-\\d)(?<after>[.,;:)]|$)?");

  private final int futureDays;

  /** @param futureDays how far after publication a date without a year may lie; see {@link #DEFAULT_FUTURE_DAYS} */
  public DateResolver(int futureDays) {
    this.futureDays = futureDays;
  }

  public DateResolver() {
    this(DEFAULT_FUTURE_DAYS);
  }

  /** Every date in the text, in text order, resolved against {@code published} (may be null). */
  public List<Mention> find(String text, LocalDate published) {
    List<Mention> out = new ArrayList<>();
    BitSet taken = new BitSet(text.length());
    DateAnchors anchors = DateAnchors.of(text);
    scan(ISO, anchors.years(), text, taken, out, m -> day(Integer.parseInt(m.group("year")),
        Integer.parseInt(m.group("m")), Integer.parseInt(m.group("day"))));
    scan(MONTH_DAY, anchors.months(), text, taken, out, m -> monthDay(m, published));
    scan(DAY_MONTH, anchors.months(), text, taken, out, m -> monthDay(m, published));
    scan(MONTH_YEAR, anchors.months(), text, taken, out,
        m -> YearMonth.of(Integer.parseInt(m.group("year")), month(m)).toString());
    scan(MONTH_ALONE, anchors.months(), text, taken, out, m -> monthAlone(m, published));
    scan(WEEKDAY, anchors.weekdays(), text, taken, out, m -> weekday(m, published));
    scan(RELATIVE_DAY, anchors.relativeDays(), text, taken, out, m -> relativeDay(m, published));
    scan(YEAR_ONLY, anchors.years(), text, taken, out,
        m -> m.group("mod") != null || m.group("after") != null ? m.group("year") : "");
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  private interface Resolver {
    /** The value, null when unresolvable, "" when the match is not a date after all. */
    String resolve(Matcher m);
  }

  /**
   * The pattern's matches, left to right, as {@link Matcher#find} over the whole text gives them,
   * but looked for only around the words every match contains ({@code anchors}: a month, a weekday,
   * a year). Running the eight patterns over every position of the text was a twentieth of ingest
   * with extraction. The region reaches {@link DateAnchors#REACH} characters either side of the
   * word, and its bounds are transparent, so word boundaries and look-arounds see past them.
   */
  private static void scan(Pattern p, DateAnchors.Words anchors, String text, BitSet taken, List<Mention> out,
                           Resolver r) {
    if (anchors.size() == 0) {
      return;
    }
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0; // where the last match ended: find() over the whole text goes on from there
    for (int i = 0; i < anchors.size(); i++) {
      int wordStart = anchors.start(i);
      int wordEnd = anchors.end(i);
      if (wordEnd <= from) {
        continue; // inside the last match
      }
      m.region(Math.max(from, wordStart - DateAnchors.REACH), Math.min(text.length(), wordEnd + DateAnchors.REACH));
      // Only matches that begin by the word's end: one that begins past it holds a later word, whose region it is.
      while (m.find() && m.start() < wordEnd) {
        from = m.end();
        take(m, text, taken, out, r);
        if (from >= wordEnd) {
          break;
        }
        m.region(from, Math.min(text.length(), wordEnd + DateAnchors.REACH));
      }
    }
  }

  private static void take(Matcher m, String text, BitSet taken, List<Mention> out, Resolver r) {
    int start = m.start();
    String mod = groupOrNull(m, "mod");
    // Prepositions are not part of the date's text; "last"/"next" are, they change its meaning.
    if (mod != null && !isDirection(mod)) {
      start = m.start() + mod.length();
      while (start < m.end() && !Character.isLetterOrDigit(text.charAt(start))) {
        start++;
      }
    }
    int end = m.end();
    if (groupOrNull(m, "after") != null) {
      end = m.start("after");
    }
    if (taken.nextSetBit(start) >= 0 && taken.nextSetBit(start) < end) {
      return;
    }
    String value;
    try {
      value = r.resolve(m);
    } catch (DateTimeException | NumberFormatException e) {
      return; // "February 30": not a date
    }
    if (value != null && value.isEmpty()) {
      return;
    }
    taken.set(start, end);
    out.add(new Mention(EntityType.DATE, text.substring(start, end), start, end, value, value, null));
  }

  /**
   * The group, or null when it matched nothing or the pattern has no such group: asked of the
   * pattern, not by catching what {@code group(name)} throws (an exception with its stack trace for
   * most matches).
   */
  private static String groupOrNull(Matcher m, String name) {
    return m.pattern().namedGroups().containsKey(name) ? m.group(name) : null;
  }

  private static boolean isDirection(String mod) {
    String d = mod.strip().toLowerCase(Locale.ROOT);
    return d.equals("last") || d.equals("next") || d.equals("this");
  }

  private static String direction(Matcher m) {
    String mod = groupOrNull(m, "mod");
    return mod == null ? "" : mod.strip().toLowerCase(Locale.ROOT);
  }

  private static int month(Matcher m) {
    String name = m.group("month").replace(".", "").toLowerCase(Locale.ROOT);
    return switch (name.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new NumberFormatException(name);
    };
  }

  private static String day(int year, int month, int day) {
    return LocalDate.of(year, month, day).toString();
  }

  private String monthDay(Matcher m, LocalDate published) {
    int month = month(m);
    int day = Integer.parseInt(m.group("day"));
    if (day < 1 || day > 31) {
      return "";
    }
    String year = m.group("year");
    if (year != null) {
      return day(Integer.parseInt(year), month, day);
    }
    if (published == null) {
      LocalDate.of(2000, month, day); // still reject impossible dates
      return null;
    }
    LocalDate thisYear = LocalDate.of(published.getYear(), month, Math.min(day, 28)).withDayOfMonth(day);
    return switch (direction(m)) {
      case "last" -> (thisYear.isBefore(published) ? thisYear : thisYear.minusYears(1)).toString();
      case "next" -> (thisYear.isAfter(published) ? thisYear : thisYear.plusYears(1)).toString();
      default -> {
        LocalDate d = thisYear.plusYears(1);
        while (d.isAfter(published.plusDays(futureDays))) {
          d = d.minusYears(1);
        }
        yield d.toString();
      }
    };
  }

  private String monthAlone(Matcher m, LocalDate published) {
    if (published == null) {
      return null;
    }
    int month = month(m);
    YearMonth now = YearMonth.from(published);
    return switch (direction(m)) {
      case "last" -> {
        YearMonth ym = YearMonth.of(now.getYear(), month);
        yield (ym.isBefore(now) ? ym : ym.minusYears(1)).toString();
      }
      case "next" -> {
        YearMonth ym = YearMonth.of(now.getYear(), month);
        yield (ym.isAfter(now) ? ym : ym.plusYears(1)).toString();
      }
      case "this" -> YearMonth.of(now.getYear(), month).toString();
      default -> {
        YearMonth ym = YearMonth.of(now.getYear() + 1, month);
        while (ym.atDay(1).isAfter(published.plusDays(futureDays))) {
          ym = ym.minusYears(1);
        }
        yield ym.toString();
      }
    };
  }

  private static String weekday(Matcher m, LocalDate published) {
    if (published == null) {
      return null;
    }
    DayOfWeek dow = DayOfWeek.valueOf(m.group("weekday").toUpperCase(Locale.ROOT));
    return switch (direction(m)) {
      case "next" -> published.with(TemporalAdjusters.next(dow)).toString();
      case "last" -> published.with(TemporalAdjusters.previous(dow)).toString();
      default -> published.with(TemporalAdjusters.previousOrSame(dow)).toString();
    };
  }

  private static String relativeDay(Matcher m, LocalDate published) {
    if (published == null) {
      return null;
    }
    return switch (m.group("rel").toLowerCase(Locale.ROOT)) {
      case "yesterday" -> published.minusDays(1).toString();
      case "tomorrow" -> published.plusDays(1).toString();
      default -> published.toString();
    };
  }
}
