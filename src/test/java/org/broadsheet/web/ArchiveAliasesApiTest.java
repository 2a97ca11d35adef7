package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.SharedExtractor;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive-wide merges with the real recogniser, seen through the API: an abbreviation defined in
 * one article and a surname alone are one facet value with their full names, and the article API
 * says which archive rule merged each mention.
 */
@Tag("slow") // starts CoreNLP
class ArchiveAliasesApiTest {
  @TempDir
  static Path tmp;
  static Path corpus;
  static Broadsheet archive;
  static Path web;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void index() throws Exception {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    write("1990-03-01-grain.txt", "Grain talks\n\nThe Northern Grain Council (NGC) said on Monday that wheat exports rose.");
    write("1990-03-05-wheat.txt", "Wheat\n\nThe NGC said prices fell. Officials of the NGC met in Ottawa.");
    write("1981-01-20-oath.txt", "Oath\n\nRonald Reagan took the oath of office in Washington.");
    write("1981-02-18-budget.txt", "Budget\n\nRonald Reagan sent his budget to Congress.");
    write("1981-03-30-hospital.txt", "Hospital\n\nRonald Reagan was taken to hospital in Washington.");
    write("1981-03-31-visit.txt", "Visit\n\nReagan said he would visit Moscow.");
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT,
        SearchSettings.defaults(), SharedExtractor.extractor());
    archive.index(List.of(corpus));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  private static void write(String name, String text) throws java.io.IOException {
    Files.writeString(corpus.resolve(name), text);
  }

  private static Map<String, Integer> facet(JsonNode search, String dim) {
    Map<String, Integer> out = new LinkedHashMap<>();
    search.get("facets").get(dim).forEach(v -> out.put(v.get("value").asText(), v.get("count").asInt()));
    return out;
  }

  private static JsonNode mention(JsonNode article, String text) {
    for (JsonNode m : article.get("entities")) {
      if (m.get("text").asText().equals(text)) {
        return m;
      }
    }
    throw new AssertionError(text + " not in " + article.get("entities"));
  }

  @Test
  void theFacetsHaveOneValuePerEntityAndTheArticleApiSaysWhichRuleMergedIt() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      JsonNode all = JSON.readTree(client.get("/api/search?q=").body().string());
      assertEquals(2, facet(all, "organizations").get("Northern Grain Council"), all.get("facets").toString());
      assertTrue(!facet(all, "organizations").containsKey("NGC"), all.get("facets").toString());
      assertEquals(4, facet(all, "people").get("Ronald Reagan"), all.get("facets").toString());
      assertTrue(!facet(all, "people").containsKey("Reagan"), all.get("facets").toString());

      String wheat = ArticleId.of(corpus.resolve("1990-03-05-wheat.txt"));
      JsonNode ngc = mention(JSON.readTree(client.get("/api/articles/" + wheat).body().string()), "NGC");
      assertEquals("Northern Grain Council", ngc.get("canonical").asText());
      assertEquals("abbreviation-in-archive", ngc.get("rule").asText());

      String visit = ArticleId.of(corpus.resolve("1981-03-31-visit.txt"));
      JsonNode reagan = mention(JSON.readTree(client.get("/api/articles/" + visit).body().string()), "Reagan");
      assertEquals("Ronald Reagan", reagan.get("canonical").asText());
      assertEquals("surname-in-archive", reagan.get("rule").asText());
    });
  }
}
