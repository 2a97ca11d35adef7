package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.web.BroadsheetApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search matching more articles than the settings count exactly: its counts are estimates from a
 * sample, marked as such and near the exact ones; its hits (order, groups of copies, the copy shown,
 * the count of copies) are exactly those of a full count, in every order and mode, on any page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadSearchTest {
  private Path tmp;
  private Broadsheet archive;

  private static final int STORIES = 1_600;
  private static final long EXACT_UP_TO = 300;

  /** A story of 60 to 120 words from a small vocabulary: every story has "market", one in 40 has "tin". */
  private static String story(int s) {
    Random r = new Random(s);
    StringBuilder b = new StringBuilder("The market ");
    for (int i = 0, n = 60 + r.nextInt(60); i < n; i++) {
      b.append("w").append(r.nextInt(400)).append(i % 12 == 11 ? ". " : " ");
    }
    if (s % 40 == 0) {
      b.append("Tin prices rose. ");
    }
    return b.append("Story number ").append(s).append('.').toString();
  }

  /** A news page with its published time in a meta tag. */
  private void write(String name, String title, LocalDate date, String body) throws Exception {
    Path f = tmp.resolve("corpus").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "<html><head><title>" + title + "</title><meta property=\"article:published_time\" content=\""
        + date + "T09:00:00Z\"></head><body><p>" + body + "</p></body></html>");
  }

  @BeforeAll
  void index(@TempDir Path dir) throws Exception {
    tmp = dir;
    for (int s = 0; s < STORIES; s++) {
      LocalDate date = LocalDate.of(2001 + s % 12, 3, 1 + s % 28);
      write("stories/s" + s + ".html", "Report " + s, date, story(s));
      if (s % 8 == 0) { // a copy a day later under another headline
        write("copies/c" + s + ".html", "UPDATE 1-Report " + s, date.plusDays(1), story(s));
      }
    }
    SearchSettings search = new SearchSettings(1, Duration.ofSeconds(10), 0, EXACT_UP_TO);
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false),
        ParserLimits.DEFAULT, search);
    archive.index(List.of(tmp.resolve("corpus")));
  }

  @org.junit.jupiter.api.AfterAll
  void close() throws Exception {
    archive.close();
  }

  private static SearchRequest request(String q, SearchRequest.Sort sort, int page, boolean collapse) {
    return new SearchRequest(q, Map.of(), null, null, null, sort, page, 10, Map.of(), null, collapse, null);
  }

  private static void assertSameHits(SearchResult exact, SearchResult estimated) {
    assertEquals(exact.hits().stream().map(h -> h.id() + "/" + h.group() + "/" + h.copies()).toList(),
        estimated.hits().stream().map(h -> h.id() + "/" + h.group() + "/" + h.copies()).toList());
  }

  @Test
  void aBroadSearchIsCountedOnASampleAndItsHitsAreExact() throws Exception {
    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      for (boolean collapse : new boolean[] {true, false}) {
        for (int page : new int[] {1, 3}) {
          SearchRequest r = request("market", sort, page, collapse);
          SearchResult estimated = archive.search(r);
          SearchResult exact = archive.search(r.withExact(true));
          String what = sort + " collapse=" + collapse + " page " + page;
          assertTrue(estimated.estimated(), what);
          assertFalse(exact.estimated(), what);
          assertEquals(STORIES + STORIES / 8, exact.total(), what);
          assertEquals(10, estimated.hits().size(), what);
          assertSameHits(exact, estimated);
          assertTrue(estimated.total() <= STORIES + STORIES / 8, what + ": about " + estimated.total()
              + " of " + (STORIES + STORIES / 8) + " articles");
          assertEquals(FacetedSearch.roughly(estimated.total()), estimated.total(), "three significant figures");
          double error = Math.abs(estimated.total() - exact.total()) / (double) exact.total();
          assertTrue(error < 0.25, what + ": about " + estimated.total() + " for " + exact.total());
          if (collapse) {
            assertEquals(STORIES, exact.groups(), what);
            double groupError = Math.abs(estimated.groups() - exact.groups()) / (double) exact.groups();
            assertTrue(groupError < 0.25, what + ": about " + estimated.groups() + " groups for " + exact.groups());
          }
        }
      }
    }
  }

  @Test
  void estimatedYearCountsAreNearTheExactOnes() throws Exception {
    SearchRequest r = request("market", SearchRequest.Sort.RELEVANCE, 1, true);
    var estimated = archive.search(r).facets().get(Fields.FACET_PUBLISHED);
    var exact = archive.search(r.withExact(true)).facets().get(Fields.FACET_PUBLISHED);
    assertEquals(12, exact.size());
    long sumEstimated = estimated.stream().mapToLong(SearchResult.FacetValue::count).sum();
    long sumExact = exact.stream().mapToLong(SearchResult.FacetValue::count).sum();
    assertTrue(Math.abs(sumEstimated - sumExact) < sumExact / 4, sumEstimated + " for " + sumExact);
    assertTrue(estimated.size() >= 10, "years seen in the sample: " + estimated);
  }

  @Test
  void theApiSaysWhenCountsAreEstimatedAndCountsExactlyOnRequest() throws Exception {
    Path web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var estimated = json.readTree(client.get("/api/search?q=market").body().string());
      assertTrue(estimated.path("estimated").asBoolean(), estimated.toString());
      assertEquals(10, estimated.path("hits").size());
      var exact = json.readTree(client.get("/api/search?q=market&exact=true").body().string());
      assertFalse(exact.path("estimated").asBoolean(true), exact.toString());
      assertEquals(STORIES + STORIES / 8, exact.path("total").asLong());
      assertEquals(estimated.path("hits").findValuesAsText("id"), exact.path("hits").findValuesAsText("id"));
      var bad = client.get("/api/search?q=market&exact=perhaps");
      assertEquals(400, bad.code());
    });
  }

  @Test
  void estimatesAreRoundedToThreeSignificantFigures() {
    assertEquals(1_010_000, FacetedSearch.roughly(1_010_304));
    assertEquals(99_600, FacetedSearch.roughly(99_551));
    assertEquals(968, FacetedSearch.roughly(968));
  }

  @Test
  void aNarrowSearchIsCountedExactly() throws Exception {
    SearchRequest r = request("tin", SearchRequest.Sort.RELEVANCE, 1, true);
    SearchResult result = archive.search(r);
    assertFalse(result.estimated());
    assertEquals(2 * (STORIES / 40), result.total()); // stories 0, 40, 80... and a copy of each
    assertEquals(archive.search(r.withExact(true)).facets(), result.facets());
  }
}
