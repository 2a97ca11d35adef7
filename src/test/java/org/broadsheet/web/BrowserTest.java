package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.ArchiveIndexer;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end tests of the web front end ({@code web/}) in a real headless Chromium,
 * against the real server on a small index the test builds from articles it writes.
 *
 * <p>Chromium and its driver are Debian's {@code chromium} and {@code chromium-driver}
 * ({@code scripts/ensure-chromium.sh} installs them). They are looked up as
 * {@code $CHROME_BIN} / {@code $CHROMEDRIVER}, then {@code /usr/bin/chromium},
 * {@code /usr/bin/chromium-browser}, {@code /usr/bin/google-chrome} and
 * {@code /usr/bin/chromedriver}, then on the PATH. The driver is started by path, so
 * Selenium Manager never downloads anything. When either is missing the tests are
 * skipped with a message saying so.
 *
 * <p>Screenshots of the search page and an article page at desktop (1280x900) and phone
 * (375x800) widths are written to {@code target/screenshots/}.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@Tag("slow")
class BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  /** The console's line for an API request answered with an error status, e.g. the 400 for a bad query. */
  private static final Pattern API_ERROR_STATUS = Pattern.compile(
      "^https?://[^/\\s]+/api/\\S* - Failed to load resource: the server responded with a status of [45]\\d\\d\\b");

  private static Path chromium;
  private static Path chromedriver;
  private static TestServer server;
  private static Path tempRoot;

  private WebDriver driver;
  private Path profileDir;

  // ---------------------------------------------------------------- setup

  @BeforeAll
  static void startServerAndDriver() throws Exception {
    chromium = findExecutable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome").orElse(null);
    chromedriver = findExecutable("CHROMEDRIVER", "chromedriver").orElse(null);
    Assumptions.assumeTrue(chromium != null && chromedriver != null,
        "Browser tests skipped: " + (chromium == null ? "no chromium found" : "no chromedriver found")
            + " (looked at $CHROME_BIN/$CHROMEDRIVER, /usr/bin and the PATH); run scripts/ensure-chromium.sh");

    tempRoot = Files.createTempDirectory("broadsheet-browser-test");
    Path articles = Files.createDirectories(tempRoot.resolve("articles"));
    writeArticles(articles);
    server = TestServer.start(tempRoot.resolve("index"), articles, Paths.get("web"));
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (server != null) {
      server.close();
    }
    deleteTree(tempRoot);
  }

  @BeforeEach
  void openBrowser() throws IOException {
    profileDir = Files.createTempDirectory("broadsheet-chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    // The driver by path: Selenium Manager is never asked to find or download one.
    // One service per browser: quit() stops the service it was given.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser(TestInfo info) {
    try {
      if (driver != null) {
        List<String> errors = consoleErrors();
        driver.quit();
        driver = null;
        if (!errors.isEmpty()) {
          System.err.println(info.getDisplayName() + ": browser console errors: " + errors);
        }
        List<String> csp = errors.stream().filter(e -> e.contains("Content Security Policy")).toList();
        assertTrue(csp.isEmpty(), "the page broke its Content-Security-Policy: " + csp);
        // A script module that fails to load or link (404, wrong type, missing export) or throws
        // shows up here; an API answer with an error status is a test's doing and is allowed.
        List<String> unexpected = errors.stream().filter(e -> !API_ERROR_STATUS.matcher(e).find()).toList();
        assertTrue(unexpected.isEmpty(), "the browser console has errors: " + unexpected);
      }
    } finally {
      deleteTree(profileDir);
    }
  }

  // ---------------------------------------------------------------- tests

  @Test
  void typingAQueryShowsResults() {
    open("/");
    WebElement box = driver.findElement(By.id("q"));
    assertEquals(box, driver.switchTo().activeElement(), "the search box has focus on load");

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
    // Tab to the first facet value, press Space, then to its chip and press Enter.
    WebElement firstFacet = driver.findElement(By.cssSelector("#facets button.facet-value"));
    WebElement active = driver.switchTo().activeElement();
    for (int i = 0; i < 20 && !active.equals(firstFacet); i++) {
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
    ((JavascriptExecutor) driver).executeScript(
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

  // ---------------------------------------------------------------- helpers

  private WebDriverWait wait;

  private void open(String path) {
    driver.get(server.baseUrl() + path);
    wait = new WebDriverWait(driver, WAIT);
  }

  private void waitForResults() {
    wait.until(d -> {
      Object t = ((JavascriptExecutor) d).executeScript(
          "const s = document.getElementById('status');"
              + "return s && s.dataset.total !== undefined && !document.body.classList.contains('loading') ? s.dataset.total : null;");
      return t != null;
    });
  }

  private int total() {
    Object t = ((JavascriptExecutor) driver).executeScript(
        "const s = document.getElementById('status'); return document.body.classList.contains('loading') ? -1 : Number(s.dataset.total ?? -1);");
    return ((Number) t).intValue();
  }

  private String statusText() {
    return driver.findElement(By.id("status")).getText();
  }

  private WebElement facetButton(String dim, String contains) {
    return wait.until(d -> d.findElements(By.cssSelector("#facet-" + dim + " button.facet-value")).stream()
        .filter(b -> b.getText().contains(contains))
        .findFirst().orElse(null));
  }

  private String facetCounts(String dim) {
    StringBuilder sb = new StringBuilder();
    for (WebElement b : driver.findElements(By.cssSelector("#facet-" + dim + " button.facet-value"))) {
      sb.append(b.getText().replace('\n', ' ')).append('|');
    }
    return sb.toString();
  }

  private void assertNotPwned() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertNull(js.executeScript("return window.__pwned === undefined ? null : String(window.__pwned);"),
        "injected script ran");
    assertNotEquals("pwned", driver.getTitle());
  }

  /** Resizes the window and checks that nothing makes the page scroll sideways. */
  private void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;")).intValue() <= width);
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "const w = document.documentElement.clientWidth; const wide = [];"
            + "for (const e of document.querySelectorAll('body *')) {"
            // An SVG clips what lies outside its view (a zoomed map's countries): only the svg's own box counts.
            + "  if (e.ownerSVGElement) continue;"
            + "  const r = e.getBoundingClientRect(); if (r.width && r.right > w + 1) wide.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));"
            + "} return wide.slice(0, 5).join(', ');");
    assertEquals("", overflow, "elements wider than the " + width + "px window");
  }

  /** SEVERE entries of the browser console: script errors, failed loads, CSP violations. */
  private List<String> consoleErrors() {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
          .map(LogEntry::getMessage)
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** Writes target/screenshots/NAME.png: the whole page where Chromium allows, else the viewport. */
  private void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      byte[] png = null;
      if (driver instanceof ChromeDriver chrome) {
        try {
          Number w = (Number) ((JavascriptExecutor) driver).executeScript(
              "return Math.max(window.innerWidth, document.documentElement.scrollWidth);");
          Number h = (Number) ((JavascriptExecutor) driver).executeScript(
              "return Math.min(4000, document.documentElement.scrollHeight);");
          Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of(
              "format", "png",
              "captureBeyondViewport", true,
              "clip", Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
          png = Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
          png = null;
        }
      }
      if (png == null) {
        png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      }
      Files.write(file, png);
    } catch (IOException e) {
      fail("could not write screenshot " + name + ": " + e);
    }
  }

  static Optional<Path> findExecutable(String envVar, String... names) {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv(envVar);
    if (env != null && !env.isBlank()) {
      candidates.add(Paths.get(env));
    }
    for (String name : names) {
      candidates.add(Paths.get("/usr/bin", name));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        for (String name : names) {
          if (!dir.isBlank()) {
            candidates.add(Paths.get(dir, name));
          }
        }
      }
    }
    return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  // ---------------------------------------------------------------- test data

  private static void writeArticles(Path dir) throws IOException {
    write(dir.resolve("world/2024-05-12-ankara.txt"), """
        Erdoğan meets Biden in Ankara

        Turkish President Recep Tayyip Erdoğan met U.S. President Joe Biden in Ankara on 12 May 2024. \
        The two leaders discussed the fighting around Rafah and the work of the United Nations in Gaza.
        """);
    write(dir.resolve("world/2024-05-14-rafah.txt"), """
        Rafah crossing reopens

        The Rafah crossing between Egypt and Gaza reopened on 14 May 2024, the United Nations said. \
        Aid trucks from Cairo had waited at the border for a week.
        """);
    write(dir.resolve("world/2023-11-02-istanbul.txt"), """
        Erdoğan speaks in Istanbul

        Recep Tayyip Erdoğan addressed a large rally in Istanbul on 2 November 2023 and spoke about Rafah. \
        Members of the European Union criticised the speech.
        """);
    write(dir.resolve("europe/2024-01-20-paris.txt"), """
        Scholz visits Paris

        German Chancellor Olaf Scholz met Emmanuel Macron in Paris on 20 January 2024. \
        They talked about the budget of the European Union.
        """);
    write(dir.resolve("odd/2024-02-01-payload.txt"), """
        <script>window.__pwned=1;document.title='pwned'</script> Payload <img src=x onerror="window.__pwned=2;document.title='pwned'"> headline

        This payload article mentions Angela Merkel in Berlin. <script>window.__pwned=3</script> \
        <img src=x onerror="window.__pwned=4"> <b onmouseover="window.__pwned=5">bold</b> payload text.
        """);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * The real server on a real index: the test's articles go through the real parser and
   * indexer, with {@link DictionaryExtractor} standing in for CoreNLP so the entities
   * (and so the facets and marks the page shows) are known in advance and indexing
   * takes a second. The Broadsheet facade then serves the index through the Javalin app.
   */
  record TestServer(Broadsheet archive, BroadsheetApp app) implements AutoCloseable {
    static TestServer start(Path indexDir, Path articles, Path webRoot) throws IOException {
      try (ArticleParser parser = new ArticleParser(ParserLimits.DEFAULT)) {
        IndexReport report = new ArchiveIndexer(new IndexLayout(indexDir.toAbsolutePath()), parser,
            new DictionaryExtractor(), null, IndexSettings.defaults().withThreads(1))
            .index(List.of(articles), true, IndexListener.NONE);
        assertTrue(report.failures().isEmpty(), "indexing failed: " + report.failures());
      }
      Broadsheet archive = Broadsheet.open(indexDir);
      try {
        BroadsheetApp app = new BroadsheetApp(archive, webRoot).start("127.0.0.1", 0);
        return new TestServer(archive, app);
      } catch (RuntimeException e) {
        archive.close();
        throw e;
      }
    }

    String baseUrl() {
      return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() throws IOException {
      try {
        app.stop();
      } finally {
        archive.close();
      }
    }
  }

  /** Finds a fixed list of names (every occurrence) and dates in an article's text. */
  static final class DictionaryExtractor implements EntityExtractor {
    private record Entry(EntityType type, String surface, String canonical, String value, String country) {
    }

    private static final List<Entry> ENTRIES = List.of(
        new Entry(EntityType.PERSON, "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", null, null),
        new Entry(EntityType.PERSON, "Joe Biden", "Joe Biden", null, null),
        new Entry(EntityType.PERSON, "Olaf Scholz", "Olaf Scholz", null, null),
        new Entry(EntityType.PERSON, "Emmanuel Macron", "Emmanuel Macron", null, null),
        new Entry(EntityType.PERSON, "Angela Merkel", "Angela Merkel", null, null),
        new Entry(EntityType.PLACE, "Ankara", "Ankara", null, "TR"),
        new Entry(EntityType.PLACE, "Istanbul", "Istanbul", null, "TR"),
        new Entry(EntityType.PLACE, "Rafah", "Rafah", null, "PS"),
        new Entry(EntityType.PLACE, "Gaza", "Gaza", null, "PS"),
        new Entry(EntityType.PLACE, "Egypt", "Egypt", null, "EG"),
        new Entry(EntityType.PLACE, "Cairo", "Cairo", null, "EG"),
        new Entry(EntityType.PLACE, "Paris", "Paris", null, "FR"),
        new Entry(EntityType.PLACE, "Berlin", "Berlin", null, "DE"),
        new Entry(EntityType.ORGANIZATION, "United Nations", "United Nations", null, null),
        new Entry(EntityType.ORGANIZATION, "European Union", "European Union", null, null),
        new Entry(EntityType.DATE, "12 May 2024", null, "2024-05-12", null),
        new Entry(EntityType.DATE, "14 May 2024", null, "2024-05-14", null),
        new Entry(EntityType.DATE, "2 November 2023", null, "2023-11-02", null),
        new Entry(EntityType.DATE, "20 January 2024", null, "2024-01-20", null));

    @Override
    public Extraction extract(Article article) {
      String text = article.text();
      List<Mention> found = new ArrayList<>();
      for (Entry e : ENTRIES) {
        for (int i = text.indexOf(e.surface()); i >= 0; i = text.indexOf(e.surface(), i + 1)) {
          found.add(new Mention(e.type(), e.surface(), i, i + e.surface().length(), e.canonical(), e.value(),
              e.country()));
        }
      }
      found.sort(Comparator.comparingInt(Mention::start));
      return new Extraction(found);
    }

    @Override
    public String version() {
      return "browser-test-dictionary-1";
    }
  }
}
