package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The keyboard path: from page load to the first result in at most three key presses, the skip
 * link first, {@code /}, {@code j}/{@code k}, Enter and Escape, results before filters in the tab
 * order, and one tab stop per entity in an article and for the whole timeline.
 */
class KeyboardBrowserTest extends BrowserHarness {
  @BeforeAll
  static void start() throws Exception {
    startServer(BrowserHarness::writeWireArticles);
  }

  /** Presses keys on whatever has focus, as a user would. */
  private void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  @Test
  void threeKeyPressesFromLoadOpenTheFirstResult() {
    open("/?q=Rafah");
    waitForResults();
    assertEquals("body", active().getTagName(), "the page takes no focus by itself: the skip link stays the first tab stop");
    WebElement first = resultLinks().get(0);
    String title = first.getText();

    int presses = 0;
    press(Keys.TAB);
    presses++;
    WebElement skip = active();
    assertEquals("Skip to results", skip.getText(), "the first tab stop is the skip link");
    assertTrue(((Number) js("return arguments[0].getBoundingClientRect().top;", skip)).doubleValue() >= 0,
        "the focused skip link is on screen");
    press(Keys.ENTER);
    presses++;
    assertEquals(first, active(), "the skip link lands on the first result");
    assertTrue(presses <= 3, presses + " key presses");
    press(Keys.ENTER);
    presses++;
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    assertEquals(title, driver.findElement(By.id("article-title")).getText());
    assertTrue(presses <= 3, "the first result opened after " + presses + " key presses");
  }

  @Test
  void jAndKMoveBetweenResultsWithAVisibleFocusAndEnterOpens() {
    open("/?q=Rafah");
    waitForResults();
    List<WebElement> links = resultLinks();
    assertTrue(links.size() >= 3, "three articles mention Rafah: " + statusText());

    press("j");
    assertEquals(links.get(0), active());
    press("j");
    assertEquals(links.get(1), active());
    assertEquals(Boolean.TRUE, js("return document.activeElement.matches(':focus-visible');"), "the focus is visible");
    WebElement current = links.get(1).findElement(By.xpath("ancestor::li[contains(@class,'hit')]"));
    assertTrue(current.getAttribute("class").contains("current"), "the whole result is outlined: " + current.getAttribute("class"));
    screenshot("keyboard-current-result");
    press("j", "j", "j", "j");
    assertEquals(links.get(links.size() - 1), active(), "j stops at the last result");
    press("k");
    assertEquals(links.get(links.size() - 2), active());
    assertEquals(1, driver.findElements(By.cssSelector("#results .hit.current")).size(), "one current result");

    String title = active().getText();
    press(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    assertEquals(title, driver.findElement(By.id("article-title")).getText());
    assertTrue(driver.getCurrentUrl().contains("q=Rafah"), "the article knows the search: " + driver.getCurrentUrl());
  }

  @Test
  void slashFocusesTheSearchBoxEscapeClearsItAndLettersInTheBoxAreTyped() {
    open("/?q=Rafah");
    waitForResults();
    WebElement box = driver.findElement(By.id("q"));
    press("/");
    assertEquals(box, active(), "/ focuses the search box");
    press(Keys.END, " j/k");
    assertEquals("Rafah j/k", box.getAttribute("value"), "in the box, / j and k are typed");
    assertEquals(box, active());
    press(Keys.ESCAPE);
    wait.until(d -> d.findElement(By.id("q")).getAttribute("value").isEmpty());
    assertEquals(box, active(), "Escape clears the box and leaves the cursor in it");
    assertEquals(3, total(), "clearing the box is not a search");

    // On the article page too.
    open("/article.html?id=" + resultId());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    press("/");
    assertEquals(driver.findElement(By.id("q")), active());
  }

  @Test
  void resultsComeBeforeTheFiltersInTheTabOrder() {
    open("/");
    waitForResults();
    @SuppressWarnings("unchecked")
    Map<String, Object> order = (Map<String, Object>) js("""
        const stops = [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex]')]
          .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length);
        const first = document.querySelector('#results .hit-title a');
        const facet = document.querySelector('#facets button');
        const place = document.querySelector('#map a');
        return { before: stops.indexOf(first), facet: stops.indexOf(facet),
                 place: place ? stops.indexOf(place) : 1e9,
                 bars: stops.filter((e) => e.closest('#timeline')).length };
        """);
    int before = ((Number) order.get("before")).intValue();
    // The skip link, the search box and its button, download, JSON Lines, feed, sort and the
    // timeline (one stop): the map's places and the facets come after the results.
    assertTrue(before >= 0 && before <= 10, before + " tab stops before the first result");
    assertTrue(((Number) order.get("facet")).intValue() > before, "the facets come after the results: " + order);
    assertTrue(((Number) order.get("place")).doubleValue() > before, "the map's places come after the results: " + order);
    assertEquals(1L, ((Number) order.get("bars")).longValue(), "the timeline is one tab stop");

    // The arrows move along the timeline's bars.
    WebElement bar = driver.findElement(By.cssSelector("#timeline a.bar-link[tabindex='0']"));
    js("arguments[0].focus();", bar);
    press(Keys.ARROW_LEFT);
    WebElement left = active();
    assertFalse(left.equals(bar), "ArrowLeft moves to another bar");
    assertEquals("0", left.getAttribute("tabindex"));
    assertEquals("-1", bar.getAttribute("tabindex"));
  }

  @Test
  void anArticleHasOneTabStopPerDistinctEntity() {
    open("/?q=Kelley");
    waitForResults();
    resultLinks().get(0).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    List<WebElement> mentions = driver.findElements(By.cssSelector("#article-text a.ent"));
    long kelley = mentions.stream().filter(m -> m.getText().equals("Kelley Oil")).count();
    assertEquals(2, kelley, "Kelley Oil is mentioned twice");
    List<String> stops = mentions.stream()
        .filter(m -> !"-1".equals(m.getAttribute("tabindex")))
        .map(m -> m.getAttribute("data-type") + ":" + m.getAttribute("data-value"))
        .toList();
    assertEquals(stops.stream().distinct().count(), stops.size(), "one tab stop per entity: " + stops);
    assertEquals(mentions.stream().map(m -> m.getAttribute("data-type") + ":" + m.getAttribute("data-value")).distinct().count(),
        stops.size(), "every entity has its tab stop");
  }

  private String resultId() {
    String href = resultLinks().get(0).getAttribute("href");
    return href.replaceAll(".*[?&]id=([^&]*).*", "$1");
  }
}
