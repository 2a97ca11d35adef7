package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core (installed into target/ by the build, see pom.xml's axe-core-install) finds no WCAG 2.0
 * and 2.1 A/AA violation in any state of the pages: results, browsing, no results with a
 * suggestion, a selected facet, the completion list open, an article from a search. Each state is
 * checked at desktop (1280) and phone (390) widths, and photographed at both into
 * target/screenshots/.
 */
class AccessibilityBrowserTest extends BrowserHarness {
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static String axeSource;

  @BeforeAll
  static void start() throws Exception {
    Path axe = Paths.get(System.getProperty("axe.script", "target/axe-core/node_modules/axe-core/axe.min.js"));
    assertTrue(Files.isRegularFile(axe), "axe-core is missing at " + axe + ": the build's axe-core-install puts it there");
    axeSource = Files.readString(axe);
    startServer(BrowserHarness::writeWireArticles);
  }

  @Test
  void results() throws IOException {
    open("/?q=Rafah");
    waitForResults();
    checkBothWidths("results");
  }

  @Test
  void browsingNewestFirst() throws IOException {
    open("/");
    waitForResults();
    checkBothWidths("browse");
  }

  @Test
  void noResultsWithASuggestion() throws IOException {
    open("/?q=goverment");
    waitForResults();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestion")));
    checkBothWidths("suggestion");
  }

  @Test
  void aFacetSelected() throws IOException {
    open("/");
    waitForResults();
    facetButton("people", "Erdoğan").click();
    wait.until(d -> total() == 2);
    checkBothWidths("facet-selected");
  }

  @Test
  void completionOpen() throws IOException {
    open("/");
    waitForResults();
    WebElement box = driver.findElement(By.id("q"));
    box.click();
    box.sendKeys("erd");
    WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-completions")));
    box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    assertTrue(list.isDisplayed());
    assertViolations("completion-desktop");
    screenshot("completion-desktop");
    resize(390, 844);
    assertTrue(list.isDisplayed(), "the list stays open");
    assertViolations("completion-phone");
    screenshot("completion-phone");
  }

  @Test
  void anArticleFromASearch() throws IOException {
    open("/?q=Kelley+government");
    waitForResults();
    resultLinks().get(0).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    checkBothWidths("article");
  }

  private void checkBothWidths(String name) throws IOException {
    assertViolations(name + "-desktop");
    screenshot(name + "-desktop");
    resize(390, 844);
    assertViolations(name + "-phone");
    screenshot(name + "-phone");
  }

  /** Runs axe-core on the page as it is and fails with each violation's id and targets. */
  private void assertViolations(String state) {
    js(axeSource);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
          .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
              targets: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
          .catch((e) => done([{ id: 'axe-error', impact: 'error', help: String(e), targets: [] }]));
        """, TAGS);
    String report = violations.stream()
        .map(v -> v.get("id") + " (" + v.get("impact") + ", " + v.get("help") + "): " + v.get("targets"))
        .collect(Collectors.joining("\n  "));
    assertEquals(0, violations.size(), "axe-core found WCAG A/AA violations on " + state + ":\n  " + report);
  }
}
