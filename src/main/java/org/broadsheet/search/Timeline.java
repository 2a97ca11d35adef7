package org.broadsheet.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.broadsheet.index.Fields;

/**
 * The timeline of a search: counts per year, month or day of every match, the unit chosen so
 * the timeline has a readable number of bars. Read from the published year/month/day facet,
 * which drill sideways has already counted, rather than from each match's date: that per-match
 * pass cost a quarter of the CPU of a broad search on 100,000 articles. Under a published filter
 * the facet's sideways counts below the selected path are exactly the matches.
 */
public final class Timeline {
  /** The longest span, in days, shown day by day. */
  private static final int DAYS_UP_TO_DAYS = 62;
  /** The longest span, in days, shown month by month; longer spans are shown by year. */
  private static final int MONTHS_UP_TO_DAYS = 3 * 365;

  /** Counts below a published path: the years for (), a year's months for (year), a month's days for (year, month). */
  public interface Counts {
    /** Label → count, zero counts left out; empty for a path no article has. */
    Map<String, Long> below(String... path) throws IOException;
  }

  private Timeline() {
  }

  /** The counts of the published dimension in {@code facets}. */
  static Counts counts(Facets facets) {
    return path -> {
      FacetResult res;
      try {
        res = facets.getAllChildren(Fields.FACET_PUBLISHED, path);
      } catch (IllegalArgumentException e) {
        return Map.of(); // a path no article has
      }
      Map<String, Long> out = new TreeMap<>();
      if (res != null) {
        for (LabelAndValue lv : res.labelValues) {
          if (lv.value.longValue() > 0) {
            out.put(lv.label, lv.value.longValue());
          }
        }
      }
      return out;
    };
  }

  /** The histogram of {@code counts}, only within the {@code selected} published path (may be empty). */
  public static SearchResult.Histogram of(Counts counts, String[] selected) throws IOException {
    TreeMap<String, Long> years = new TreeMap<>(counts.below());
    if (selected.length >= 1) {
      years.keySet().retainAll(java.util.Set.of(selected[0]));
    }
    if (years.isEmpty()) {
      return none();
    }
    if (Integer.parseInt(years.lastKey()) - Integer.parseInt(years.firstKey()) >= 4) {
      // From 31 December of one year to 1 January four years on is already over 3 × 365 days.
      return buckets("year", years);
    }
    TreeMap<String, Long> perMonth = perMonth(counts, years.keySet());
    if (selected.length < 2 && monthsSettleIt(perMonth)) {
      return buckets("month", perMonth); // a month's count is the sum of its days': the bars the days would give
    }
    TreeMap<String, Long> perDay = perDay(counts, perMonth.keySet(), selected);
    if (perDay.isEmpty()) {
      return none();
    }
    long days = epochDay(perDay.lastKey()) - epochDay(perDay.firstKey());
    String interval = days > MONTHS_UP_TO_DAYS ? "year" : days > DAYS_UP_TO_DAYS ? "month" : "day";
    int keyLength = switch (interval) {
      case "year" -> 4;
      case "month" -> 7;
      default -> 10;
    };
    TreeMap<String, Long> bars = new TreeMap<>();
    perDay.forEach((day, n) -> bars.merge(day.substring(0, keyLength), n, Long::sum));
    return buckets(interval, bars);
  }

  /** "yyyy-MM" → count, of the years given. */
  private static TreeMap<String, Long> perMonth(Counts counts, Iterable<String> years) throws IOException {
    TreeMap<String, Long> perMonth = new TreeMap<>();
    for (String year : years) {
      counts.below(year).forEach((month, n) -> perMonth.put(year + "-" + month, n));
    }
    return perMonth;
  }

  /**
   * True when the months settle the unit as months whatever days the articles fall on: a span of
   * more than {@link #DAYS_UP_TO_DAYS} even from the first month's last day to the last month's
   * first day, and at most {@link #MONTHS_UP_TO_DAYS} even from the first month's first day to the
   * last month's last day. Then the days need not be read.
   */
  private static boolean monthsSettleIt(TreeMap<String, Long> perMonth) {
    if (perMonth.isEmpty()) {
      return false;
    }
    YearMonth first = YearMonth.parse(perMonth.firstKey());
    YearMonth last = YearMonth.parse(perMonth.lastKey());
    long shortest = last.atDay(1).toEpochDay() - first.atEndOfMonth().toEpochDay();
    long longest = last.atEndOfMonth().toEpochDay() - first.atDay(1).toEpochDay();
    return shortest > DAYS_UP_TO_DAYS && longest <= MONTHS_UP_TO_DAYS;
  }

  /** Day ("yyyy-MM-dd") → count, of the months given ("yyyy-MM"), within the selected path. */
  private static TreeMap<String, Long> perDay(Counts counts, Iterable<String> months, String[] selected)
      throws IOException {
    TreeMap<String, Long> perDay = new TreeMap<>();
    for (String yearMonth : months) {
      int dash = yearMonth.lastIndexOf('-');
      String year = yearMonth.substring(0, dash);
      String month = yearMonth.substring(dash + 1);
      if (selected.length >= 2 && !month.equals(selected[1])) {
        continue;
      }
      for (Map.Entry<String, Long> day : counts.below(year, month).entrySet()) {
        if (selected.length < 3 || day.getKey().equals(selected[2])) {
          perDay.put(yearMonth + "-" + day.getKey(), day.getValue());
        }
      }
    }
    return perDay;
  }

  /** A "yyyy-MM-dd" key as a day number, without a formatter (a fifth of a broad search's histogram). */
  private static long epochDay(String day) {
    return LocalDate.of(Integer.parseInt(day, 0, 4, 10), Integer.parseInt(day, 5, 7, 10),
        Integer.parseInt(day, 8, 10, 10)).toEpochDay();
  }

  public static SearchResult.Histogram none() {
    return new SearchResult.Histogram("year", List.of());
  }

  private static SearchResult.Histogram buckets(String interval, TreeMap<String, Long> counts) {
    List<SearchResult.Bucket> buckets = new ArrayList<>();
    counts.forEach((k, v) -> buckets.add(new SearchResult.Bucket(k, v)));
    return new SearchResult.Histogram(interval, buckets);
  }
}
