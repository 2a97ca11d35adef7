package org.broadsheet.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionCacheTest {
  private static final String HASH = "ab".repeat(32);

  private static Extraction sample() {
    return new Extraction(List.of(
        new Mention(EntityType.PERSON, "Erdoğan", 4, 11, "Recep Tayyip Erdoğan", null, null, "surname"),
        new Mention(EntityType.PLACE, "Rafah", 20, 25, "Rafah", null, "PS"),
        new Mention(EntityType.DATE, "Oct. 7", 30, 36, "2023-10-07", "2023-10-07", null)));
  }

  /** A full disk or a read-only folder: the article keeps its extraction, the cache just misses. */
  @Test
  void aCacheThatCannotBeWrittenStillGivesTheExtraction(@TempDir Path dir) throws Exception {
    Path blocked = Files.writeString(dir.resolve("extractions"), "a file where the cache's folder should be");
    try (ExtractionCache cache = new ExtractionCache(blocked)) {
      AtomicInteger runs = new AtomicInteger();
      assertEquals(sample(), cache.get(HASH, "v1", () -> {
        runs.incrementAndGet();
        return sample();
      }));
      assertEquals(sample(), cache.get(HASH, "v1", ExtractionCacheTest::sample));
      assertEquals(1, runs.get());
    }
  }

  /** Dates in the text are resolved against the published date, so it is part of the key. */
  @Test
  void theSameTextPublishedOnAnotherDayIsExtractedAgain(@TempDir Path dir) {
    AtomicInteger runs = new AtomicInteger();
    EntityExtractor counting = new EntityExtractor() {
      @Override
      public Extraction extract(org.broadsheet.ingest.Article article) {
        runs.incrementAndGet();
        return sample();
      }

      @Override
      public String version() {
        return "test";
      }
    };
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      for (String day : List.of("2024-05-12", "2024-05-13", "2024-05-12")) {
        cache.extract(new org.broadsheet.ingest.Article("id", "/x.txt", "T", "On Monday",
            java.time.Instant.parse(day + "T00:00:00Z"), org.broadsheet.ingest.DateSource.FILENAME, null, null, null,
            "text/plain", HASH), counting);
      }
    }
    assertEquals(2, runs.get());
  }

  @Test
  void jsonRoundTrip() {
    String json = ExtractionJson.write(sample());
    assertTrue(json.contains("\"type\":\"person\""), json);
    assertEquals(sample(), ExtractionJson.read(json));
    assertThrows(IllegalArgumentException.class, () -> ExtractionJson.read("{\"x\":1}"));
  }

  @Test
  void persistsAcrossInstancesPerVersion(@TempDir Path dir) {
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      assertTrue(cache.get(HASH, "v1").isEmpty());
      cache.put(HASH, "v1", sample());
    }
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      assertEquals(sample(), cache.get(HASH, "v1").orElseThrow());
      assertTrue(cache.get(HASH, "v2").isEmpty(), "another extractor version is another entry");
      assertTrue(cache.get("cd".repeat(32), "v1").isEmpty());
    }
  }

  @Test
  void damagedEntryIsAMiss(@TempDir Path dir) throws Exception {
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      cache.put(HASH, "v1", sample());
      try (var files = Files.walk(dir)) {
        Path entry = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        Files.writeString(entry, "{\"mentions\":[");
      }
      assertTrue(cache.get(HASH, "v1").isEmpty());
      assertThrows(IllegalArgumentException.class, () -> cache.get("../../etc", "v1"));
    }
  }

  @Test
  void anArticleReadOrDatedAnewFromTheSameBytesIsExtractedAnew(@TempDir Path dir) {
    AtomicInteger computed = new AtomicInteger();
    EntityExtractor counting = new EntityExtractor() {
      @Override
      public Extraction extract(Article article) {
        computed.incrementAndGet();
        return sample();
      }

      @Override
      public String version() {
        return "v1";
      }
    };
    Instant may12 = Instant.parse("2024-05-12T00:00:00Z");
    Article latin1 = new Article("a", "a", "Club", "Club gives Â£2m", may12, DateSource.DATELINE, null, null, "en",
        "text/plain", HASH);
    Article utf8 = new Article("a", "a", "Club", "Club gives £2m", may12, DateSource.DATELINE, null, null, "en",
        "text/plain", HASH);
    Article undated = new Article("a", "a", "Club", "Club gives £2m", null, null, null, null, "en", "text/plain", HASH);
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      for (Article a : List.of(latin1, utf8, undated, utf8, latin1, undated)) {
        cache.extract(a, counting);
      }
    }
    assertEquals(3, computed.get(), "once per text and date, then from the cache");
  }

  /** Entries are written under a temporary name and moved into place: nothing else is left behind. */
  @Test
  void anEntryLeavesNoTemporaryFileAndAFolderDeletedUnderTheCacheIsMadeAgain(@TempDir Path dir) throws Exception {
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      cache.put(HASH, "v1", sample());
      Path folder;
      try (var files = Files.walk(dir)) {
        List<Path> written = files.filter(Files::isRegularFile).toList();
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).getFileName().toString().equals(HASH + ".json"), written.toString());
        folder = written.get(0).getParent();
      }
      Files.delete(folder.resolve(HASH + ".json"));
      Files.delete(folder);
      cache.put(HASH, "v1", sample());
      assertEquals(sample(), cache.get(HASH, "v1").orElseThrow());
    }
  }

  @Test
  void concurrentThreadsComputeAndShare(@TempDir Path dir) throws Exception {
    AtomicInteger computed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ExtractionCache cache = new ExtractionCache(dir)) {
      List<Future<Extraction>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String hash = String.format("%064x", i % 20);
        results.add(pool.submit(() -> cache.get(hash, "v1", () -> {
          computed.incrementAndGet();
          return sample();
        })));
      }
      for (Future<Extraction> f : results) {
        assertEquals(sample(), f.get());
      }
      for (int i = 0; i < 20; i++) {
        assertEquals(sample(), cache.get(String.format("%064x", i), "v1").orElseThrow());
      }
      assertTrue(computed.get() >= 20 && computed.get() < 200, "computed " + computed.get());
    } finally {
      pool.shutdown();
    }
  }
}
