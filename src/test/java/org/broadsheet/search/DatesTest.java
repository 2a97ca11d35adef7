package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.broadsheet.search.TestArchive.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The from/to filter on published dates and the histogram of the hits. */
class DatesTest {
  @TempDir
  static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void build() throws Exception {
    searcher = TestArchive.open(tmp, List.of(
        doc("d1", "Grain", "Grain exports rose.", "2019-06-30T23:59:59Z"),
        doc("d2", "Grain", "Grain exports fell.", "2019-07-01T00:00:00Z"),
        doc("d3", "Grain", "Grain prices steady.", "2019-07-15"),
        doc("d4", "Grain", "Grain harvest late.", "2021-03-03"),
        doc("d5", "Grain", "Grain stocks low.", "2024-12-31"),
        doc("d6", "Grain", "Grain note, undated.", null)));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  private static SearchResult range(String q, String from, String to) throws Exception {
    return searcher.search(new SearchRequest(q, Map.of(), null, from, to, SearchRequest.Sort.OLDEST, 1, 100));
  }

  private static Set<String> found(String from, String to) throws Exception {
    return new TreeSet<>(ids(range("grain", from, to)));
  }

  @Test
  void fromAndToAreInclusiveWholePeriods() throws Exception {
    assertEquals(Set.of("d2", "d3"), found("2019-07", "2019-07"));
    assertEquals(Set.of("d1", "d2", "d3"), found(null, "2019"));
    assertEquals(Set.of("d1"), found("2019-06-30", "2019-06-30"));
    assertEquals(Set.of("d4", "d5"), found("2020", null));
    assertEquals(Set.of("d5"), found("2024-12-31", ""));
    assertEquals(Set.of("d1", "d2", "d3", "d4", "d5", "d6"), found(null, null), "no filter keeps undated articles");
    assertEquals(Set.of(), found("2022", "2023"));
  }

  @Test
  void badDatesAreRefused() {
    assertThrows(BadQueryException.class, () -> range("grain", "2024-13", null));
    assertThrows(BadQueryException.class, () -> range("grain", "yesterday", null));
    assertThrows(BadQueryException.class, () -> range("grain", null, "2019-02-30"));
    assertThrows(BadQueryException.class, () -> range("grain", "2024", "2019"));
  }

  @Test
  void histogramByYearOverLongSpans() throws Exception {
    SearchResult.Histogram h = range("grain", null, null).histogram();
    assertEquals("year", h.interval());
    assertEquals(List.of(new SearchResult.Bucket("2019", 3), new SearchResult.Bucket("2021", 1),
        new SearchResult.Bucket("2024", 1)), h.buckets());
  }

  @Test
  void histogramByMonthThenDayAsTheSpanShrinks() throws Exception {
    SearchResult.Histogram months = range("grain", "2019", "2021").histogram();
    assertEquals("month", months.interval());
    assertEquals(List.of(new SearchResult.Bucket("2019-06", 1), new SearchResult.Bucket("2019-07", 2),
        new SearchResult.Bucket("2021-03", 1)), months.buckets());
    SearchResult.Histogram days = range("grain", "2019-06", "2019-07").histogram();
    assertEquals("day", days.interval());
    assertEquals(List.of(new SearchResult.Bucket("2019-06-30", 1), new SearchResult.Bucket("2019-07-01", 1),
        new SearchResult.Bucket("2019-07-15", 1)), days.buckets());
  }

  @Test
  void histogramCountsOnlyTheHits() throws Exception {
    SearchResult r = range("exports", null, null);
    assertEquals(List.of(new SearchResult.Bucket("2019-06-30", 1), new SearchResult.Bucket("2019-07-01", 1)),
        r.histogram().buckets());
    assertEquals(List.of(), range("nothingmatches", null, null).histogram().buckets());
  }

  @Test
  void histogramUnderAPublishedDrillDownShowsOnlyThatPeriod() throws Exception {
    SearchResult year = published("2019");
    assertEquals(3, year.total());
    assertEquals("day", year.histogram().interval());
    assertEquals(List.of(new SearchResult.Bucket("2019-06-30", 1), new SearchResult.Bucket("2019-07-01", 1),
        new SearchResult.Bucket("2019-07-15", 1)), year.histogram().buckets());
    assertEquals(List.of(new SearchResult.Bucket("2019-07-01", 1), new SearchResult.Bucket("2019-07-15", 1)),
        published("2019/07").histogram().buckets());
    assertEquals(List.of(new SearchResult.Bucket("2019-07-15", 1)), published("2019/07/15").histogram().buckets());
    assertEquals(List.of(), published("2020").histogram().buckets());
  }

  @Test
  void aPublishedDrillDownTakesEachArticleByItsUtcDayAsTheFacetDoes() throws Exception {
    // One second either side of midnight between June and July: each article in its own day, month and year.
    assertEquals(Set.of("d1"), new TreeSet<>(ids(published("2019/06"))));
    assertEquals(Set.of("d1"), new TreeSet<>(ids(published("2019/06/30"))));
    assertEquals(Set.of("d2"), new TreeSet<>(ids(published("2019/07/01"))));
    assertEquals(Set.of("d2", "d3"), new TreeSet<>(ids(published("2019/7"))));
    assertEquals(Set.of("d1", "d2", "d3"), new TreeSet<>(ids(published("2019"))));
    assertEquals(Set.of("d5"), new TreeSet<>(ids(published("2024/12/31"))));
    assertEquals(Set.of(), new TreeSet<>(ids(published("2020"))), "no article, and the undated one is not in any period");
  }

  private static SearchResult published(String path) throws Exception {
    return searcher.search(new SearchRequest("grain", Map.of(), path, null, null, SearchRequest.Sort.OLDEST, 1, 100));
  }
}
