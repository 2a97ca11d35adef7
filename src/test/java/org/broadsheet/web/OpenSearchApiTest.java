package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchCluster;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.opensearch.OpenSearchTesting;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real web app ({@link BroadsheetApp} and the real {@code web/} folder) on an archive indexed
 * into an OpenSearch cluster ({@link OpenSearchCluster}): every route the front end calls answers
 * as it does on the embedded index (EntityApiTest's articles and names), and a bad query is a 400.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class OpenSearchApiTest {
  @TempDir
  static Path tmp;
  static Path corpus;
  static OpenSearchTarget target;
  static Broadsheet archive;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void index(OpenSearchCluster.Url cluster) throws Exception {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    EntityApiTest.writeArticles(corpus);
    target = OpenSearchTarget.parse(cluster.index("web-" + ProcessHandle.current().pid()));
    archive = Broadsheet.open(tmp.resolve("index"), target, IndexSettings.defaults().withThreads(1),
        ParserLimits.DEFAULT, SearchSettings.defaults(), EntityApiTest.NAMES);
    archive.index(List.of(corpus));
  }

  @AfterAll
  static void drop() throws Exception {
    try {
      if (archive != null) {
        archive.close();
      }
    } finally {
      if (target != null) {
        OpenSearchTesting.dropArchive(target);
      }
    }
  }

  private static BroadsheetApp app() {
    return new BroadsheetApp(archive, Path.of("web"));
  }

  private static String contentType(io.javalin.testtools.Response res) {
    List<String> values = res.headers().get("Content-Type");
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }

  private static List<String> texts(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.get(field).asText()));
    return out;
  }

  @Test
  void theFrontEndsRoutesAnswerFromTheCluster() {
    JavalinTest.test(app().javalin(), (server, client) -> {
      var page = client.get("/");
      assertEquals(200, page.code());
      assertTrue(page.body().string().contains("<script type=\"module\""), "the real front end");

      var health = client.get("/api/health");
      assertEquals(200, health.code());
      assertEquals(6, JSON.readTree(health.body().string()).get("articles").asInt());

      var search = client.get("/api/search?q=Labour&sort=newest");
      assertEquals(200, search.code());
      JsonNode found = JSON.readTree(search.body().string());
      assertEquals(3, found.get("total").asInt());
      assertEquals(List.of("Labour re-elected", "Blair names a cabinet", "Labour wins the election"),
          texts(found.get("hits"), "title"));
      assertEquals("Tony Blair", found.get("facets").get("people").get(0).get("value").asText());
      assertEquals("London", found.get("facets").get("places").get(0).get("value").asText());

      var facets = client.get("/api/facets/people?prefix=go");
      assertEquals(200, facets.code());
      assertEquals(List.of("Gordon Brown"), texts(JSON.readTree(facets.body().string()).get("values"), "value"));

      String id = found.get("hits").get(0).get("id").asText();
      var article = client.get("/api/articles/" + id);
      assertEquals(200, article.code());
      JsonNode a = JSON.readTree(article.body().string());
      assertEquals("Labour re-elected", a.get("title").asText());
      assertEquals("/api/articles/" + id + "/original", a.get("original").asText());

      var original = client.get("/api/articles/" + id + "/original");
      assertEquals(200, original.code());
      assertTrue(contentType(original).startsWith("text/plain"), contentType(original));
      assertEquals(Files.readString(corpus.resolve("2001-06-08-reelection.txt")), original.body().string());
      assertEquals(404, client.get("/api/articles/0123456789abcdef/original").code());

      var suggest = client.get("/api/suggest?prefix=bla");
      assertEquals(200, suggest.code());
      JsonNode first = JSON.readTree(suggest.body().string()).get("suggestions").get(0);
      assertEquals(List.of("Tony Blair", "person", "4"),
          List.of(first.get("text").asText(), first.get("kind").asText(), first.get("count").asText()));

      var entity = client.get("/api/entities/people/tony%20blair?q=agreement");
      assertEquals(200, entity.code());
      JsonNode blair = JSON.readTree(entity.body().string());
      assertEquals(List.of("Tony Blair", "1"), List.of(blair.get("label").asText(), blair.get("count").asText()));
      assertEquals(List.of("Agreement in Belfast"), texts(blair.get("articles"), "title"));
      JsonNode london = JSON.readTree(client.get("/api/entities/places/London").body().string());
      assertEquals(List.of("3", "GB"), List.of(london.get("count").asText(), london.get("country").asText()));
      assertEquals(List.of("Labour"), texts(london.get("related").get("organizations"), "value"));
      assertEquals(404, client.get("/api/entities/people/Margaret%20Thatcher").code());

      var export = client.get("/api/export?format=csv&q=Labour");
      assertEquals(200, export.code());
      String csv = export.body().string();
      assertEquals(4, csv.strip().split("\r?\n").length, "a header and three articles: " + csv);
      assertTrue(csv.contains("Labour wins the election"), csv);

      var feed = client.get("/api/feed?q=Labour");
      assertEquals(200, feed.code());
      assertTrue(contentType(feed).startsWith("application/atom+xml"), contentType(feed));
      String atom = feed.body().string();
      assertEquals(3, atom.split("<entry>", -1).length - 1, atom);
    });
  }

  @Test
  void badQueriesAre400sNot500s() {
    JavalinTest.test(app().javalin(), (server, client) -> {
      for (String path : List.of("/api/search?q=title%3A", "/api/entities/people/Blair?q=title%3A",
          "/api/facets/colour", "/api/suggest", "/api/export?q=title%3A", "/api/feed?q=title%3A")) {
        var res = client.get(path);
        assertEquals(400, res.code(), path);
        assertFalse(JSON.readTree(res.body().string()).get("error").asText().isBlank(), path);
      }
    });
  }
}
