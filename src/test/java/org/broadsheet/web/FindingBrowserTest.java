package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Finding: the search box's completion (an ARIA 1.2 combobox on /api/suggest), "Did you mean"
 * for a misspelt query, browsing newest first, and snippets that do not repeat the headline.
 */
class FindingBrowserTest extends BrowserHarness {
  @BeforeAll
  static void start() throws Exception {
    startServer(BrowserHarness::writeWireArticles);
  }

  @Test
  void completionIsAKeyboardOperableCombobox() {
    open("/");
    waitForResults();
    WebElement box = driver.findElement(By.id("q"));
    assertEquals("combobox", box.getAttribute("role"));
    assertEquals("false", box.getAttribute("aria-expanded"));
    WebElement list = driver.findElement(By.id(box.getAttribute("aria-controls")));
    assertEquals("listbox", list.getAttribute("role"));

    box.click();
    box.sendKeys("erd");
    wait.until(ExpectedConditions.visibilityOf(list));
    assertEquals("true", box.getAttribute("aria-expanded"));
    List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
    assertFalse(options.isEmpty());
    assertTrue(options.stream().anyMatch(o -> fold(o.getText()).contains("erdogan")),
        "Erdoğan is offered for erd: " + options.stream().map(WebElement::getText).toList());
    assertNull(box.getAttribute("aria-activedescendant"), "no option is chosen before the arrows");

    box.sendKeys(Keys.ARROW_DOWN);
    assertEquals(options.get(0).getAttribute("id"), box.getAttribute("aria-activedescendant"));
    assertEquals("true", options.get(0).getAttribute("aria-selected"));
    assertEquals(box, active(), "focus stays in the box");
    box.sendKeys(Keys.ARROW_UP);
    String last = options.get(options.size() - 1).getAttribute("id");
    assertEquals(last, box.getAttribute("aria-activedescendant"), "ArrowUp from the first goes round to the last");

    box.sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOf(list));
    assertEquals("false", box.getAttribute("aria-expanded"));
    assertNull(box.getAttribute("aria-activedescendant"));
    assertEquals("erd", box.getAttribute("value"), "the first Escape only closes the list");

    // Reopen, choose the Erdoğan option with the arrows and Enter: the search runs with it.
    box.sendKeys(Keys.ARROW_DOWN);
    wait.until(ExpectedConditions.visibilityOf(list));
    List<WebElement> again = list.findElements(By.cssSelector("[role=option]"));
    int erdogan = 0;
    while (!fold(again.get(erdogan).getText()).contains("erdogan")) {
      erdogan++;
    }
    for (int i = 0; i < erdogan; i++) {
      box.sendKeys(Keys.ARROW_DOWN);
    }
    // The first ArrowDown opened the list and chose the first option.
    String chosen = again.get(erdogan).findElement(By.className("completion-text")).getText();
    box.sendKeys(Keys.ENTER);
    waitForResults();
    wait.until(d -> d.getCurrentUrl().contains("q="));
    assertTrue(fold(box.getAttribute("value")).contains(fold(chosen)), box.getAttribute("value") + " / " + chosen);
    assertTrue(total() >= 2, "the chosen completion finds articles: " + statusText());
    assertEquals("false", box.getAttribute("aria-expanded"));

    // Escape twice clears the box; no request is made for an empty prefix.
    box.sendKeys(Keys.ESCAPE, Keys.ESCAPE);
    wait.until(d -> box.getAttribute("value").isEmpty());
    Object emptyAsks = js("return performance.getEntriesByType('resource')"
        + ".filter((e) => /\\/api\\/suggest\\?(.*&)?prefix=(&|$)/.test(e.name)).length;");
    assertEquals(0L, ((Number) emptyAsks).longValue(), "no completion request for an empty prefix");
  }

  @Test
  void aMisspeltQueryIsOfferedTheRightSpellingWhichRunsOnClick() {
    open("/?q=goverment");
    WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestion")));
    waitForResults();
    WebElement link = suggestion.findElement(By.tagName("a"));
    assertEquals("government", link.getText());
    assertTrue(suggestion.getText().matches("Did you mean government \\(\\d+ articles?\\)\\?"), suggestion.getText());
    assertEquals("goverment", driver.findElement(By.id("q")).getAttribute("value"), "the query typed is never replaced");
    assertEquals(0, total(), "the misspelt query itself was searched");

    link.click();
    wait.until(d -> d.getCurrentUrl().contains("q=government"));
    waitForResults();
    assertTrue(total() >= 2, statusText());
    assertEquals("government", driver.findElement(By.id("q")).getAttribute("value"));
    assertFalse(driver.findElement(By.id("suggestion")).isDisplayed(), "a query that finds enough gets no suggestion");

    // A person's name: the index's own spelling.
    open("/?q=Erdogen");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestion a")));
    assertTrue(fold(name.getText()).contains("erdogan"), name.getText());
  }

  @Test
  void browsingIsNewestFirstAndTheSortMenuOffersTheOthers() {
    open("/");
    waitForResults();
    Select sort = new Select(driver.findElement(By.id("sort")));
    assertEquals("newest", sort.getFirstSelectedOption().getAttribute("value"), "no query: newest first, shown as such");
    assertEquals(List.of("relevance", "newest", "oldest"), sort.getOptions().stream().map(o -> o.getAttribute("value")).toList());
    List<String> dates = publishedDates();
    assertEquals(dates.stream().sorted((a, b) -> b.compareTo(a)).toList(), dates, "newest first");

    sort.selectByValue("oldest");
    wait.until(d -> d.getCurrentUrl().contains("sort=oldest"));
    waitForResults();
    List<String> oldest = publishedDates();
    assertEquals(oldest.stream().sorted().toList(), oldest, "oldest first");

    open("/?q=Rafah");
    waitForResults();
    assertEquals("relevance", new Select(driver.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"));
  }

  @Test
  void snippetsDoNotRepeatTheHeadline() {
    open("/?q=oil");
    waitForResults();
    WebElement hit = driver.findElement(By.cssSelector("#results .hit"));
    String title = hit.findElement(By.cssSelector(".hit-title")).getText();
    String snippet = hit.findElement(By.cssSelector(".snippet")).getText();
    assertFalse(snippet.startsWith(title), "the snippet starts after the headline: " + snippet);
    assertFalse(snippet.startsWith("HOUSTON"), "and after the dateline: " + snippet);
    assertFalse(hit.findElements(By.cssSelector(".snippet mark")).isEmpty(), "and still marks the match");
  }

  private List<String> publishedDates() {
    return driver.findElements(By.cssSelector("#results .hit-meta time")).stream()
        .map(t -> t.getAttribute("datetime")).toList();
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }
}
