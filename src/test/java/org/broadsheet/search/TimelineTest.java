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
