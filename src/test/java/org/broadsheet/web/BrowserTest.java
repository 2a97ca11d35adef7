package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * End-to-end tests of the web front end ({@code web/}) in a real headless Chromium, against the
 * real server on five small articles ({@link BrowserHarness}): searching, facets, the timeline,
 * the article view, bad queries and hostile files. Reading, finding, the keyboard and
 * accessibility have their own classes beside this one.
 */
class BrowserTest extends BrowserHarness {
  @BeforeAll
  static void start() throws Exception {
    startServer(BrowserHarness::writeArticles);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void typingAQueryShowsResults() {
    open("/");
    waitForResults();
    WebElement box = driver.findElement(By.id("q"));
    box.click();
    box.sendKeys("Rafah", Keys.ENTER);
    waitForResults();
    assertTrue(total() >= 2, "several articles mention Rafah: " + statusText());
    assertTrue(statusText().contains("ms"), "time taken is shown: " + statusText());
    assertTrue(driver.getCurrentUrl().contains("q=Rafah"), driver.getCurrentUrl());
    assertEquals("Rafah — Broadsheet", driver.getTitle());

    List<WebElement> hits = driver.findElements(By.cssSelector("#results .hit"));
    assertEquals(total(), hits.size());
    WebElement first = hits.get(0);
    assertFalse(first.findElement(By.cssSelector(".hit-title a")).getText().isBlank());
    assertTrue(first.findElement(By.cssSelector(".hit-title a")).getAttribute("href").contains("/article.html?id="));
    assertFalse(driver.findElements(By.cssSelector("#results .snippet mark")).isEmpty(), "snippets highlight the query");
    for (WebElement mark : driver.findElements(By.cssSelector("#results .snippet mark"))) {
      assertEquals("rafah", mark.getText().toLowerCase());
    }
    assertTrue(driver.findElements(By.cssSelector("#timeline svg .bar")).size() > 0, "the timeline has bars");
    screenshot("search-desktop");

    resize(375, 800);
    screenshot("search-phone");
  }

  @Test
  void personFacetFiltersAndChipRemovesTheFilter() {
    open("/");
    waitForResults();
    int all = total();
    assertEquals(5, all, "the index has five articles: " + statusText());

    WebElement erdogan = facetButton("people", "Erdoğan");
    int facetCount = Integer.parseInt(erdogan.findElement(By.cssSelector(".count")).getText().replaceAll("\\D", ""));
    assertEquals(2, facetCount, "two articles name Erdoğan");
    String countsBefore = facetCounts("places");
    erdogan.click();

    wait.until(d -> total() == 2);
    assertTrue(driver.getCurrentUrl().contains("people="), driver.getCurrentUrl());
    WebElement chip = driver.findElement(By.cssSelector("#chips .chip"));
    assertTrue(chip.getText().contains("Erdoğan"), chip.getText());
    assertEquals("true", facetButton("people", "Erdoğan").getAttribute("aria-pressed"));
    assertNotEquals(countsBefore, facetCounts("places"), "the other facets' counts follow the filter");
    for (WebElement hit : driver.findElements(By.cssSelector("#results .hit"))) {
      assertTrue(hit.getText().contains("Erdoğan"), hit.getText());
    }

    driver.findElement(By.cssSelector("#chips .chip")).click();
    wait.until(d -> total() == all);
    assertTrue(driver.findElements(By.cssSelector("#chips .chip")).isEmpty(), "the chip is gone");
    assertFalse(driver.getCurrentUrl().contains("people="), driver.getCurrentUrl());

    // Back restores the filtered state, forward the unfiltered one.
    driver.navigate().back();
    wait.until(d -> total() == 2);
    assertEquals(1, driver.findElements(By.cssSelector("#chips .chip")).size());
    driver.navigate().forward();
    wait.until(d -> total() == all);
  }

  @Test
  void articleViewMarksEntitiesAndBackReturnsToTheSearch() {
    open("/?q=Ankara");
    waitForResults();
    String searchUrl = driver.getCurrentUrl();
    String hitMeta = driver.findElement(By.cssSelector("#results .hit-meta")).getText();
    assertTrue(hitMeta.contains("12 May 2024 · date from the file name"), "an inferred date says so: " + hitMeta);
    WebElement link = driver.findElement(By.cssSelector("#results .hit-title a"));
    String title = link.getText();
    link.click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    assertEquals(title, driver.findElement(By.id("article-title")).getText());
    String articleMeta = driver.findElement(By.id("article-meta")).getText();
    assertTrue(articleMeta.contains("12 May 2024 · date from the file name"), articleMeta);
    assertEquals(title + " — Broadsheet", driver.getTitle());
    wait.until(d -> !d.findElements(By.cssSelector("#article-text a.ent")).isEmpty());
    List<WebElement> people = driver.findElements(By.cssSelector("#article-text a.ent-person"));
    List<WebElement> places = driver.findElements(By.cssSelector("#article-text a.ent-place"));
    assertTrue(people.stream().anyMatch(e -> e.getText().contains("Erdoğan")), "Erdoğan is marked as a person");
    assertTrue(places.stream().anyMatch(e -> e.getText().equals("Ankara")), "Ankara is marked as a place");
    WebElement ankara = places.stream().filter(e -> e.getText().equals("Ankara")).findFirst().orElseThrow();
    assertTrue(ankara.getAttribute("href").contains("places="), ankara.getAttribute("href"));
    assertFalse(driver.findElements(By.cssSelector("#entity-lists .entity-list-person a")).isEmpty(), "entity lists");
    screenshot("article-desktop");
    resize(375, 800);
    screenshot("article-phone");
    resize(1280, 900);

    // A mark is a search for its entity.
    people.get(0).click();
    waitForResults();
    assertTrue(driver.getCurrentUrl().contains("people="), driver.getCurrentUrl());
    assertEquals(1, driver.findElements(By.cssSelector("#chips .chip")).size());

    driver.navigate().back();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    driver.navigate().back();
    wait.until(ExpectedConditions.urlToBe(searchUrl));
    waitForResults();
    assertEquals("Ankara", driver.findElement(By.id("q")).getAttribute("value"));
  }

  @Test
  void hostileTitleAndBodyAreShownAsTextAndNeverRun() {
    open("/?q=" + "payload");
    waitForResults();
    assertTrue(total() >= 1, statusText());
    assertNotPwned();
    WebElement link = driver.findElement(By.cssSelector("#results .hit-title a"));
    assertTrue(link.getText().contains("<script>"), "the title shows its markup as text: " + link.getText());
    assertTrue(driver.findElements(By.cssSelector("#results img, #results script")).isEmpty());

    link.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    assertTrue(driver.findElement(By.id("article-title")).getText().contains("<script>"));
    assertTrue(driver.findElement(By.id("article-text")).getText().contains("<img src=x"));
    assertTrue(driver.findElements(By.cssSelector("#article img, #article script, #article-side img")).isEmpty());
    assertNotPwned();
  }

  @Test
  void malformedQueryShowsTheServersError() {
    open("/");
    driver.findElement(By.id("q")).sendKeys("title:", Keys.ENTER);
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query-error")));
    assertFalse(error.getText().isBlank());
    assertEquals("true", driver.findElement(By.id("q")).getAttribute("aria-invalid"));

    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("Rafah", Keys.ENTER);
    waitForResults();
    assertFalse(driver.findElement(By.id("query-error")).isDisplayed(), "the error goes once the query is fixed");
  }

  @Test
  void noResultsSuggestWhatToDo() {
    open("/?q=zyzzyvaqqq");
    WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-results")));
    assertTrue(notice.getText().toLowerCase().contains("spelling"), notice.getText());
    assertEquals(0, total());
  }

  @Test
  void timelineBarFiltersByDate() {
    open("/");
    waitForResults();
    int all = total();
    List<WebElement> bars = driver.findElements(By.cssSelector("#timeline svg a.bar-link"));
    assertTrue(bars.size() >= 2, "the articles span several periods");
    WebElement last = bars.get(bars.size() - 1);
    String key = last.getAttribute("data-key");
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(last).click().perform();
    wait.until(d -> d.getCurrentUrl().contains("from=" + key) && d.getCurrentUrl().contains("to=" + key));
    wait.until(d -> total() < all);
    assertEquals(1, driver.findElements(By.cssSelector("#chips .chip")).size());
  }

  @Test
  void publishedFacetDrillsDownFromYearToMonth() {
    open("/");
    waitForResults();
    facetButton("published", "2024").click();
    wait.until(d -> total() == 4);
    WebElement may = facetButton("published", "May 2024");
    assertEquals("true", facetButton("published", "2024").getAttribute("aria-pressed"));
    may.click();
    wait.until(d -> total() == 2);
    assertTrue(driver.getCurrentUrl().contains("published=2024%2F05"), driver.getCurrentUrl());
    assertTrue(driver.findElement(By.cssSelector("#chips .chip")).getText().contains("May 2024"));
    assertEquals("May 2024 — Broadsheet", driver.getTitle());
  }

  @Test
  void keyboardAloneCanFilterAndClearFilters() {
    open("/?q=Rafah");
    waitForResults();
    int before = total();
    // Tab (past the results, which come first) to the first facet value, press Space, then to its chip and press Enter.
    WebElement firstFacet = driver.findElement(By.cssSelector("#facets button.facet-value"));
    WebElement active = driver.switchTo().activeElement();
    for (int i = 0; i < 80 && !active.equals(firstFacet); i++) {
      active.sendKeys(Keys.TAB);
      active = driver.switchTo().activeElement();
    }
    assertEquals(firstFacet, active, "the facets are reachable with Tab");
    active.sendKeys(Keys.SPACE);
    wait.until(d -> d.findElements(By.cssSelector("#chips .chip")).size() == 1);
    wait.until(d -> "true".equals(d.switchTo().activeElement().getAttribute("aria-pressed")));
    driver.findElement(By.cssSelector("#chips .chip")).sendKeys(Keys.ENTER);
    wait.until(d -> d.findElements(By.cssSelector("#chips .chip")).isEmpty() && total() == before);
  }
}
