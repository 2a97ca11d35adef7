package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.broadsheet.Broadsheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The archive's second way in: entity pages (timeline, related entities, articles, spellings), the
 * links that lead there, the search map, and a correction made beside the running server.
 */
class EntityBrowserTest extends BrowserHarness {
  @BeforeAll
  static void start() throws Exception {
    startServer(BrowserHarness::writeArticles);
  }
  @Test
  void entityPageShowsTimelineRelatedArticlesAndSpellings() {
    open("/");
    waitForResults();
    WebElement about = wait.until(d -> d.findElements(By.cssSelector("#facet-people li")).stream()
        .filter(li -> li.getText().contains("Erdoğan"))
        .map(li -> li.findElement(By.cssSelector("a.facet-about")))
        .findFirst().orElse(null));
    about.click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity")));
    assertEquals("Recep Tayyip Erdoğan", driver.findElement(By.id("entity-name")).getText());
    assertEquals("Recep Tayyip Erdoğan — Broadsheet", driver.getTitle());
    assertTrue(driver.findElement(By.id("entity-summary")).getText().contains("2 articles"),
        driver.findElement(By.id("entity-summary")).getText());
    assertFalse(driver.findElements(By.cssSelector("#timeline svg .bar")).isEmpty(), "a timeline");
    assertEquals(2, driver.findElements(By.cssSelector("#entity-article-list .entity-article")).size());
    assertFalse(driver.findElements(By.cssSelector("#entity-article-list .snippet mark")).isEmpty(),
        "the name is marked in the snippets");
    List<String> related = driver.findElements(By.cssSelector("#entity-related-lists a")).stream()
        .map(WebElement::getText).toList();
    assertTrue(related.containsAll(List.of("Ankara", "Istanbul")), related.toString());
    assertFalse(related.contains("Paris"), "Paris has nothing to do with him: " + related);
    assertTrue(driver.findElement(By.id("entity-alias-list")).getText().contains("Recep Tayyip Erdoğan"));
    assertTrue(driver.findElements(By.cssSelector("#entity-map")).get(0).getAttribute("hidden") != null,
        "a person has no map");
    screenshot("entity-desktop");
    resize(375, 800);
    screenshot("entity-phone");
    resize(1280, 900);

    // A related entity is a page of its own...
    driver.findElements(By.cssSelector("#entity-related-lists a")).stream()
        .filter(a -> a.getText().equals("Istanbul")).findFirst().orElseThrow().click();
    wait.until(d -> d.findElement(By.id("entity-name")).getText().equals("Istanbul"));
    // A place's page shows where it is (drawn once the outline has loaded).
    wait.until(d -> !d.findElements(By.cssSelector("#entity-map svg circle.current")).isEmpty());
    screenshot("entity-place-desktop");
    // ...and "search articles that mention it" is a search with its filter.
    driver.findElement(By.id("entity-search")).click();
    waitForResults();
    assertEquals(1, total());
    assertTrue(driver.getCurrentUrl().contains("places=Istanbul"), driver.getCurrentUrl());
  }

  @Test
  void resultTagsAndArticleListsLeadToEntityPages() {
    open("/?q=Ankara");
    waitForResults();
    WebElement tag = driver.findElements(By.cssSelector("#results .tags a.tag-place")).stream()
        .filter(a -> a.getText().contains("Ankara")).findFirst().orElseThrow();
    assertTrue(tag.getAttribute("href").contains("/entity.html?dim=places&value=Ankara"), tag.getAttribute("href"));
    driver.findElement(By.cssSelector("#results .hit-title a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    WebElement person = wait.until(d -> d.findElements(By.cssSelector("#entity-lists .entity-list-person a")).stream()
        .filter(a -> a.getText().contains("Biden")).findFirst().orElse(null));
    person.click();
    wait.until(d -> d.findElement(By.id("entity-name")).getText().equals("Joe Biden"));
  }

  @Test
  void searchMapDrawsPlacesAndACircleFilters() {
    open("/?q=Rafah");
    waitForResults();
    wait.until(d -> !d.findElements(By.cssSelector("#map svg a.place-link circle")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#map svg .land path")).isEmpty(), "the world outline is drawn");
    List<WebElement> circles = driver.findElements(By.cssSelector("#map svg a.place-link"));
    List<String> names = circles.stream().map(a -> a.getAttribute("data-value")).toList();
    assertTrue(names.containsAll(List.of("Rafah", "Ankara", "Cairo")), names.toString());
    int before = total();
    screenshot("map-desktop");
    resize(375, 800);
    screenshot("map-phone");
    resize(1280, 900);

    WebElement cairo = circles.stream().filter(a -> "Cairo".equals(a.getAttribute("data-value"))).findFirst().orElseThrow();
    js(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, button: 0}));", cairo);
    wait.until(d -> total() == 1 && d.getCurrentUrl().contains("places=Cairo"));
    assertTrue(before > 1, "the filter narrowed the results");
    wait.until(d -> d.findElements(By.cssSelector("#map svg a.place-link.active")).size() == 1);
  }

  @Test
  void anUnknownOrHostileEntityIsAMessageNeverScript() {
    open("/entity.html?dim=people&value=" + java.net.URLEncoder.encode(
        "<img src=x onerror=\"window.__pwned=1;document.title='pwned'\">", StandardCharsets.UTF_8));
    WebElement notice = wait.until(d -> d.findElements(By.cssSelector("#main .notice-error")).stream().findFirst().orElse(null));
    assertTrue(notice.getText().contains("<img src=x"), "the value is shown as text: " + notice.getText());
    assertNotPwned();
    open("/entity.html?dim=dates&value=2024");
    wait.until(d -> d.findElement(By.cssSelector("#main .notice-error")).getText().contains("No entity chosen"));
  }

  /** A correction made beside the running server (as 'broadsheet entities merge' does) shows on its pages. */
  @Test
  void aCorrectionIsSeenThroughTheRunningServer() throws Exception {
    open("/");
    waitForResults();
    assertTrue(facetButton("places", "Istanbul").isDisplayed());
    org.broadsheet.index.EntityCorrections.Change change;
    try (Broadsheet cli = Broadsheet.open(server.archive().indexDir())) {
      change = cli.corrections().add((id, at) -> new org.broadsheet.index.EntityRule(id,
          org.broadsheet.index.EntityRule.Action.MERGE, "places", List.of("Istanbul"), "Ankara", at));
    }
    try {
      server.archive().refresh(); // the server's searcher does this by itself within a second
      open("/");
      waitForResults();
      WebElement ankara = facetButton("places", "Ankara");
      assertEquals("2", ankara.findElement(By.cssSelector(".count")).getText().replaceAll("\\D", ""));
      assertTrue(driver.findElements(By.cssSelector("#facet-places button.facet-value")).stream()
          .noneMatch(b -> b.getText().contains("Istanbul")), facetCounts("places"));
      open("/entity.html?dim=places&value=Ankara");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity")));
      assertTrue(driver.findElement(By.id("entity-summary")).getText().contains("2 articles"));
      assertTrue(driver.findElement(By.id("entity-alias-list")).getText().contains("Istanbul"),
          "the merged spelling is one of its spellings");
      screenshot("entity-merged-desktop");
      open("/entity.html?dim=places&value=Istanbul");
      wait.until(d -> !d.findElements(By.cssSelector("#main .notice-error")).isEmpty());
    } finally {
      try (Broadsheet cli = Broadsheet.open(server.archive().indexDir())) {
        cli.corrections().drop(change.added().orElseThrow().id());
      }
      server.archive().refresh();
    }
  }
}
