package org.broadsheet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.EntityType;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.Mention;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.Bookkeeping;
import org.broadsheet.index.DocumentBuilder;
import org.broadsheet.index.Fields;
import org.broadsheet.index.IndexLayout;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Whole result sets out of the API: CSV and JSON Lines exports parsed back and counted against
 * {@code total} (over 10,000 matches, past the paging limit), the {@code after} cursor through every
 * page, and the Atom feed parsed as XML. The index is written directly (no NER), 10,050 small
 * articles plus a few with hostile titles.
 */
class ExportAndFeedTest {
  private static final int MANY = 10_050;
  /** Titles that break naive CSV, JSON or XML writers. */
  private static final List<String> HOSTILE = List.of(
      "Comma, \"quotes\" and\na line break", "<script>alert(1)</script> & <b>bold</b>",
      "Control\u0001char and \uD800 lone surrogate", "=HYPERLINK(\"http://evil\") ; semicolon");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  static Broadsheet archive;
  static Path web;

  @BeforeAll
  static void index() throws Exception {
    Path root = tmp.resolve("index");
    IndexLayout layout = new IndexLayout(root);
    DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig());
    Files.createDirectories(layout.lucene());
    try (Directory dir = FSDirectory.open(layout.lucene());
         IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ArchiveAnalyzer.forIndexing()))) {
      for (int i = 0; i < MANY; i++) {
        String title = "Wire report " + i;
        w.addDocument(builder.build(article("w" + i, title, title + "\n\nMarket report number " + i
            + " on grain, with figure " + (i * 7919 % 10007) + ".", Instant.ofEpochSecond(600_000_000L + i * 60L)),
            i % 3 == 0 ? new Extraction(List.of(person("Jane Roe"), person("John Doe"))) : Extraction.EMPTY,
            bookkeeping("w" + i, "grain")));
      }
      for (int i = 0; i < HOSTILE.size(); i++) {
        w.addDocument(builder.build(article("h" + i, HOSTILE.get(i), HOSTILE.get(i) + "\n\nHostile headline test "
            + i + " about grain markets.", Instant.ofEpochSecond(1_700_000_000L + i)), new Extraction(List.of(
            person("Ann \"Quote\" O'Neil"), person("Bob, Jr."))), bookkeeping("h" + i, "hostile")));
      }
      w.setLiveCommitData(java.util.Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION).entrySet());
      w.commit();
    }
    archive = Broadsheet.open(root);
    web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
  }

  private static Article article(String id, String title, String text, Instant published) {
    return new Article(id, "/archive/" + id, title, text, published, DateSource.METADATA, null, "Test Wire", "en",
        "text/plain", Integer.toHexString(text.hashCode()));
  }

  private static Mention person(String name) {
    return new Mention(EntityType.PERSON, name, 0, name.length(), name, null, null);
  }

  private static Bookkeeping bookkeeping(String id, String folder) {
    Path file = tmp.resolve("corpus").resolve(folder).resolve(id + ".txt");
    return new Bookkeeping(id, file.toUri().toString(), tmp.resolve("corpus").toUri().toString(), "0", "0:0");
  }

  @AfterAll
  static void close() throws Exception {
    archive.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void exportsHaveARowPerMatchingArticleBeyondThePagingLimit() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      for (String q : List.of("q=", "q=grain", "q=" + enc("report OR hostile"), "people=" + enc("Jane Roe"),
          "q=grain&not_people=" + enc("Jane Roe"), "collection=hostile", "q=" + enc("report 77*"))) {
        long total = JSON.readTree(client.get("/api/search?collapse=false&" + q).body().string()).get("total").asLong();
        var csv = client.get("/api/export?format=csv&" + q);
        assertEquals(200, csv.code(), q);
        assertTrue(header(csv, "Content-Type").startsWith("text/csv"), header(csv, "Content-Type"));
        assertTrue(header(csv, "Content-Disposition").startsWith("attachment"));
        byte[] csvBytes = csv.body().string().getBytes(StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csvBytes);
        assertEquals(List.of("id", "title", "published", "people", "places", "organizations", "countries", "group"),
            rows.get(0), "the header");
        assertEquals(total, rows.size() - 1, "CSV rows for " + q);
        var jsonl = client.get("/api/export?format=jsonl&" + q);
        assertEquals(200, jsonl.code());
        String[] lines = jsonl.body().string().split("\n");
        long n = 0;
        for (String line : lines) {
          if (line.isEmpty()) {
            continue;
          }
          JsonNode hit = JSON.readTree(line);
          assertFalse(hit.has("snippet"));
          assertNotNull(hit.get("group").asText());
          n++;
        }
        assertEquals(total, n, "JSON Lines for " + q);
      }
      assertTrue(JSON.readTree(client.get("/api/search").body().string()).get("total").asLong() > 10_000);
    });
  }

  @Test
  void csvQuotesAndJoinsAsRfc4180Says() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      List<List<String>> rows = parseCsv(client.get("/api/export?format=csv&collection=hostile&sort=oldest").body().string().getBytes(StandardCharsets.UTF_8));
      assertEquals(HOSTILE.size() + 1, rows.size());
      assertEquals(HOSTILE.get(0), rows.get(1).get(1), "commas, quotes and line breaks survive");
      assertEquals(HOSTILE.get(3), rows.get(4).get(1));
      assertEquals("Ann \"Quote\" O'Neil; Bob, Jr.", rows.get(1).get(3), "several values joined by '; '");
      String raw = new String(client.get("/api/export?format=csv&collection=hostile&sort=oldest").body().string().getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      assertTrue(raw.startsWith("id,title,published,people,places,organizations,countries,group\r\n"), raw);
      assertTrue(raw.contains("\"Comma, \"\"quotes\"\" and\na line break\""), raw);
    });
  }

  @Test
  void theCursorPagesThroughEveryMatchPastTenThousand() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      assertEquals(400, client.get("/api/search?page=101&size=100").code(), "page numbers stop at 10,000");
      // Past 10,000 by date; by relevance through a smaller set whose scores tie (the order key decides).
      for (String[] c : List.of(new String[] {"grain", "newest", "100"}, new String[] {"report 77*", "relevance", "7"})) {
        Set<String> ids = new HashSet<>();
        String after = null;
        long total = -1;
        int pages = 0;
        do {
          String url = "/api/search?q=" + enc(c[0]) + "&size=" + c[2] + "&collapse=false&sort=" + c[1]
              + (after == null ? "" : "&after=" + enc(after));
          JsonNode page = JSON.readTree(client.get(url).body().string());
          total = page.get("total").asLong();
          page.get("hits").forEach(h -> assertTrue(ids.add(h.get("id").asText()), "no hit twice"));
          after = page.get("next").isNull() ? null : page.get("next").asText();
          pages++;
        } while (after != null && pages < 200);
        assertEquals(total, ids.size(), c[1]);
        assertTrue(total > (c[1].equals("newest") ? 10_000 : 20), c[0] + ": " + total);
      }
      assertEquals(400, client.get("/api/search?after=bm9uc2Vuc2U").code());
      assertEquals(400, client.get("/api/search?after=UjowOjNmODAwMDAwOjA&sort=newest").code(), "a cursor of another sort");
      assertEquals(400, client.get("/api/search?after=UjowOjNmODAwMDAwOjA&page=2").code());
    });
  }

  @Test
  void theFeedIsAtomNewestFirstWithHostileTitlesIntact() {
    JavalinTest.test(new BroadsheetApp(archive, web).javalin(), (server, client) -> {
      var res = client.get("/api/feed?q=grain");
      assertEquals(200, res.code());
      assertTrue(header(res, "Content-Type").startsWith("application/atom+xml"));
      byte[] body = res.body().string().getBytes(StandardCharsets.UTF_8);
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element feed = f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
      String atom = "http://www.w3.org/2005/Atom";
      assertEquals(atom, feed.getNamespaceURI());
      assertEquals("feed", feed.getLocalName());
      for (String required : List.of("id", "title", "updated")) {
        assertEquals(1, children(feed, required).size(), required);
      }
      List<Element> entries = children(feed, "entry");
      assertEquals(50, entries.size());
      Instant previous = Instant.MAX;
      Set<String> ids = new HashSet<>();
      List<String> titles = new ArrayList<>();
      for (Element e : entries) {
        assertTrue(ids.add(text(e, "id")));
        assertTrue(text(e, "id").startsWith("urn:uuid:"));
        Instant updated = Instant.parse(text(e, "updated"));
        assertFalse(updated.isAfter(previous), "newest first");
        previous = updated;
        Element link = children(e, "link").get(0);
        assertTrue(link.getAttribute("href").contains("/article.html?id="), link.getAttribute("href"));
        assertFalse(text(e, "summary").isBlank());
        titles.add(text(e, "title"));
      }
      assertEquals(HOSTILE.get(3), titles.get(0), "the newest first");
      assertEquals("<script>alert(1)</script> & <b>bold</b>", titles.get(2), "markup in a title is text");
      // The index stores UTF-8, so a lone surrogate is U+FFFD by then; XML cannot carry U+0001 at all.
      assertEquals("Controlchar and \uFFFD lone surrogate", titles.get(1), "what XML cannot carry is dropped");
      List<String> categories = children(entries.get(0), "category").stream().map(c -> c.getAttribute("term")).toList();
      assertEquals(List.of("Ann \"Quote\" O'Neil", "Bob, Jr."), categories);
      String again = new String(client.get("/api/feed?q=grain").body().string().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertTrue(again.contains(text(entries.get(0), "id")), "entry ids are stable");
      assertEquals(400, client.get("/api/feed?size=10").code(), "the feed has its own size");
      assertEquals(400, client.get("/api/export?format=xml").code());
      var bad = client.get("/api/export?q=title%3A");
      assertEquals(400, bad.code());
      assertTrue(JSON.readTree(bad.body().string()).has("error"));
    });
  }

  private static String header(io.javalin.testtools.Response res, String name) {
    List<String> values = res.headers().get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static List<List<String>> parseCsv(byte[] bytes) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(bytes)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())
          && "http://www.w3.org/2005/Atom".equals(e.getNamespaceURI())) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    return children(parent, name).get(0).getTextContent();
  }
}
