package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP conventions of the API on the real app: 405s, health, revalidation, and where paths are shown. */
class ApiConventionsTest {
  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static Path web;
  static Path corpus;
  static final ObjectMapper JSON = new ObjectMapper();
  static String rafah;

  @BeforeAll
  static void index() throws Exception {
    // A copy of the seed articles: one test adds an article and sees the index change.
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (String name : List.of("000_aa7caa1097e01e70.txt", "002_bcd2389161724dfe.txt")) {
      Files.copy(Path.of("corpus", name), corpus.resolve(name));
    }
    rafah = ArticleId.of(corpus.resolve("002_bcd2389161724dfe.txt"));
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT);
    archive.index(List.of(corpus));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  private static BroadsheetApp app(boolean showPaths) {
    return new BroadsheetApp(archive, web, List.of(), showPaths);
  }

  private static JsonNode json(Response res) throws Exception {
    return JSON.readTree(res.body().string());
  }

  @Test
  void otherMethodsOnApiRoutesAre405WithAllow() {
    JavalinTest.test(app(true).javalin(), (server, client) -> {
      for (Response res : List.of(client.post("/api/search?q=x"), client.delete("/api/articles/" + rafah),
          client.put("/api/facets/people"), client.patch("/api/health"), client.post("/api/openapi.json"))) {
        assertEquals(405, res.code());
        assertFalse(json(res).get("error").asText().isBlank());
        assertEquals("application/json", res.headers().get("Content-Type").get(0).split(";")[0]);
      }
      assertEquals(List.of("GET, HEAD"), client.post("/api/search").headers().get("Allow"));
      assertEquals(List.of("GET, HEAD"), client.post("/api/health").headers().get("Allow"));
      // Unknown paths stay 404, whatever the method.
      assertEquals(404, client.post("/api/nothing-here").code());
      assertEquals(404, client.get("/api/nothing-here").code());
      assertTrue(json(client.post("/api/nothing-here")).has("error"));
    });
  }

  @Test
  void healthCountsTheArticles() {
    JavalinTest.test(app(true).javalin(), (server, client) -> {
      Response res = client.get("/api/health");
      assertEquals(200, res.code());
      JsonNode body = json(res);
      assertEquals("ok", body.get("status").asText());
      assertEquals(archive.indexState().articles(), body.get("articles").asInt());
      assertTrue(body.get("articles").asInt() >= 2);
      assertEquals("no-store", res.headers().get("Cache-Control").get(0));
    });
  }

  @Test
  void healthIs503WhenTheIndexCannotBeRead() throws Exception {
    try (Broadsheet none = Broadsheet.open(tmp.resolve("no-index-here"))) {
      JavalinTest.test(new BroadsheetApp(none, web).javalin(), (server, client) -> {
        Response res = client.get("/api/health");
        assertEquals(503, res.code());
        String error = json(res).get("error").asText();
        assertFalse(error.isBlank());
        assertFalse(error.contains(tmp.toString()), "no server path in the answer: " + error);
        assertEquals(503, client.request("/api/health", b -> b.header("X-Probe", "1").get()).code());
      });
    }
  }

  @Test
  void answersRevalidateAgainstTheIndexCommit() throws Exception {
    JavalinTest.test(app(true).javalin(), (server, client) -> {
      Response first = client.get("/api/search?q=Rafah");
      assertEquals(200, first.code());
      String etag = first.headers().get("ETag").get(0);
      assertTrue(etag.startsWith("W/\""), etag);
      assertEquals("no-cache", first.headers().get("Cache-Control").get(0));

      Response again = client.get("/api/search?q=Rafah", b -> b.header("If-None-Match", etag));
      assertEquals(304, again.code());
      assertEquals(etag, again.headers().get("ETag").get(0));
      assertEquals("", again.body().string());
      // A list naming the tag, or the tag's strong form, matches too (weak comparison).
      assertEquals(304, client.get("/api/search?q=Rafah",
          b -> b.header("If-None-Match", "\"other\", " + etag.substring(2))).code());

      // Another request is another answer.
      Response other = client.get("/api/search?q=Gaza", b -> b.header("If-None-Match", etag));
      assertEquals(200, other.code());
      assertNotEquals(etag, other.headers().get("ETag").get(0));
      Response article = client.get("/api/articles/" + rafah);
      assertEquals(200, article.code());
      assertNotNull(article.headers().get("ETag"));
      assertEquals(200, client.get("/api/facets/people", b -> b.header("If-None-Match", etag)).code());

      // Errors are not tagged, and not stored.
      Response bad = client.get("/api/search?q=x&sort=sideways");
      assertEquals(400, bad.code());
      assertTrue(bad.headers().get("ETag") == null || bad.headers().get("ETag").isEmpty());
      assertEquals("no-store", bad.headers().get("Cache-Control").get(0));

      // A commit changes every tag: the old copy is sent again.
      Files.writeString(corpus.resolve("003_added.txt"),
          "Ferry service resumes\n\nThe harbour ferry to Rafah Point ran again on Monday after repairs.\n");
      archive.index(List.of(corpus));
      Response after = client.get("/api/search?q=Rafah", b -> b.header("If-None-Match", etag));
      assertEquals(200, after.code());
      assertNotEquals(etag, after.headers().get("ETag").get(0));
    });
  }

  @Test
  void tagsDifferWhenPathsAreHidden() {
    JavalinTest.test(app(true).javalin(), (local, localClient) ->
        JavalinTest.test(app(false).javalin(), (remote, remoteClient) -> {
          String shown = localClient.get("/api/search?q=Rafah").headers().get("ETag").get(0);
          Response hidden = remoteClient.get("/api/search?q=Rafah", b -> b.header("If-None-Match", shown));
          assertEquals(200, hidden.code(), "a copy with paths is not current where paths are hidden");
        }));
  }

  @Test
  void staticFilesRevalidate() {
    JavalinTest.test(app(true).javalin(), (server, client) -> {
      Response page = client.get("/index.html");
      assertEquals(200, page.code());
      assertEquals("no-cache", page.headers().get("Cache-Control").get(0));
      String etag = page.headers().get("ETag").get(0);
      Response again = client.get("/index.html", b -> b.header("If-None-Match", etag));
      assertEquals(304, again.code());
      assertEquals("", again.body().string());
    });
  }

  @Test
  void pathsAreShownOnlyByALocalServer() {
    JavalinTest.test(app(true).javalin(), (server, client) -> {
      JsonNode hit = json(client.get("/api/search?q=Rafah")).get("hits").get(0);
      assertTrue(hit.get("path").asText().endsWith("002_bcd2389161724dfe.txt"), hit.toString());
      JsonNode article = json(client.get("/api/articles/" + rafah));
      assertTrue(article.get("path").asText().endsWith("002_bcd2389161724dfe.txt"));
    });
    JavalinTest.test(app(false).javalin(), (server, client) -> {
      Response search = client.get("/api/search?q=Rafah");
      JsonNode hit = json(search).get("hits").get(0);
      assertEquals(rafah, hit.get("id").asText());
      assertNull(hit.get("path"), hit.toString());
      Response article = client.get("/api/articles/" + rafah);
      String body = article.body().string();
      assertNull(JSON.readTree(body).get("path"));
      assertTrue(JSON.readTree(body).get("text").asText().contains("Rafah"));
      assertFalse(body.contains(tmp.toString()), "no server folder anywhere in the answer");
    });
  }
}
