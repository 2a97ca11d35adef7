package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the OpenAPI description true: every route the app registers is described and every
 * described operation is a route; every parameter the handlers accept is described; and live
 * answers of the real app, for each operation with each described parameter and for its errors,
 * match the schema the description gives for their status.
 */
class OpenApiTest {
  private static final String BASE = "https://broadsheet.invalid/openapi.json";
  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static Path web;
  static JsonNode doc;
  static SchemaRegistry schemas;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void setUp() throws Exception {
    // Entities from a name list (not CoreNLP: its models take minutes to load), so answers carry them.
    archive = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withThreads(1), ParserLimits.DEFAULT,
        org.broadsheet.search.SearchSettings.defaults(), new org.broadsheet.extract.NameListExtractor(List.of(
            org.broadsheet.extract.NameListExtractor.person("Ismail Haniyeh", "Ismail Haniyeh"),
            org.broadsheet.extract.NameListExtractor.person("Haniyeh", "Ismail Haniyeh"),
            org.broadsheet.extract.NameListExtractor.person("Abu Zuhri", "Sami Abu Zuhri"),
            org.broadsheet.extract.NameListExtractor.org("Hamas", "Hamas"),
            org.broadsheet.extract.NameListExtractor.place("Gaza", "PS"),
            org.broadsheet.extract.NameListExtractor.place("Rafah", "PS"),
            org.broadsheet.extract.NameListExtractor.place("Doha", "QA"),
            org.broadsheet.extract.NameListExtractor.place("Ankara", "TR"))));
    archive.index(List.of(Path.of("corpus")));
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
    String text;
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    doc = JSON.readTree(text);
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; refs point into the document itself.
    schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, text)));
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  @Test
  void everyRouteIsDescribedAndEveryDescriptionIsARoute() {
    BroadsheetApp app = new BroadsheetApp(archive, web);
    Set<String> routes = new TreeSet<>();
    for (var handler : app.javalin().unsafe.internalRouter.allHttpHandlers()) {
      var endpoint = handler.endpoint;
      if (endpoint.method.isHttpMethod()) {
        // Javalin's {x} and <x> (slashes allowed) are both OpenAPI's {x}.
        routes.add(endpoint.method.name() + " " + endpoint.path.replace('<', '{').replace('>', '}'));
      }
    }
    Set<String> described = new TreeSet<>();
    doc.get("paths").properties().forEach(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
    assertEquals(routes, described);
  }

  @Test
  void everyAcceptedParameterIsDescribed() {
    assertEquals(SearchController.SEARCH_PARAMS, queryParams("/api/search"));
    assertEquals(SearchController.FACET_PARAMS, queryParams("/api/facets/{dim}"));
    assertEquals(SearchController.SUGGEST_PARAMS, queryParams("/api/suggest"));
    assertEquals(SearchController.EXPORT_PARAMS, queryParams("/api/export"));
    assertEquals(SearchController.FEED_PARAMS, queryParams("/api/feed"));
    assertEquals(EntityController.ENTITY_PARAMS, queryParams("/api/entities/{dim}/{value}"));
  }

  @Test
  void liveAnswersMatchTheDescription() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      String id = JSON.readTree(client.get("/api/search?q=Rafah").body().string()).get("hits").get(0).get("id").asText();
      Map<String, String> pathValues = Map.of("id", id, "dim", "people", "value", "Ismail%20Haniyeh");
      List<String> checked = new ArrayList<>();
      // Each GET operation bare, and with each of its query parameters set to the described example.
      for (var path : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths").properties()::iterator) {
        JsonNode get = path.getValue().get("get");
        if (get == null) {
          continue;
        }
        String target = path.getKey();
        for (var v : pathValues.entrySet()) {
          target = target.replace("{" + v.getKey() + "}", v.getValue());
        }
        // Required parameters go in every request, with their examples; without them it is a 400.
        String required = "";
        for (JsonNode param : params(get)) {
          if (param.get("in").asText().equals("query") && param.path("required").asBoolean()) {
            required += (required.isEmpty() ? "?" : "&") + param.get("name").asText() + "="
                + URLEncoder.encode(param.get("example").asText(), StandardCharsets.UTF_8);
          }
        }
        if (!required.isEmpty()) {
          checked.add(check(client, path.getKey(), "get", target, 400));
        }
        checked.add(check(client, path.getKey(), "get", target + required, 200));
        for (JsonNode param : params(get)) {
          if (param.get("in").asText().equals("query") && !param.path("required").asBoolean()) {
            JsonNode example = param.get("example");
            assertNotNull(example, "an example for " + param.get("name") + " in " + path.getKey());
            String value = example.isArray() ? example.get(0).asText() : example.asText();
            checked.add(check(client, path.getKey(), "get", target + required + (required.isEmpty() ? "?" : "&")
                + param.get("name").asText() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), 200));
          }
        }
      }
      // A page of hits with facets and every field filled in, and the errors.
      checked.add(check(client, "/api/search", "get", "/api/search?q=Gaza&size=100", 200));
      checked.add(check(client, "/api/search", "get", "/api/search?q=Rafha", 200)); // with a suggestion
      checked.add(check(client, "/api/search", "get", "/api/search?q=title%3A", 400));
      checked.add(check(client, "/api/search", "get", "/api/search?q=x&bogus=1", 400));
      checked.add(check(client, "/api/articles/{id}", "get", "/api/articles/0123456789abcdef", 404));
      checked.add(check(client, "/api/articles/{id}/original", "get", "/api/articles/0123456789abcdef/original", 404));
      checked.add(check(client, "/api/facets/{dim}", "get", "/api/facets/nonsense", 400));
      checked.add(check(client, "/api/facets/{dim}", "get", "/api/facets/people?limit=0", 400));
      checked.add(check(client, "/api/suggest", "get", "/api/suggest?prefix=raf", 200));
      checked.add(check(client, "/api/suggest", "get", "/api/suggest?prefix=" + "x".repeat(101), 400));
      checked.add(check(client, "/api/entities/{dim}/{value}", "get", "/api/entities/places/Doha", 200));
      checked.add(check(client, "/api/entities/{dim}/{value}", "get", "/api/entities/people/Nobody%20Known", 404));
      checked.add(check(client, "/api/entities/{dim}/{value}", "get", "/api/entities/dates/2024", 400));
      checked.add(check(client, "/api/entities/{dim}/{value}", "get", "/api/entities/people/Hamas?sort=newest", 400));
      assertTrue(checked.size() > 30, checked.toString());
    });
    try (Broadsheet none = Broadsheet.open(tmp.resolve("no-index-here"))) {
      JavalinTest.test(new BroadsheetApp(none, web).javalin(),
          (server, client) -> check(client, "/api/health", "get", "/api/health", 503));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * These tests index without entity extraction (the NER models take minutes to load), so no live
   * answer has mentions: each kind is checked as the API's own mapper writes it.
   */
  @Test
  void entityMentionsMatchTheirSchema() {
    ObjectMapper api = PathPolicy.mapper(true);
    Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#/components/schemas/Mention"));
    for (EntityType type : EntityType.values()) {
      Mention m = new Mention(type, "Gaza", 10, 14, "Gaza", type == EntityType.DATE ? "2024-05" : null,
          type == EntityType.PLACE ? "PS" : null);
      assertEquals(List.of(), schema.validate(api.valueToTree(m)), type.toString());
    }
  }

  @Test
  void notModifiedAnswersAreDescribedWhereTheyHappen() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (String path : List.of("/api/search", "/api/openapi.json")) {
        String etag = client.get(path).headers().get("ETag").get(0);
        Response res = client.get(path, b -> b.header("If-None-Match", etag));
        assertEquals(304, res.code());
        assertNotNull(response(path, "get", 304), "304 described for " + path);
      }
    });
  }

  /** Requests target, expects the status, and validates the answer against the described schema. */
  private static String check(HttpClient client, String template, String method, String target, int status)
      throws Exception {
    Response res = client.get(target);
    String body = res.body().string();
    assertEquals(status, res.code(), target + ": " + body);
    JsonNode described = response(template, method, status);
    assertNotNull(described, status + " is not described for " + method + " " + template);
    String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + status;
    if (described.has("$ref")) {
      pointer = described.get("$ref").asText().substring(1);
    }
    JsonNode content = doc.at(pointer + "/content");
    if (!content.isMissingNode() && !content.has("application/json")) {
      // Not JSON (CSV, JSON Lines, Atom): the media type must be one described.
      String type = String.valueOf(res.headers().get("Content-Type")).replaceAll("[\\[\\]]", "").split(";")[0].strip();
      assertTrue(content.has(type) || content.has("*/*"), target + " answered " + type + ", described: " + content.properties());
      return target;
    }
    Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer + "/content/application~1json/schema"));
    var errors = schema.validate(JSON.readTree(body));
    assertTrue(errors.isEmpty(), target + " (" + status + ") does not match its schema: " + errors + "\n" + body);
    return target;
  }

  private static JsonNode response(String template, String method, int status) {
    return doc.get("paths").get(template).get(method).get("responses").get(String.valueOf(status));
  }

  private static List<JsonNode> params(JsonNode operation) {
    List<JsonNode> out = new ArrayList<>();
    if (operation.has("parameters")) {
      for (JsonNode p : operation.get("parameters")) {
        out.add(p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p);
      }
    }
    return out;
  }

  private static Set<String> queryParams(String template) {
    Set<String> names = new HashSet<>();
    for (JsonNode p : params(doc.get("paths").get(template).get("get"))) {
      if (p.get("in").asText().equals("query")) {
        names.add(p.get("name").asText());
      }
    }
    return names;
  }

  private static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }
}
