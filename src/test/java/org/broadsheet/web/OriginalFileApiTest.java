package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
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

/**
 * The article answer's paragraphs and original link, and the original route on the real app: the
 * file's own bytes with its type, only the file the index recorded, never a file outside the roots.
 */
class OriginalFileApiTest {
  @TempDir
  static Path tmp;
  static Path corpus;
  static Broadsheet archive;
  static Path web;
  static final ObjectMapper JSON = new ObjectMapper();

  static final String WIRE = """
      Kelley Oil <Kly> Buying Oil Properties
      HOUSTON, June 18 - Kelley Oil and Gas Corp said it agreed to buy
      oil and gas properties in Texas for 12 mln dlrs from a private
      company, adding to its reserves in the state.
          Shr 55 cts vs 24 cts
          Net 1.9 mln vs 800,000
          The company said the purchase would close in July, subject to
      the approval of its lenders.
      """;

  @BeforeAll
  static void index() throws Exception {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("wire.txt"), WIRE);
    Files.writeString(corpus.resolve("page.html"), """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour page</title>
        <script>document.title = 'ran'</script></head>
        <body><h1>Harbour page</h1><p>The harbour council met on Monday to approve the ferry timetable.</p>
        </body></html>
        """);
    Files.writeString(corpus.resolve("Zürich \"report\".rtf"),
        "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard Zurich bankers met to discuss the franc on Tuesday.\\par}");
    Files.writeString(corpus.resolve("gone.txt"), "Gone story\n\nThis file will be deleted after indexing.\n");
    Files.writeString(corpus.resolve("swapped.txt"), "Swapped story\n\nThis file will become a link elsewhere.\n");
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT);
    archive.index(List.of(corpus));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  /** An answer's exact bytes and headers (the test client reads bodies as text). */
  record Raw(int code, byte[] bytes, java.net.http.HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Raw raw(io.javalin.Javalin server, String target) throws Exception {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      var res = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://localhost:" + server.port() + target)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(res.statusCode(), res.body(), res.headers());
    }
  }

  private static String id(String name) throws Exception {
    return ArticleId.of(corpus.resolve(name).toRealPath());
  }

  @Test
  void theArticleAnswerHasParagraphsBodyStartAndItsOriginal() throws Exception {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      String id = id("wire.txt");
      JsonNode a = JSON.readTree(client.get("/api/articles/" + id).body().string());
      String text = a.get("text").asText();
      assertEquals("/api/articles/" + id + "/original", a.get("original").asText());
      assertEquals(text.indexOf("Kelley Oil and Gas"), a.get("bodyStart").asInt());
      List<String> paragraphs = new java.util.ArrayList<>();
      for (JsonNode p : a.get("paragraphs")) {
        paragraphs.add(text.substring(p.get("start").asInt(), p.get("end").asInt()).replaceAll("\\s*\\n\\s*", " "));
      }
      assertEquals(List.of("Kelley Oil <Kly> Buying Oil Properties", "HOUSTON, June 18 -",
          "Kelley Oil and Gas Corp said it agreed to buy oil and gas properties in Texas for 12 mln dlrs from a "
              + "private company, adding to its reserves in the state.",
          "Shr 55 cts vs 24 cts", "Net 1.9 mln vs 800,000",
          "The company said the purchase would close in July, subject to the approval of its lenders."), paragraphs);
    });
  }

  @Test
  void plainTextIsServedAsItIsWithItsCharset() throws Exception {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = raw(server, "/api/articles/" + id("wire.txt") + "/original");
      assertEquals(200, res.code());
      assertArrayEquals(WIRE.getBytes(StandardCharsets.UTF_8), res.bytes());
      assertEquals("text/plain;charset=utf-8", res.header("Content-Type").replace(" ", "").toLowerCase());
      assertTrue(res.header("Content-Disposition").startsWith("inline; filename=\"wire.txt\""));
      assertEquals("nosniff", res.header("X-Content-Type-Options"));
    });
  }

  @Test
  void htmlIsSandboxedSoItsScriptCannotRunHere() throws Exception {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = raw(server, "/api/articles/" + id("page.html") + "/original");
      assertEquals(200, res.code());
      assertTrue(res.header("Content-Type").startsWith("text/html"), res.header("Content-Type"));
      String csp = res.header("Content-Security-Policy");
      assertTrue(csp.startsWith("sandbox"), csp);
      assertFalse(csp.contains("script-src"), csp);
      assertTrue(csp.contains("default-src 'none'"), csp);
      assertEquals("nosniff", res.header("X-Content-Type-Options"));
      assertTrue(res.text().contains("<script>document.title"), "the bytes are the file's own");
    });
  }

  @Test
  void otherFormatsAreDownloadsNamedExactly() throws Exception {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = raw(server, "/api/articles/" + id("Zürich \"report\".rtf") + "/original");
      assertEquals(200, res.code());
      assertEquals("application/rtf", res.header("Content-Type"));
      assertEquals("attachment; filename=\"Z_rich _report_.rtf\"; filename*=UTF-8''Z%C3%BCrich%20%22report%22.rtf",
          res.header("Content-Disposition"));
    });
  }

  @Test
  void idsThatAreNotArticlesAreFourOhFours() throws Exception {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (String target : List.of("/api/articles/0123456789abcdef/original",
          "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd/original", "/api/articles/%2Fetc%2Fpasswd/original",
          "/api/articles/wire.txt/original", "/api/articles/" + "f".repeat(2000) + "/original")) {
        var res = raw(server, target);
        String body = res.text();
        assertTrue(res.code() == 404 || res.code() == 400, target + ": " + res.code());
        assertTrue(JSON.readTree(body).get("error").asText().length() > 0, body);
        assertFalse(body.contains("root:"), body);
      }
    });
  }

  @Test
  void aDeletedFileIsAFourOhFour() throws Exception {
    String id = id("gone.txt");
    Files.delete(corpus.resolve("gone.txt"));
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = raw(server, "/api/articles/" + id + "/original");
      assertEquals(404, res.code());
      assertTrue(JSON.readTree(res.text()).get("error").asText().contains("no longer"));
    });
  }

  @Test
  void aFileReplacedByALinkOutOfTheRootsIsNotFollowed() throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.txt"), "root:x:0:0:secret outside the corpus\n");
    String id = id("swapped.txt");
    Files.delete(corpus.resolve("swapped.txt"));
    Files.createSymbolicLink(corpus.resolve("swapped.txt"), outside);
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = raw(server, "/api/articles/" + id + "/original");
      String body = res.text();
      assertEquals(404, res.code(), body);
      assertFalse(body.contains("root:x"), body);
      if (Files.isReadable(Path.of("/etc/passwd"))) {
        Files.delete(corpus.resolve("swapped.txt"));
        Files.createSymbolicLink(corpus.resolve("swapped.txt"), Path.of("/etc/passwd"));
        var passwd = raw(server, "/api/articles/" + id + "/original");
        assertEquals(404, passwd.code());
        assertFalse(passwd.text().contains("root:"));
      }
    });
  }
}
