package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reading an article: paragraphs with hard-wrapped lines joined, entity mentions exactly their
 * words, the words of the search that led there marked (as text, whatever the query holds), and
 * the link to the original file, fetched to check what the server sends.
 */
class ReadingBrowserTest extends BrowserHarness {
  @BeforeAll
  static void start() throws Exception {
    startServer(BrowserHarness::writeWireArticles);
  }

  private void openFirstResultOf(String query) {
    open("/?q=" + query);
    waitForResults();
    resultLinks().get(0).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
  }

  @Test
  void theArticleIsInParagraphsWithTheSearchWordsMarked() {
    openFirstResultOf("Kelley+governments");
    assertTrue(driver.getCurrentUrl().contains("q=Kelley+governments"), driver.getCurrentUrl());
    assertEquals("Kelley Oil buying oil properties", driver.findElement(By.id("article-title")).getText());

    List<WebElement> paragraphs = driver.findElements(By.cssSelector("#article-text p"));
    assertEquals(2, paragraphs.size(), "two paragraphs, the headline apart: "
        + paragraphs.stream().map(WebElement::getText).toList());
    String first = paragraphs.get(0).getText();
    assertTrue(first.startsWith("HOUSTON, June 18 - Kelley Oil and Gas Partners said it has agreed to buy"), first);
    assertTrue(first.contains("properties in Texas from the government for 12 mln dlrs."), "hard wraps are joined: " + first);
    assertTrue(paragraphs.get(1).getText().startsWith("Kelley Oil said the properties, near Houston, would be paid for in cash."),
        paragraphs.get(1).getText());

    // Mentions are exactly their words, and the search's words are marked inside them too.
    List<String> mentions = driver.findElements(By.cssSelector("#article-text a.ent")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Kelley Oil", "Texas", "Kelley Oil", "Houston"), mentions);
    List<String> marked = driver.findElements(By.cssSelector("#article-text mark")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Kelley", "government", "Kelley", "government"), marked,
        "Kelley and government (the plural's stem) are marked, nothing else");
    assertFalse(driver.findElements(By.cssSelector("#article-text a.ent mark")).isEmpty(), "a mark inside a mention");
    assertTrue(driver.findElement(By.id("article-marks")).getText().contains("“Kelley governments”"),
        driver.findElement(By.id("article-marks")).getText());
    assertEquals(List.of("Kelley"),
        driver.findElements(By.cssSelector("#article-title mark")).stream().map(WebElement::getText).toList(),
        "the headline marks them too");
  }

  @Test
  void markingFoldsCaseAndAccentsAndSkipsExcludedWords() {
    // As if the search had been "erdogan ISTANBUL -rally" (which would not find this article).
    open("/?q=Istanbul");
    waitForResults();
    open(articleUrl() + "&q=erdogan+ISTANBUL+-rally");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    List<String> marked = driver.findElements(By.cssSelector("#article-text mark")).stream().map(WebElement::getText).toList();
    assertTrue(marked.contains("Erdoğan"), "accents fold: " + marked);
    assertTrue(marked.contains("Istanbul"), "case folds: " + marked);
    assertFalse(marked.contains("rally"), "an excluded word is not marked: " + marked);
  }

  @Test
  void aQueryWithMarkupIsOnlyText() {
    open("/?q=payload");
    waitForResults();
    String hostile = "payload <img src=x onerror=\"window.__pwned=9\"> <script>window.__pwned=8</script>";
    open(articleUrl() + "&q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article")));
    assertTrue(driver.findElement(By.id("article-marks")).getText().contains("<img src=x"), "the query shows as text");
    assertTrue(driver.findElements(By.cssSelector("#article img, #article script, #article-marks img")).isEmpty());
    assertFalse(driver.findElements(By.cssSelector("#article-text mark")).isEmpty(), "payload is marked");
    assertNull(js("return window.__pwned === undefined ? null : String(window.__pwned);"), "nothing from the query ran");
  }

  /** The first result's article page, without the query. */
  private String articleUrl() {
    return resultLinks().get(0).getAttribute("href").replaceAll("&q=.*$", "").replace(server.baseUrl(), "");
  }

  @Test
  void theOriginalFileLinkServesTheFile() {
    openFirstResultOf("Kelley");
    WebElement original = driver.findElement(By.cssSelector("#article-meta a.original"));
    assertEquals("Original file", original.getText());
    @SuppressWarnings("unchecked")
    Map<String, Object> got = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(async (r) => done({ status: r.status, type: r.headers.get('content-type'),
            disposition: r.headers.get('content-disposition'), csp: r.headers.get('content-security-policy'),
            nosniff: r.headers.get('x-content-type-options'), body: await r.text() }))
          .catch((e) => done({ status: -1, body: String(e) }));
        """, original.getAttribute("href"));
    assertEquals(200L, ((Number) got.get("status")).longValue(), String.valueOf(got));
    assertTrue(String.valueOf(got.get("type")).startsWith("text/plain"), "content type: " + got.get("type"));
    assertTrue(String.valueOf(got.get("disposition")).contains("1987-06-18-kelley.txt"),
        "a file that is not HTML comes with its name: " + got.get("disposition"));
    assertTrue(String.valueOf(got.get("csp")).contains("sandbox"), "the file runs nothing in our origin: " + got.get("csp"));
    assertEquals("nosniff", got.get("nosniff"));
    assertTrue(String.valueOf(got.get("body")).startsWith("Kelley Oil buying oil properties\n\nHOUSTON, June 18"),
        "the file itself, unchanged: " + got.get("body"));
  }
}
