package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.Headlines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people type, through the HTTP API of the real app on a real index of {@link Headlines}:
 * a 200 with the articles it names, or for what cannot be run a 400 with a one-line error.
 */
class EverydayQueriesApiTest {
  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static Path web;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void index() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Headlines.writeCorpus(corpus);
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT);
    archive.index(List.of(corpus));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  private static String search(String q) {
    return "/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  @Test
  void typedQueriesAreAnsweredWithTheirArticles() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (Headlines.Case c : Headlines.FOUND) {
        var res = client.get(search(c.query()));
        String body = res.body().string();
        assertEquals(200, res.code(), c.query() + ": " + body);
        Set<String> ids = new TreeSet<>();
        JSON.readTree(body).get("hits").forEach(h -> ids.add(
            java.nio.file.Path.of(h.get("path").asText()).getFileName().toString().replace(".txt", "")));
        assertEquals(new TreeSet<>(c.ids()), ids, c.query());
      }
    });
  }

  @Test
  void unusableQueriesAreFourHundredsWithAOneLineError() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (String q : Headlines.REFUSED) {
        var res = client.get(search(q));
        String shown = q.length() > 40 ? q.substring(0, 40) + "…" : q;
        assertEquals(400, res.code(), shown);
        JsonNode error = JSON.readTree(res.body().string()).get("error");
        assertFalse(error.asText().isBlank() || error.asText().contains("\n"), shown + ": " + error);
        assertTrue(error.asText().length() < 200 && !error.asText().contains("Exception"), shown + ": " + error);
      }
    });
  }
}
