package org.broadsheet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.broadsheet.Broadsheet;
import org.broadsheet.cli.BroadsheetCommand;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.web.BroadsheetApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7, hostile requests against a real server on a real socket: every one gets a fast
 * 4xx with a JSON {@code error}, nothing outside the web folder is ever served, and every
 * response carries the security headers.
 */
class HostileRequestsTest {
  /** Generous: a refusal takes milliseconds; this bound only catches work that runs away. */
  private static final Duration FAST = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static BroadsheetApp app;
  static int port;
  /** The API path of one article of the corpus. */
  static String article;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = tmp.resolve("corpus");
    writeVocabularyCorpus(corpus, 300);
    article = "/api/articles/" + org.broadsheet.ingest.ArticleId.of(corpus.resolve("a1.txt"));
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT);
    archive.index(List.of(corpus));
    Path web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title><script src=app.js></script>");
    Files.writeString(tmp.resolve("secret.txt"), "root:x:0:0 outside the web folder");
    app = new BroadsheetApp(archive, web).start("127.0.0.1", 0);
    port = app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    archive.close();
  }

  /** Articles of random words from a seeded 5,000-word vocabulary, so that wildcards and fuzzy terms have much to expand to. */
  static void writeVocabularyCorpus(Path corpus, int files) throws Exception {
    Random random = new Random(7);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      StringBuilder w = new StringBuilder();
      for (int n = 3 + random.nextInt(8); n > 0; n--) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      words.add(w.toString());
    }
    Files.createDirectories(corpus);
    for (int f = 0; f < files; f++) {
      String text = IntStream.range(0, 200).mapToObj(i -> words.get(random.nextInt(words.size())))
          .collect(Collectors.joining(" "));
      Files.writeString(corpus.resolve("a" + f + ".txt"), "Story " + f + "\n\n" + text + "\n");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Asserts a fast 4xx whose body is a JSON error without class names, and the security headers. */
  private static RawHttp.Response refused(String method, String target) throws Exception {
    RawHttp.Response res = RawHttp.request(port, method, target);
    String shown = target.length() > 80 ? target.substring(0, 80) + "…" : target;
    assertTrue(res.status() >= 400 && res.status() < 500, shown + " → " + res.status() + " " + res.body());
    assertTrue(res.took().compareTo(FAST) < 0, shown + " took " + res.took());
    assertTrue(String.valueOf(res.header("Content-Type")).startsWith("application/json"), shown + ": " + res.headers());
    JsonNode body = JSON.readTree(res.body());
    assertNotNull(body.get("error"), shown + ": " + res.body());
    assertFalse(body.get("error").asText().isBlank(), shown);
    assertFalse(res.body().contains("Exception") || res.body().contains("\tat "), shown + ": " + res.body());
    assertSecurityHeaders(shown, res);
    return res;
  }

  private static void assertSecurityHeaders(String what, RawHttp.Response res) {
    String csp = res.header("Content-Security-Policy");
    assertNotNull(csp, what + " has a Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), what + ": " + csp);
    assertEquals("nosniff", res.header("X-Content-Type-Options"), what);
    assertEquals("no-referrer", res.header("Referrer-Policy"), what);
  }

  @Test
  void pathTraversalNeverLeavesTheWebFolder() throws Exception {
    for (String target : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/web/../../etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%5c..%5csecret.txt", "/../secret.txt", "/%2e%2e/secret.txt",
        "/.%2e/secret.txt", "/%00", "/index.html%00.txt", "/api/../../secret.txt", "//etc/passwd",
        "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/%2e%2e/%2e%2e/secret.txt",
        "/api/articles/" + "x".repeat(2000))) {
      RawHttp.Response res = refused("GET", target);
      if (res.status() == 400 && !target.startsWith("/api/articles/")) { // ids are checked by the API itself
        assertTrue(res.body().contains("bad request path"), target + ": " + res.body());
      }
      assertFalse(res.body().contains("root:") || res.body().contains("<artifactId>"), target + ": " + res.body());
    }
  }

  @Test
  void hostileQueriesAreRefusedFast() throws Exception {
    String words = IntStream.range(0, 1000).mapToObj(i -> String.valueOf((char) ('a' + i % 26)))
        .collect(Collectors.joining(" OR "));
    for (String target : List.of(
        "/api/search?q=" + "a".repeat(100_000),                 // over the request-line limit: 414
        "/api/search?q=" + "word ".repeat(1000),                // over the query length limit
        "/api/search?q=" + enc(words),                          // thousands of clauses
        "/api/search?q=x&page=100000&size=100",                 // deep paging
        "/api/search?q=x&page=2147483647&size=100",             // page × size overflows an int
        "/api/search?q=x&page=-1",
        "/api/search?q=" + enc("*a*b*c*d*e*"),                  // leading wildcard: a scan of every term
        "/api/search?q=" + enc("a*"),                            // one-letter prefix: most of the index
        "/api/search?q=" + enc("/.*.*.*.*.*.*.*.*.*x/"),          // regular expression
        "/api/search?q=" + enc("/(a|aa)*b/"),
        "/api/search?q=x&unknown=1",
        "/api/search?q=x&sort=" + "z".repeat(500),
        "/api/search?q=x&size=" + "9".repeat(40),
        "/api/search?q=x&" + IntStream.range(0, 60).mapToObj(i -> "people=p" + i).collect(Collectors.joining("&")),
        "/api/search?q=x&from=" + "1".repeat(300),
        "/api/facets/" + "d".repeat(300) + "?q=x",
        "/api/facets/people?limit=100000000",
        "/api/nothing")) {
      refused("GET", target);
    }
  }

  @Test
  void expensiveButValidQueriesFinishInBoundedTime() throws Exception {
    // Each is legal query syntax whose cost grows with the index; it may be answered or refused, but fast.
    for (String q : List.of(
        "ab*c*d*e*f*g*h*i*j*k*l*m*",
        "ab?????????????????????????????*",
        IntStream.range(0, 150).mapToObj(i -> "abcdefg" + (char) ('a' + i % 26) + "~2").collect(Collectors.joining(" OR ")),
        IntStream.range(0, 300).mapToObj(i -> "ab*").collect(Collectors.joining(" OR ")),
        "\"" + "the ".repeat(400) + "\"",
        "(".repeat(500) + "x" + ")".repeat(500))) {
      RawHttp.Response res = RawHttp.get(port, "/api/search?q=" + enc(q));
      String shown = q.substring(0, Math.min(60, q.length()));
      assertTrue(res.status() == 200 || (res.status() >= 400 && res.status() < 500), shown + " → " + res.status());
      assertTrue(res.took().compareTo(Duration.ofSeconds(10)) < 0, shown + " took " + res.took());
      assertTrue(JSON.readTree(res.body()).isObject(), shown);
    }
  }

  @Test
  void nothingChangesTheIndexOverHttp() throws Exception {
    long before = archive.search("").total();
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String target : List.of("/api/search?q=x", article, "/api/index", "/")) {
        RawHttp.Response res = RawHttp.request(port, method, target);
        assertTrue(res.status() >= 400 && res.status() < 500, method + " " + target + " → " + res.status());
      }
    }
    assertEquals(before, archive.search("").total());
  }

  /** On the wire: a 405 names the methods that are allowed, and HEAD on health is answered by the check itself. */
  @Test
  void otherMethodsOnApiRoutesAre405WithAllow() throws Exception {
    for (String target : List.of("/api/search?q=x", article, "/api/facets/people", "/api/health", "/api/openapi.json")) {
      RawHttp.Response res = RawHttp.request(port, "POST", target);
      assertEquals(405, res.status(), target);
      assertEquals("GET, HEAD", res.header("Allow"), target);
      assertTrue(res.header("Content-Type").startsWith("application/json"), target);
      assertFalse(JSON.readTree(res.body()).get("error").asText().isBlank(), target);
    }
    assertEquals(404, RawHttp.request(port, "POST", "/api/index").status());
    RawHttp.Response head = RawHttp.request(port, "HEAD", "/api/health");
    assertEquals(200, head.status());
    assertEquals("", head.body());
  }

  @Test
  void pagesAndApiCarryTheSecurityHeaders() throws Exception {
    for (String target : List.of("/", "/index.html", "/api/search?q=story", article)) {
      RawHttp.Response res = RawHttp.get(port, target);
      assertEquals(200, res.status(), target + ": " + res.body());
      assertSecurityHeaders(target, res);
    }
    assertFalse(RawHttp.get(port, "/").headers().containsKey("server"), "no server version is advertised");
  }

  /** DNS rebinding: another site's name for 127.0.0.1 is refused, this machine's names are answered. */
  @Test
  void onlyTheHostNamesTheServerIsKnownByAreAnswered() throws Exception {
    for (String target : List.of("/", "/index.html", "/api/search?q=story", article)) {
      RawHttp.Response res = RawHttp.get(port, target, "Host: attacker.example:" + port);
      assertEquals(403, res.status(), target);
      assertTrue(JSON.readTree(res.body()).path("error").asText().contains("--allow-host attacker.example"), res.body());
      assertFalse(res.body().contains("story"), "nothing of the archive in the refusal");
    }
    for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST", "app.localhost")) {
      assertEquals(200, RawHttp.get(port, "/api/search?q=story", "Host: " + host).status(), host);
    }
  }

  @Test
  void oversizedHeadersAreRefusedWithJson() throws Exception {
    RawHttp.Response res = RawHttp.get(port, "/api/search?q=x", "X-Padding: " + "p".repeat(64 * 1024));
    assertEquals(431, res.status());
    assertTrue(JSON.readTree(res.body()).has("error"));
  }

  @Test
  void connectorsListenOnLoopbackAndCloseIdleConnections() {
    var connectors = app.javalin().jettyServer().server().getConnectors();
    assertTrue(connectors.length > 0);
    for (var c : connectors) {
      var sc = (org.eclipse.jetty.server.ServerConnector) c;
      assertEquals("127.0.0.1", sc.getHost());
      assertEquals(30_000, sc.getIdleTimeout());
    }
  }

  @Test
  void theServerListensOnThisMachineOnlyByDefault() {
    CommandLine cli = BroadsheetCommand.commandLine();
    CommandLine.ParseResult parsed = cli.parseArgs("serve");
    String host = parsed.subcommand().commandSpec().findOption("--host").getValue();
    assertEquals("127.0.0.1", host);
  }
}
