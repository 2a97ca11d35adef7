package org.broadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each published date came from is kept in the index and returned with hits and articles. */
class PublishedFromTest {
  @TempDir
  Path tmp;

  @Test
  void theSourceOfEachDateIsIndexedAndReturned() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("page.html"), """
        <html><head><title>Harbour wall repaired</title>
        <meta property="article:published_time" content="2023-07-01T09:30:00Z"></head>
        <body><p>The harbour wall was repaired over the weekend.</p></body></html>
        """);
    Files.writeString(corpus.resolve("wire.txt"),
        "Harbour strike ends\n\nLONDON, 12 May 2024 - Harbour workers returned on Monday.\n");
    Files.writeString(corpus.resolve("2021-07-10-ferry.txt"), "Harbour ferry returns\n\nThe harbour ferry runs again.\n");
    Files.writeString(corpus.resolve("obituary.txt"),
        "Harbour master dies\n\nThe harbour master, born on 5 April 1920, died on Sunday.\n");
    try (Broadsheet b = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false),
        ParserLimits.DEFAULT)) {
      assertEquals(4, b.index(List.of(corpus)).indexed());
      SearchResult r = b.search(new SearchRequest("harbour", Map.of(), null, null, null, SearchRequest.Sort.NEWEST, 1, 10));
      Map<String, String> from = new HashMap<>();
      r.hits().forEach(h -> from.put(Path.of(h.path()).getFileName().toString(), h.publishedFrom() + " " + h.published()));
      assertEquals(Map.of(
          "page.html", "metadata 2023-07-01T09:30:00Z",
          "wire.txt", "dateline 2024-05-12T00:00:00Z",
          "2021-07-10-ferry.txt", "filename 2021-07-10T00:00:00Z",
          "obituary.txt", "null null"), from);
      assertEquals(corpus.resolve("wire.txt").toString(), r.hits().get(0).path(), "newest first, and no invented date ahead of it");
      assertEquals("dateline", b.article(org.broadsheet.ingest.ArticleId.of(corpus.resolve("wire.txt"))).orElseThrow().publishedFrom());
      assertNull(b.article(org.broadsheet.ingest.ArticleId.of(corpus.resolve("obituary.txt"))).orElseThrow().publishedFrom());
    }
  }
}
