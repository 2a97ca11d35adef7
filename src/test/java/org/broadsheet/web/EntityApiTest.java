package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.NameListExtractor;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/entities/{dim}/{value}} and the search answer's map, on the real app and a real index. */
class EntityApiTest {
  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static Path web;
  static final ObjectMapper JSON = new ObjectMapper();

  static final NameListExtractor NAMES = new NameListExtractor(List.of(
      NameListExtractor.person("Tony Blair", "Tony Blair"), NameListExtractor.person("Blair", "Tony Blair"),
      NameListExtractor.person("Gordon Brown", "Gordon Brown"), NameListExtractor.person("Bertie Ahern", "Bertie Ahern"),
      NameListExtractor.person("Jacques Chirac", "Jacques Chirac"),
      NameListExtractor.person("Gerhard Schroeder", "Gerhard Schroeder"),
      NameListExtractor.org("Labour", "Labour"), NameListExtractor.org("European Union", "European Union"),
      NameListExtractor.org("Reuters", "Reuters"), NameListExtractor.org("Tories", "Tories"),
      NameListExtractor.org("Conservative Party", "Conservative Party"), NameListExtractor.org("AC/DC", "AC/DC"),
      NameListExtractor.org("<script>x</script>", "<script>x</script>"),
      NameListExtractor.place("London", "GB"), NameListExtractor.place("Belfast", "GB"),
      NameListExtractor.place("Paris", "FR"), NameListExtractor.place("Berlin", "DE"),
      NameListExtractor.place("England", "GB")));

  @BeforeAll
  static void index() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    writeArticles(corpus);
    archive = open(tmp.resolve("index"));
    archive.index(List.of(corpus));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  static Broadsheet open(Path index) {
    return Broadsheet.open(index, IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT,
        SearchSettings.defaults(), NAMES);
  }

  static void writeArticles(Path dir) throws IOException {
    Files.writeString(dir.resolve("1997-05-02-election.txt"),
        "Labour wins the election\n\nTony Blair led Labour to victory in London. Reuters\n");
    Files.writeString(dir.resolve("1997-05-03-cabinet.txt"),
        "Blair names a cabinet\n\nTony Blair named Gordon Brown chancellor in London. The Labour cabinet met. Reuters\n");
    Files.writeString(dir.resolve("1998-04-10-belfast.txt"),
        "Agreement in Belfast\n\nTony Blair and Bertie Ahern signed an agreement in Belfast. Reuters\n");
    Files.writeString(dir.resolve("1999-03-01-paris.txt"),
        "Chirac in Paris\n\nJacques Chirac spoke in Paris about the European Union and the Tories. AC/DC played. "
            + "<script>x</script> Reuters\n");
    Files.writeString(dir.resolve("2000-01-01-berlin.txt"),
        "Schroeder in Berlin\n\nGerhard Schroeder met the European Union in Berlin. The Conservative Party of England "
            + "sent word. Reuters\n");
    Files.writeString(dir.resolve("2001-06-08-reelection.txt"),
        "Labour re-elected\n\nBlair and Labour won again in London. Reuters\n");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> values(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.get("value").asText()));
    return out;
  }

  @Test
  void aPersonsPageHasEveryField() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = client.get("/api/entities/people/" + enc("tony blair"));
      assertEquals(200, res.code());
      JsonNode p = JSON.readTree(res.body().string());
      assertEquals("people", p.get("dim").asText());
      assertEquals("Tony Blair", p.get("value").asText(), "any spelling finds the facet value");
      assertEquals("Tony Blair", p.get("label").asText());
      assertEquals(4, p.get("count").asInt());

      JsonNode aliases = p.get("aliases");
      assertEquals("Tony Blair", aliases.get(0).get("text").asText());
      assertEquals(3, aliases.get(0).get("count").asInt());
      assertEquals("Blair", aliases.get(1).get("text").asText(), "the other spelling the texts use");
      assertEquals(2, aliases.get(1).get("count").asInt());

      JsonNode timeline = p.get("timeline");
      assertEquals("year", timeline.get("interval").asText());
      assertEquals("1997", timeline.get("buckets").get(0).get("key").asText());
      assertEquals(2, timeline.get("buckets").get(0).get("count").asInt());
      assertEquals(3, timeline.get("buckets").size(), "1997, 1998, 2001: " + timeline);

      JsonNode related = p.get("related");
      assertEquals(List.of("Labour"), values(related.get("organizations")),
          "Labour goes with Blair; Reuters is in every article and so in nobody's related list");
      JsonNode labour = related.get("organizations").get(0);
      assertEquals(3, labour.get("count").asInt());
      assertTrue(labour.get("score").asDouble() > 0, labour.toString());
      assertEquals("London", values(related.get("places")).get(0), "the place they share most");
      assertFalse(values(related.get("places")).contains("Paris"));
      assertTrue(values(related.get("people")).containsAll(List.of("Gordon Brown", "Bertie Ahern")));
      assertFalse(values(related.get("people")).contains("Tony Blair"), "not related to itself");

      JsonNode articles = p.get("articles");
      assertEquals(4, articles.size());
      for (JsonNode hit : articles) {
        assertTrue(hit.get("people").toString().contains("Tony Blair"), hit.toString());
        for (String key : List.of("id", "title", "published", "snippet", "people", "places", "organizations")) {
          assertTrue(hit.has(key), key);
        }
      }
      assertTrue(articles.get(0).get("snippet").asText().contains("<mark>"), "the name is marked in the snippets");
      assertTrue(p.get("country").isNull() && p.get("latitude").isNull() && p.get("longitude").isNull(),
          "a person has no position");
    });
  }

  @Test
  void aPlacesPageSaysWhereItIs() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      JsonNode london = JSON.readTree(client.get("/api/entities/places/London").body().string());
      assertEquals(3, london.get("count").asInt());
      assertEquals("GB", london.get("country").asText());
      assertEquals(51.5, london.get("latitude").asDouble(), 0.2);
      assertEquals(-0.1, london.get("longitude").asDouble(), 0.2);
      JsonNode england = JSON.readTree(client.get("/api/entities/places/England").body().string());
      assertEquals("GB", england.get("country").asText(), "a country-sized place has a country...");
      assertTrue(england.get("latitude").isNull(), "...and no point");
    });
  }

  @Test
  void aQueryAndFiltersScopeThePage() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      JsonNode inBelfast = JSON.readTree(client.get("/api/entities/people/" + enc("Tony Blair") + "?q=agreement")
          .body().string());
      assertEquals(1, inBelfast.get("count").asInt());
      assertEquals(1, inBelfast.get("articles").size());
      JsonNode withLabour = JSON.readTree(client.get("/api/entities/places/London?organizations=Labour&from=2000")
          .body().string());
      assertEquals(1, withLabour.get("count").asInt(), "London, Labour and from 2000: the re-election");
      JsonNode none = JSON.readTree(client.get("/api/entities/places/Paris?q=agreement").body().string());
      assertEquals(0, none.get("count").asInt(), "a known value with nothing in scope is an empty page, not a 404");
    });
  }

  @Test
  void unknownValuesAre404AndBadParametersAre400() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var missing = client.get("/api/entities/people/" + enc("Margaret Thatcher"));
      assertEquals(404, missing.code());
      assertTrue(JSON.readTree(missing.body().string()).get("error").asText().contains("Margaret Thatcher"));
      assertEquals(404, client.get("/api/entities/places/" + enc("Tony Blair")).code(), "a person is not a place");
      for (String path : List.of("/api/entities/dates/1997", "/api/entities/countries/GB",
          "/api/entities/people/Blair?page=2", "/api/entities/people/Blair?q=" + enc("title:"),
          "/api/entities/people/Blair?from=yesterday", "/api/entities/people/" + "x".repeat(400),
          "/api/entities/people/%20")) {
        var res = client.get(path);
        assertEquals(400, res.code(), path);
        assertFalse(JSON.readTree(res.body().string()).get("error").asText().isBlank(), path);
      }
    });
  }

  @Test
  void searchAnswersCarryTheMap() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      JsonNode all = JSON.readTree(client.get("/api/search?q=Labour").body().string());
      JsonNode map = all.get("map");
      assertNotNull(map);
      assertEquals("London", map.get(0).get("value").asText(), map.toString());
      assertEquals(3, map.get(0).get("count").asInt());
      assertEquals("GB", map.get(0).get("country").asText());
      assertEquals(51.5, map.get(0).get("latitude").asDouble(), 0.2);
      assertTrue(map.get(0).has("longitude") && map.get(0).has("label"));
      assertFalse(values(map).contains("England"), "a place without coordinates is not drawn");

      JsonNode filtered = JSON.readTree(client.get("/api/search?places=Belfast").body().string());
      assertEquals(List.of("Belfast"), values(filtered.get("map")),
          "under a places filter the map shows the matching articles' places only");
      JsonNode nothing = JSON.readTree(client.get("/api/search?q=zebra").body().string());
      assertEquals(0, nothing.get("map").size());
    });
  }

  @Test
  void valuesWithSlashesAndMarkupAreValuesLikeAnyOther() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (String path : List.of("/api/entities/organizations/AC/DC", "/api/entities/organizations/ac/dc")) {
        var res = client.get(path);
        String body = res.body().string();
        assertEquals(200, res.code(), path + ": " + body);
        assertEquals("AC/DC", JSON.readTree(body).get("value").asText());
      }
      var markup = client.get("/api/entities/organizations/" + enc("<script>x</script>"));
      assertEquals(200, markup.code());
      assertTrue(markup.headers().get("Content-Type").get(0).startsWith("application/json"), markup.headers().toString());
      var encodedSlash = client.get("/api/entities/organizations/AC%2FDC");
      String slashBody = encodedSlash.body().string();
      assertEquals(200, encodedSlash.code(), "an encoded slash: " + slashBody);
    });
  }

  /** A correction made while the server runs: its next refresh shows the merged value on the page and in facets. */
  @Test
  void aMergeIsSeenThroughARunningServer() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus-merge"));
    writeArticles(corpus);
    try (Broadsheet served = open(tmp.resolve("index-merge"))) {
      served.index(List.of(corpus));
      JavalinTest.test(new BroadsheetApp(served, web).javalin(), (server, client) -> {
        assertEquals(1, JSON.readTree(client.get("/api/entities/organizations/Tories").body().string())
            .get("count").asInt());
        try (Broadsheet cli = Broadsheet.open(served.indexDir())) { // the command line, beside the server
          cli.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.MERGE, "organizations",
              List.of("Tories"), "Conservative Party", at));
        }
        served.refresh(); // the server's searcher does this by itself within a second
        JsonNode merged = JSON.readTree(client.get("/api/entities/organizations/" + enc("Conservative Party"))
            .body().string());
        assertEquals(2, merged.get("count").asInt());
        assertTrue(merged.get("aliases").toString().contains("Tories"), merged.get("aliases").toString());
        assertEquals(404, client.get("/api/entities/organizations/Tories").code());
        JsonNode facets = JSON.readTree(client.get("/api/search").body().string()).get("facets").get("organizations");
        assertTrue(values(facets).contains("Conservative Party") && !values(facets).contains("Tories"), facets.toString());
      });
    }
  }
}
