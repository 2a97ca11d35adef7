package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser test classes share: the real server on a real index built from articles the
 * class writes, a fresh headless Chromium per test (its console checked for script errors and CSP
 * violations after each), and helpers to wait on the page's state, resize and take screenshots.
 *
 * <p>Chromium and its driver are Debian's {@code chromium} and {@code chromium-driver}
 * ({@code scripts/ensure-chromium.sh} installs them). They are looked up as
 * {@code $CHROME_BIN} / {@code $CHROMEDRIVER}, then {@code /usr/bin/chromium},
 * {@code /usr/bin/chromium-browser}, {@code /usr/bin/google-chrome} and
 * {@code /usr/bin/chromedriver}, then on the PATH. The driver is started by path, so
 * Selenium Manager never downloads anything. When either is missing the tests are
 * skipped with a message saying so.
 *
 * <p>A subclass starts its server in its own {@code @BeforeAll} with {@link #startServer}.
 * Screenshots go to {@code target/screenshots/}.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@Tag("slow")
abstract class BrowserHarness {
  static final Duration WAIT = Duration.ofSeconds(15);
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  /** The console's line for an API request answered with an error status, e.g. the 400 for a bad query. */
  private static final Pattern API_ERROR_STATUS = Pattern.compile(
      "^https?://[^/\\s]+/api/\\S* - Failed to load resource: the server responded with a status of [45]\\d\\d\\b");

  interface ArticleWriter {
    void write(Path dir) throws IOException;
  }

  static Path chromium;
  static Path chromedriver;
  static TestServer server;
  static Path tempRoot;

  WebDriver driver;
  WebDriverWait wait;
  private Path profileDir;

  // ---------------------------------------------------------------- setup

  /** Skips the class without a browser; else indexes what {@code articles} writes and serves it. */
  static void startServer(ArticleWriter articles) throws Exception {
    startServer(articles, SearchSettings.defaults());
  }

  /** The same, with these search settings. */
  static void startServer(ArticleWriter articles, SearchSettings settings) throws Exception {
    chromium = findExecutable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome").orElse(null);
    chromedriver = findExecutable("CHROMEDRIVER", "chromedriver").orElse(null);
    Assumptions.assumeTrue(chromium != null && chromedriver != null,
        "Browser tests skipped: " + (chromium == null ? "no chromium found" : "no chromedriver found")
            + " (looked at $CHROME_BIN/$CHROMEDRIVER, /usr/bin and the PATH); run scripts/ensure-chromium.sh");

    tempRoot = Files.createTempDirectory("broadsheet-browser-test");
    Path dir = Files.createDirectories(tempRoot.resolve("articles"));
    articles.write(dir);
    server = TestServer.start(tempRoot.resolve("index"), dir, Paths.get("web"), settings);
  }

  @AfterAll
  static void stopServer() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      deleteTree(tempRoot);
    }
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
    wait = new WebDriverWait(driver, WAIT);
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

  // ---------------------------------------------------------------- page helpers

  String facetCounts(String dim) {
    StringBuilder sb = new StringBuilder();
    for (WebElement b : driver.findElements(By.cssSelector("#facet-" + dim + " button.facet-value"))) {
      sb.append(b.getText().replace('\n', ' ')).append('|');
    }
    return sb.toString();
  }

  void assertNotPwned() {
    assertNull(js("return window.__pwned === undefined ? null : String(window.__pwned);"), "injected script ran");
    assertNotEquals("pwned", driver.getTitle());
  }


  void open(String path) {
    driver.get(server.baseUrl() + path);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement active() {
    return driver.switchTo().activeElement();
  }

  /** Waits until a search has been answered and drawn. */
  void waitForResults() {
    wait.until(d -> js("const s = document.getElementById('status');"
        + "return s && s.dataset.total !== undefined && !document.body.classList.contains('loading') ? s.dataset.total : null;") != null);
  }

  int total() {
    Object t = js("const s = document.getElementById('status');"
        + "return document.body.classList.contains('loading') ? -1 : Number(s.dataset.total ?? -1);");
    return ((Number) t).intValue();
  }

  String statusText() {
    return driver.findElement(By.id("status")).getText();
  }

  List<WebElement> resultLinks() {
    return driver.findElements(By.cssSelector("#results .hit-title a"));
  }

  WebElement facetButton(String dim, String contains) {
    return wait.until(d -> d.findElements(By.cssSelector("#facet-" + dim + " button.facet-value")).stream()
        .filter(b -> b.getText().contains(contains))
        .findFirst().orElse(null));
  }

  /** Resizes the window and checks that nothing makes the page scroll sideways. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    wait.until(d -> ((Number) js("return window.innerWidth;")).intValue() <= width);
    Object overflow = js(
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
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      byte[] png = null;
      if (driver instanceof ChromeDriver chrome) {
        try {
          Number w = (Number) js("return Math.max(window.innerWidth, document.documentElement.scrollWidth);");
          Number h = (Number) js("return Math.min(4000, document.documentElement.scrollHeight);");
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

  static void deleteTree(Path root) {
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

  /** Five short articles: three about Erdoğan and Rafah, one in Paris, one hostile. */
  static void writeArticles(Path dir) throws IOException {
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

  /** The five of {@link #writeArticles} and two wire stories: hard-wrapped lines, a dateline, "government". */
  static void writeWireArticles(Path dir) throws IOException {
    writeArticles(dir);
    write(dir.resolve("wire/1987-06-18-kelley.txt"), """
        Kelley Oil buying oil properties

        HOUSTON, June 18 - Kelley Oil and Gas Partners said it has
        agreed to buy oil and gas properties in Texas from the
        government for 12 mln dlrs.

        Kelley Oil said the properties, near Houston, would be paid
        for in cash. The government said the sale would close in July.
        """);
    write(dir.resolve("wire/1987-06-19-budget.txt"), """
        Government budget talks stall

        WASHINGTON, June 19 - Talks on the government budget stalled
        again on Friday, officials said.
        """);
  }

  static void write(Path file, String text) throws IOException {
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
      return start(indexDir, articles, webRoot, SearchSettings.defaults());
    }

    static TestServer start(Path indexDir, Path articles, Path webRoot, SearchSettings settings) throws IOException {
      try (ArticleParser parser = new ArticleParser(ParserLimits.DEFAULT)) {
        IndexReport report = new ArchiveIndexer(new IndexLayout(indexDir.toAbsolutePath()), parser,
            new DictionaryExtractor(), null, IndexSettings.defaults().withThreads(1))
            .index(List.of(articles), true, IndexListener.NONE);
        assertTrue(report.failures().isEmpty(), "indexing failed: " + report.failures());
      }
      Broadsheet archive = Broadsheet.open(indexDir, IndexSettings.defaults(), ParserLimits.DEFAULT, settings);
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
        new Entry(EntityType.PLACE, "Houston", "Houston", null, "US"),
        new Entry(EntityType.PLACE, "Texas", "Texas", null, "US"),
        new Entry(EntityType.ORGANIZATION, "United Nations", "United Nations", null, null),
        new Entry(EntityType.ORGANIZATION, "European Union", "European Union", null, null),
        new Entry(EntityType.ORGANIZATION, "Kelley Oil", "Kelley Oil", null, null),
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
