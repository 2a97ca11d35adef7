package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir
  Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** serve shows articles' file paths in the API only when it listens on this machine only. */
  @Test
  void serveShowsPathsOnlyOnALoopbackAddress() {
    for (String local : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
      assertTrue(ServeCommand.listensLocally(local), local);
    }
    for (String shared : List.of("0.0.0.0", "::", "192.0.2.1")) {
      assertFalse(ServeCommand.listensLocally(shared), shared);
    }
  }

  @Test
  void indexExitsTwoWhenSomeFilesFailAndSearchPrintsJson() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("story.txt"), "Lighthouse keeper retires\nThe keeper lit the lamp for forty years.\n");
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    String index = tmp.resolve("index").toString();
    assertEquals(2, run("index", "--no-extract", "--index", index, corpus.toString()).code());

    CliRun search = run("search", "--json", "--index", index, "lighthouse");
    assertEquals(0, search.code(), search.err());
    JsonNode json = new ObjectMapper().readTree(search.out());
    assertEquals(1, json.get("total").asInt());
    assertEquals(org.broadsheet.ingest.ArticleId.of(corpus.resolve("story.txt")), json.get("hits").get(0).get("id").asText());
    assertTrue(json.has("facets"));

    CliRun plain = run("search", "--index", index, "lighthouse");
    assertTrue(plain.out().contains("Lighthouse keeper retires"), plain.out());
  }

  /** "index --full" with no folder would rebuild from corpus/ alone: refused while the index holds articles from elsewhere. */
  @Test
  void aFullRebuildWithoutFoldersDoesNotDropArticlesFromOtherFolders() throws Exception {
    Path news = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(news.resolve("story.txt"), "Lighthouse keeper retires\nThe keeper lit the lamp for forty years.\n");
    String index = tmp.resolve("index").toString();
    assertEquals(0, run("index", "--no-extract", "--index", index, news.toString()).code());

    CliRun refused = run("index", "--full", "--no-extract", "--index", index);
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("also holds articles from " + news.toRealPath()), refused.err());
    CliRun search = run("search", "--json", "--index", index, "lighthouse");
    assertEquals(1, new ObjectMapper().readTree(search.out()).get("total").asInt(), "the article is still there");

    assertEquals(0, run("index", "--full", "--no-extract", "--index", index, news.toString()).code());
  }

  @Test
  @Tag("slow") // the real command loads CoreNLP's models for itself, not the tests' shared extractor
  void extractPrintsMentionsWithOffsetsIntoTheFileText() throws Exception {
    Path file = tmp.resolve("2024-05-12-visit.txt");
    String text = "Minister visits Cairo\nPrime Minister Jane Holloway arrived in Cairo on Monday for talks "
        + "with the United Nations. Holloway left on May 14, 2024.\n";
    Files.writeString(file, text);
    CliRun run = run("extract", "--json", "--index", tmp.resolve("index").toString(), file.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertEquals(text, json.get("text").asText(), "plain text is the file unchanged");
    assertEquals("Minister visits Cairo", json.get("title").asText());
    assertEquals("2024-05-12T00:00:00Z", json.get("published").asText());
    assertEquals("filename", json.get("publishedFrom").asText(), "not May 14, 2024 from the text");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode e : json.get("entities")) {
      String surface = text.substring(e.get("start").asInt(), e.get("end").asInt());
      assertEquals(e.get("text").asText(), surface, "offsets point into the text");
      seen.add(e.get("type").asText() + "=" + (e.get("type").asText().equals("date")
          ? e.get("value").asText() : e.get("canonical").asText()));
    }
    assertTrue(seen.contains("person=Jane Holloway"), seen.toString());
    assertTrue(seen.contains("place=Cairo"), seen.toString());
    assertTrue(seen.contains("organization=United Nations"), seen.toString());
    assertTrue(seen.contains("date=2024-05-06"), "Monday: the last one before Sunday 12 May: " + seen);
    assertTrue(seen.contains("date=2024-05-14"), seen.toString());
  }

  @Test
  void clearErrorsNotStackTraces() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Title\nText.\n");
    String index = tmp.resolve("index").toString();
    assertEquals(0, run("index", "--no-extract", "--index", index, corpus.toString()).code());
    CliRun bad = run("search", "--index", index, "title:");
    assertEquals(2, bad.code(), "a bad query is a usage error");
    assertTrue(bad.err().startsWith("broadsheet: bad query:"), bad.err());
    for (String[] args : List.of(new String[] {"search", "--index", index, "title:"},
        new String[] {"search", "--index", index, "--from", "yesterday", "x"},
        new String[] {"search", "--index", index, "--from", "2024-05-01", "--to", "2024-01-01", "x"},
        new String[] {"search", "--index", index, "--facet", "foo=bar", "x"},
        new String[] {"search", "--index", index, "a*"},
        new String[] {"serve", "--index", index, "--port", "99999"},
        new String[] {"index", "--index", index, "--threads", "0", corpus.toString()})) {
      CliRun r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("broadsheet: ") && r.err().strip().lines().count() <= 2,
          String.join(" ", args) + " says one line (and where help is): " + r.err());
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
    CliRun missing = run("search", "--index", tmp.resolve("nowhere").toString(), "x");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no index here yet"), missing.err());
    CliRun noCorpus = run("index", "--index", index, tmp.resolve("absent").toString());
    assertEquals(1, noCorpus.code());
    Path fresh = tmp.resolve("fresh-index");
    assertEquals(1, run("index", "--index", fresh.toString(), tmp.resolve("absent").toString()).code());
    assertFalse(Files.exists(fresh), "a failed first run leaves no index folder (nor extractions/) behind");
  }
}
