package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Working with results: copies of one story shown as one hit and expanded on demand, the download
 * and feed links of the search shown, and "not" on a facet value.
 */
class CopiesBrowserTest extends BrowserHarness {
  @BeforeAll
  static void start() throws Exception {
    startServer(dir -> {
      writeArticles(dir);
      // A copy of the Rafah story under another headline: one hit with "1 copy".
      write(dir.resolve("wire/2024-05-15-rafah-update.txt"), """
          UPDATE 1-Rafah crossing reopens for aid

          The Rafah crossing between Egypt and Gaza reopened on 14 May 2024, the United Nations said. \
          Aid trucks from Cairo had waited at the border for a week.
          """);
    });
  }

  private int groups() {
    Object t = js("const s = document.getElementById('status'); return Number(s.dataset.groups ?? -1);");
    return ((Number) t).intValue();
  }

  @Test
  void copiesExpandDownloadsHaveEveryArticleAndNotExcludes() {
    open("/?q=Rafah");
    waitForResults();
    assertEquals(groups(), driver.findElements(By.cssSelector("#results .hit")).size(), "one hit per story");
    assertTrue(groups() < total(), "the Rafah story and its copy are one hit: " + statusText());
    assertTrue(statusText().contains("(3 stories)"), statusText());
    WebElement toggle = wait.until(d -> d.findElements(By.cssSelector("#results .copies-toggle")).stream()
        .findFirst().orElse(null));
    assertEquals("1 copy", toggle.getText());
    WebElement hit = toggle.findElement(By.xpath("ancestor::li[contains(@class,'hit')]"));
    assertEquals("Rafah crossing reopens", hit.findElement(By.cssSelector(".hit-title a")).getText(),
        "the earliest-published copy stands for the story");
    toggle.click();
    WebElement copy = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .copies li.copy a")));
    assertEquals("UPDATE 1-Rafah crossing reopens for aid", copy.getText());
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    toggle.click();
    wait.until(d -> !copy.isDisplayed());

    // Download and feed links follow the search; the CSV has a row per article, copies included.
    String csvHref = driver.findElement(By.id("download-csv")).getAttribute("href");
    assertTrue(csvHref.contains("/api/export?") && csvHref.contains("q=Rafah") && csvHref.contains("format=csv"), csvHref);
    Object csv = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('download-csv').href).then(r => r.text()).then(done, e => done(String(e)));");
    String[] rows = String.valueOf(csv).strip().split("\\r?\\n"); // the driver may hand CRLF over as LF
    assertEquals("id,title,published,people,places,organizations,countries,group", rows[0]);
    assertEquals(total() + 1, rows.length, String.valueOf(csv));
    String feed = driver.findElement(By.id("feed-link")).getAttribute("href");
    assertTrue(feed.contains("/api/feed?q=Rafah"), feed);
    assertEquals(feed, driver.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
        .getAttribute("href"));

    // "not" leaves out a place; its chip takes it back.
    int before = total();
    WebElement not = wait.until(d -> d.findElements(By.cssSelector("#facet-places .facet-row")).stream()
        .filter(r -> r.findElement(By.cssSelector(".facet-label")).getText().equals("Cairo"))
        .map(r -> r.findElement(By.cssSelector("button.facet-not"))).findFirst().orElse(null));
    not.click();
    wait.until(d -> d.getCurrentUrl().contains("not_places=Cairo"));
    wait.until(d -> total() >= 0 && total() < before);
    for (WebElement h : driver.findElements(By.cssSelector("#results .hit"))) {
      assertFalse(h.getText().contains("Cairo"), h.getText());
    }
    WebElement chip = driver.findElement(By.cssSelector("#chips .chip"));
    assertTrue(chip.getText().contains("Not place: Cairo"), chip.getText());
    assertTrue(driver.findElement(By.id("download-csv")).getAttribute("href").contains("not_places=Cairo"));
    chip.click();
    wait.until(d -> total() == before);
    assertFalse(driver.getCurrentUrl().contains("not_places"), driver.getCurrentUrl());
    screenshot("copies-and-not");
  }
}
