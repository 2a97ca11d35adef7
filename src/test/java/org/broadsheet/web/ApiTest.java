package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API against the real app on a real index of the seed corpus. */
class ApiTest {
  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static Path web;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void index() throws Exception {
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT);
    archive.index(List.of(Path.of("corpus")));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchFindsTheRafahArticle() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = client.get("/api/search?q=Rafah");
      assertEquals(200, res.code());
      JsonNode body = JSON.readTree(res.body().string());
      assertEquals(1, body.get("total").asInt());
      JsonNode hit = body.get("hits").get(0);
      assertEquals(org.broadsheet.ingest.ArticleId.of(Path.of("corpus", "002_bcd2389161724dfe.txt")), hit.get("id").asText());
      for (String key : List.of("id", "path", "title", "published", "publishedFrom", "score", "snippet", "people", "places",
          "organizations", "dates")) {
        assertTrue(hit.has(key), key);
      }
      assertTrue(hit.get("snippet").asText().contains("<mark>Rafah</mark>"));
      assertTrue(body.has("facets"));
      assertTrue(body.has("histogram"));
      assertEquals("nosniff", res.headers().get("X-Content-Type-Options").get(0));
    });
  }

  @Test
  void aMisspeltQueryIsAnsweredAsTypedWithASuggestion() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      JsonNode body = JSON.readTree(client.get("/api/search?q=Rafha").body().string());
      assertEquals(0, body.get("total").asInt());
      assertEquals("Rafha", body.get("query").asText());
      assertEquals("Rafah", body.get("suggestion").get("query").asText());
      assertEquals(1, body.get("suggestion").get("total").asInt());
      assertFalse(JSON.readTree(client.get("/api/search?q=Rafah").body().string()).has("suggestion"));
    });
  }

  @Test
  void theSearchBoxIsOfferedCompletions() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      JsonNode body = JSON.readTree(client.get("/api/suggest?prefix=RAF").body().string());
      assertEquals("RAF", body.get("prefix").asText());
      JsonNode first = body.get("suggestions").get(0);
      assertEquals("rafah", first.get("text").asText().toLowerCase(java.util.Locale.ROOT));
      assertEquals(1, first.get("count").asInt());
      assertEquals(2, JSON.readTree(client.get("/api/suggest?prefix=t&limit=2").body().string())
          .get("suggestions").size());
      for (String bad : List.of("/api/suggest", "/api/suggest?prefix=", "/api/suggest?prefix=%20",
          "/api/suggest?prefix=" + "a".repeat(101), "/api/suggest?prefix=a&limit=0", "/api/suggest?prefix=a&limit=x",
          "/api/suggest?prefix=a&q=b", "/api/suggest?prefix=a%00b")) {
        var res = client.get(bad);
        assertEquals(400, res.code(), bad);
        assertFalse(JSON.readTree(res.body().string()).get("error").asText().isBlank(), bad);
      }
    });
  }

  @Test
  void badRequestsAreFourHundredsWithAMessage() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (String path : List.of("/api/search?q=" + enc("title:"), "/api/search?q=" + enc("*leading"),
          "/api/search?q=x&sort=sideways", "/api/search?q=x&page=zero", "/api/search?q=x&size=100000",
          "/api/search?q=x&page=5000&size=100", "/api/search?q=x&bogus=1", "/api/search?q=x&from=yesterday",
          "/api/search?q=" + enc("[a TO z]"), "/api/search?q=" + "a".repeat(5000))) {
        var res = client.get(path);
        assertEquals(400, res.code(), path);
        JsonNode body = JSON.readTree(res.body().string());
        assertFalse(body.get("error").asText().isBlank(), path);
        assertFalse(body.toString().contains("Exception"), "no stack trace or class names: " + body);
      }
    });
  }

  @Test
  void articlesByIdAndUnknownIds() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var ok = client.get("/api/articles/" + org.broadsheet.ingest.ArticleId.of(Path.of("corpus", "000_aa7caa1097e01e70.txt")));
      assertEquals(200, ok.code());
      JsonNode a = JSON.readTree(ok.body().string());
      assertTrue(a.get("text").asText().contains("Abu Zuhri"));
      assertTrue(a.get("publishedFrom").isNull(), "the seed article has no date, so no date source");
      assertNotNull(a.get("related"));
      var missing = client.get("/api/articles/" + enc("../../etc/passwd"));
      assertEquals(404, missing.code());
      assertTrue(JSON.readTree(missing.body().string()).has("error"));
      assertEquals(404, client.get("/api/nothing-here").code());
    });
  }

  @Test
  void frontEndIsServedWithAContentSecurityPolicy() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = client.get("/");
      assertEquals(200, res.code());
      var csp = res.headers().get("Content-Security-Policy");
      assertNotNull(csp, "the page is served without a Content-Security-Policy: " + res.headers());
      assertEquals(1, csp.size(), csp.toString());
      // Scripts only from our own files: no inline script, no eval, no other origin.
      List<String> scriptSrc = Arrays.stream(csp.get(0).split(";")).map(String::strip)
          .filter(d -> d.startsWith("script-src ") || d.startsWith("default-src ")).toList();
      assertEquals(List.of("default-src 'self'", "script-src 'self'"), scriptSrc.stream().sorted().toList(), csp.get(0));
      try {
        var traversal = client.get("/%2e%2e/pom.xml");
        assertTrue(traversal.code() >= 400 && traversal.code() < 500, "path traversal refused: " + traversal.code());
        assertFalse(traversal.body().string().contains("<artifactId>"));
      } catch (Exception refused) {
        // Jetty may drop a connection asking for an ambiguous path: refused all the same.
      }
    });
  }

  /** The front end takes its panels and filters from here: the one list in Fields. */
  @Test
  void dimensionsAreServedFromTheIndexsOneList() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = client.get("/api/dimensions");
      assertEquals(200, res.code());
      JsonNode d = JSON.readTree(res.body().string());
      assertEquals(org.broadsheet.index.Fields.FACET_DIMS, JSON.convertValue(d.get("facets"), List.class));
      assertEquals(org.broadsheet.index.Fields.FILTER_DIMS, JSON.convertValue(d.get("filters"), List.class));
      assertEquals(org.broadsheet.index.Fields.LISTED_DIMS, JSON.convertValue(d.get("listable"), List.class));
    });
  }
}
