package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The timeline from plain per-day counts: no index involved. */
class TimelineTest {
  /** Counts below a published path, as the facet would give them, from "yyyy-MM-dd" → count. */
  private static Timeline.Counts days(Map<String, Long> perDay) {
    return path -> {
      Map<String, Long> out = new TreeMap<>();
      perDay.forEach((day, n) -> {
        String[] ymd = day.split("-");
        for (int i = 0; i < path.length; i++) {
          if (!ymd[i].equals(path[i])) {
            return;
          }
        }
        out.merge(ymd[path.length], n, Long::sum);
      });
      return out;
    };
  }

  private static SearchResult.Histogram timeline(Map<String, Long> perDay, String... selected) throws Exception {
    return Timeline.of(days(perDay), selected);
  }

  private static List<SearchResult.Bucket> buckets(Object... keyThenCount) {
    List<SearchResult.Bucket> out = new java.util.ArrayList<>();
    for (int i = 0; i < keyThenCount.length; i += 2) {
      out.add(new SearchResult.Bucket((String) keyThenCount[i], ((Number) keyThenCount[i + 1]).longValue()));
    }
    return out;
  }

  /**
   * The rule stated day by day: the span from the first to the last day picks the unit, and the
   * days are summed into its bars. Months settle many spans without their days being read; the
   * timeline must be this one whichever way it was found, near the edges of 62 days and three years
   * included, and under a selected year.
   */
  @Test
  void isTheDayByDayTimelineWhateverDaysTheArticlesFallOn() throws Exception {
    java.util.Random r = new java.util.Random(11);
    java.time.LocalDate base = java.time.LocalDate.of(2018, 1, 1);
    for (int round = 0; round < 3_000; round++) {
      int span = new int[] {40, 70, 120, 1_080, 1_200, 2_000}[round % 6];
      Map<String, Long> perDay = new TreeMap<>();
      int articles = 1 + r.nextInt(6);
      java.time.LocalDate first = base.plusDays(r.nextInt(60));
      if (round % 2 == 0) { // first and last day just either side of an edge
        int[] edges = {60, 61, 62, 63, 64, 1_093, 1_094, 1_095, 1_096, 1_097};
        perDay.put(first.toString(), 1L);
        perDay.put(first.plusDays(edges[r.nextInt(edges.length)]).toString(), 1L);
      }
      for (int i = 0; i < articles; i++) {
        perDay.merge(first.plusDays(r.nextInt(round % 2 == 0 ? 60 : span)).toString(), 1L + r.nextInt(3), Long::sum);
      }
      String[] selected = round % 5 == 0 ? new String[] {perDay.keySet().iterator().next().substring(0, 4)} : new String[0];
      Map<String, Long> inScope = new TreeMap<>(perDay);
      inScope.keySet().removeIf(day -> selected.length > 0 && !day.startsWith(selected[0]));
      long days = java.time.LocalDate.parse(((TreeMap<String, Long>) inScope).lastKey()).toEpochDay()
          - java.time.LocalDate.parse(((TreeMap<String, Long>) inScope).firstKey()).toEpochDay();
      String firstYear = ((TreeMap<String, Long>) inScope).firstKey().substring(0, 4);
      String lastYear = ((TreeMap<String, Long>) inScope).lastKey().substring(0, 4);
      String unit = Integer.parseInt(lastYear) - Integer.parseInt(firstYear) >= 4 || days > 3 * 365 ? "year"
          : days > 62 ? "month" : "day";
      int key = switch (unit) {
        case "year" -> 4;
        case "month" -> 7;
        default -> 10;
      };
      TreeMap<String, Long> bars = new TreeMap<>();
      inScope.forEach((day, n) -> bars.merge(day.substring(0, key), n, Long::sum));
      List<SearchResult.Bucket> expected = new java.util.ArrayList<>();
      bars.forEach((k, n) -> expected.add(new SearchResult.Bucket(k, n)));
      assertEquals(new SearchResult.Histogram(unit, expected), timeline(perDay, selected), perDay + " under " + List.of(selected));
    }
  }

  @Test
  void nothingCountedIsAnEmptyYearTimeline() throws Exception {
    assertEquals(new SearchResult.Histogram("year", List.of()), timeline(Map.of()));
  }

  @Test
  void fiveYearsOrMoreAreCountedByYear() throws Exception {
    var h = timeline(Map.of("2019-03-01", 2L, "2019-08-09", 1L, "2024-01-02", 4L));
    assertEquals("year", h.interval());
    assertEquals(buckets("2019", 3, "2024", 4), h.buckets());
  }

  @Test
  void aSpanOfMonthsIsCountedByMonth() throws Exception {
    var h = timeline(Map.of("2023-11-30", 1L, "2024-01-05", 2L, "2024-01-20", 3L, "2024-03-01", 1L));
    assertEquals("month", h.interval());
    assertEquals(buckets("2023-11", 1, "2024-01", 5, "2024-03", 1), h.buckets());
  }

  @Test
  void twoMonthsOrLessAreCountedByDay() throws Exception {
    var h = timeline(Map.of("2024-02-01", 1L, "2024-02-20", 2L, "2024-03-10", 3L));
    assertEquals("day", h.interval());
    assertEquals(buckets("2024-02-01", 1, "2024-02-20", 2, "2024-03-10", 3), h.buckets());
  }

  @Test
  void overThreeYearsWithinFourCalendarYearsIsCountedByYear() throws Exception {
    var h = timeline(Map.of("2020-01-01", 1L, "2023-12-31", 1L));
    assertEquals("year", h.interval());
    assertEquals(buckets("2020", 1, "2023", 1), h.buckets());
  }

  @Test
  void aSelectedPublishedPathKeepsOnlyItsCounts() throws Exception {
    Map<String, Long> perDay = Map.of("2019-07-15", 1L, "2019-07-20", 2L, "2019-11-01", 5L, "2021-01-01", 7L);
    assertEquals(buckets("2019-07-15", 1, "2019-07-20", 2), timeline(perDay, "2019", "07").buckets());
    assertEquals(buckets("2019-07-20", 2), timeline(perDay, "2019", "07", "20").buckets());
    assertEquals(buckets("2019-07", 3, "2019-11", 5), timeline(perDay, "2019").buckets());
    assertEquals(List.of(), timeline(perDay, "2020").buckets());
  }
}
