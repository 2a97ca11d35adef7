package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.broadsheet.Broadsheet;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.ingest.SampleFiles;
import org.broadsheet.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveIndexerTest {
  @TempDir
  Path tmp;

  private Broadsheet open() {
    return Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false),
        new ParserLimits(4 << 20, 50_000, java.time.Duration.ofSeconds(30)));
  }

  /** A folder {@code name} under tmp holding one article. */
  private Path root(String name, String file, String text) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve(file), text);
    return dir;
  }

  @Test
  void indexesEveryGoodFileAndNamesEveryBadOne() throws Exception {
    Path corpus = tmp.resolve("corpus");
    SampleFiles.writeGood(corpus.resolve("good"));
    SampleFiles.writeBad(corpus.resolve("bad"), 50_000);
    try (Broadsheet b = open()) {
      IndexReport r = b.index(List.of(corpus));
      assertEquals(SampleFiles.GOOD.size(), r.indexed());
      Map<String, String> failed = r.failures().stream()
          .collect(Collectors.toMap(f -> Path.of(f.file()).getFileName().toString(), IndexReport.Failure::kind));
      assertEquals(SampleFiles.BAD, failed);
      for (var e : SampleFiles.GOOD.entrySet()) {
        var hits = b.search(SearchRequest.of(e.getValue())).hits();
        assertEquals(1, hits.size(), e.getValue());
        assertEquals(corpus.resolve("good").resolve(e.getKey()).toString(), hits.get(0).path());
      }
    }
  }

  @Test
  void reindexParsesOnlyWhatChangedAndDropsWhatIsGone() throws Exception {
    Path corpus = tmp.resolve("corpus");
    SampleFiles.writeGood(corpus);
    try (Broadsheet b = open()) {
      assertEquals(SampleFiles.GOOD.size(), b.index(List.of(corpus)).indexed());

      IndexReport again = b.index(List.of(corpus));
      assertEquals(0, again.indexed(), "nothing parsed the second time");
      assertEquals(SampleFiles.GOOD.size(), again.unchanged());

      // Same bytes, new modification time: hashed, found unchanged, not parsed.
      Files.setLastModifiedTime(corpus.resolve("page.html"),
          java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
      assertEquals(0, b.index(List.of(corpus)).indexed());

      Files.writeString(corpus.resolve("2024-05-12-plain.txt"), "Ferry timetable changed\nNow about a gooseberry.\n");
      Files.delete(corpus.resolve("memo.docx"));
      IndexReport changed = b.index(List.of(corpus));
      assertEquals(1, changed.indexed());
      assertEquals(1, changed.deleted());
      assertEquals(0, b.search(SearchRequest.of("kangaroo")).total(), "the deleted file's article is gone");
      assertEquals(0, b.search(SearchRequest.of("marmalade")).total(), "the old text is replaced");
      assertEquals(1, b.search(SearchRequest.of("gooseberry")).total());
      assertEquals(SampleFiles.GOOD.size() - 1, b.search(SearchRequest.of("")).total(), "no duplicates");
    }
  }

  @Test
  void indexingAnotherRootKeepsTheFirst() throws Exception {
    Path a = root("a", "one.txt", "First story\nAbout an albatross.\n");
    Path c = root("c", "two.txt", "Second story\nAbout a cormorant.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(a));
      IndexReport r = b.index(List.of(c));
      assertEquals(0, r.deleted());
      assertEquals(2, b.search(SearchRequest.of("")).total());
      assertEquals(2, b.indexedRoots().size());
    }
  }

  @Test
  void fullRebuildReplacesTheIndex() throws Exception {
    Path corpus = tmp.resolve("corpus");
    SampleFiles.writeGood(corpus);
    try (Broadsheet b = open()) {
      b.index(List.of(corpus));
      long before = b.search(SearchRequest.of("")).total();
      IndexReport full = b.index(List.of(corpus), true, IndexListener.NONE);
      assertEquals(SampleFiles.GOOD.size(), full.indexed(), "a full rebuild parses everything");
      assertEquals(before, b.search(SearchRequest.of("")).total());
    }
  }

  @Test
  void anIndexWithAnOlderSchemaIsRebuiltWithAllItsRoots() throws Exception {
    Path a = root("a", "one.txt", "First story\nAbout an albatross.\n");
    Path c = root("c", "two.txt", "Second story\nAbout a cormorant.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(a));
      b.index(List.of(c));
    }
    IndexLayout layout = new IndexLayout(tmp.resolve("index"));
    try (var dir = org.apache.lucene.store.FSDirectory.open(layout.lucene());
         var writer = new org.apache.lucene.index.IndexWriter(dir,
             new org.apache.lucene.index.IndexWriterConfig(ArchiveAnalyzer.forIndexing()))) {
      writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, "0").entrySet());
      writer.commit();
    }
    try (Broadsheet b = open()) {
      IndexReport r = b.index(List.of(a));
      assertEquals(2, r.indexed(), "both roots re-read under the new schema");
      assertEquals(2, b.search(SearchRequest.of("")).total());
      assertEquals(0, b.index(List.of(a)).indexed(), "and current from then on");
    }
  }

  @Test
  void aSecondWriterIsToldTheIndexIsInUse() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("x.txt"), "Title\nBody text.\n");
    IndexLayout layout = new IndexLayout(tmp.resolve("index"));
    Files.createDirectories(layout.lucene());
    try (var dir = org.apache.lucene.store.FSDirectory.open(layout.lucene());
         var writer = new org.apache.lucene.index.IndexWriter(dir,
             new org.apache.lucene.index.IndexWriterConfig(ArchiveAnalyzer.forIndexing()));
         Broadsheet b = open()) {
      Files.writeString(layout.writerPidFile(), "4242");
      IndexInUseException e = org.junit.jupiter.api.Assertions.assertThrows(IndexInUseException.class,
          () -> b.index(List.of(corpus)));
      assertTrue(e.getMessage().contains("in use by process 4242"), e.getMessage());
    }
  }

  /** A broken installation fails every file alike: the run stops and says so, and no file is called corrupt. */
  @Test
  void aClasspathErrorStopsTheRunInsteadOfFailingEveryFile() throws Exception {
    Path corpus = root("corpus", "a.txt", "First story\nAbout an albatross.\n");
    Files.writeString(corpus.resolve("b.txt"), "Second story\nAbout a buzzard.\n");
    org.broadsheet.extract.EntityExtractor broken = new org.broadsheet.extract.EntityExtractor() {
      @Override
      public org.broadsheet.extract.Extraction extract(org.broadsheet.ingest.Article article) {
        throw new NoClassDefFoundError("org/apache/commons/lang3/SystemProperties");
      }

      @Override
      public String version() {
        return "broken";
      }
    };
    IndexLayout layout = new IndexLayout(tmp.resolve("index"));
    java.util.List<String> skipped = new java.util.ArrayList<>();
    try (var parser = new org.broadsheet.ingest.ArticleParser(org.broadsheet.ingest.ParserLimits.DEFAULT)) {
      ArchiveIndexer indexer = new ArchiveIndexer(layout, parser, broken, null, IndexSettings.defaults());
      IndexingStoppedException e = org.junit.jupiter.api.Assertions.assertThrows(IndexingStoppedException.class,
          () -> indexer.index(List.of(corpus), false, new IndexListener() {
            @Override
            public void skipped(org.broadsheet.ingest.SkippedFileException s) {
              skipped.add(s.kind());
            }
          }));
      assertTrue(e.getMessage().contains("SystemProperties") && e.getMessage().contains("classpath"), e.getMessage());
    }
    assertEquals(List.of(), skipped, "no file is blamed");
  }

  /** An application embedding the library searches while it indexes. */
  @Test
  void searchesAnswerWhileAnIndexingRunIsUnderWay() throws Exception {
    Path corpus = root("corpus", "a.txt", "First story\nAbout an albatross.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(corpus));
      Files.writeString(corpus.resolve("b.txt"), "Second story\nAbout a buzzard.\n");
      java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      var threads = java.util.concurrent.Executors.newCachedThreadPool();
      var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return b.index(List.of(corpus), false, new IndexListener() {
            @Override
            public void fileDone(String id, IndexReport.Outcome outcome) {
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          });
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, threads);
      assertTrue(running.await(60, java.util.concurrent.TimeUnit.SECONDS));
      var search = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return b.search(SearchRequest.of("albatross")).total();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, threads);
      assertEquals(1L, search.get(60, java.util.concurrent.TimeUnit.SECONDS), "answered while the run waits");
      release.countDown();
      assertEquals(1, run.get(60, java.util.concurrent.TimeUnit.SECONDS).indexed());
      threads.shutdown();
    }
  }
}
