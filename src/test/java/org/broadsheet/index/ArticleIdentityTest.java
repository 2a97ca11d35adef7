package org.broadsheet.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article is its file: no path given to {@code index} loses or duplicates one. */
class ArticleIdentityTest {
  @TempDir
  Path tmp;

  private Broadsheet open() {
    return open(IndexSettings.defaults().withExtract(false));
  }

  private Broadsheet open(IndexSettings settings) {
    return Broadsheet.open(tmp.resolve("index"), settings, new ParserLimits(4 << 20, 50_000, java.time.Duration.ofSeconds(30)));
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static long total(Broadsheet b) throws IOException {
    return b.search(SearchRequest.of("")).total();
  }

  @Test
  void indexingOneFileKeepsItsNeighbours() throws Exception {
    Path corpus = tmp.resolve("corpus");
    write(corpus.resolve("a.txt"), "Albatross\nA story about an albatross.\n");
    write(corpus.resolve("b.txt"), "Buzzard\nA story about a buzzard.\n");
    write(corpus.resolve("c.txt"), "Cormorant\nA story about a cormorant.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(corpus));
      Path added = write(corpus.resolve("new.txt"), "Dunlin\nA story about a dunlin.\n");
      IndexReport r = b.index(List.of(added));
      assertEquals(1, r.indexed());
      assertEquals(0, r.deleted());
      assertEquals(4, total(b));
      assertEquals(0, b.index(List.of(corpus)).indexed(), "the file is the same article through its folder");
      assertEquals(4, total(b));
    }
  }

  @Test
  void foldersWithTheSameFileNamesKeepEveryArticle() throws Exception {
    Path business = write(tmp.resolve("bbc/business/001.txt"), "Markets\nShares in gooseberries rose.\n").getParent();
    Path politics = write(tmp.resolve("bbc/politics/001.txt"), "Election\nThe vote on marmalade was close.\n").getParent();
    write(business.resolve("002.txt"), "Banks\nBanks lent more.\n");
    try (Broadsheet b = open()) {
      assertEquals(3, b.index(List.of(business, politics)).indexed());
      assertEquals(3, total(b));
      assertEquals(1, b.search(SearchRequest.of("gooseberries")).total());
      assertEquals(1, b.search(SearchRequest.of("marmalade")).total());
      IndexReport again = b.index(List.of(politics, business));
      assertEquals(0, again.indexed(), "no flip-flop between the copies");
      assertEquals(0, again.deleted());
      assertEquals(3, total(b));
    }
  }

  @Test
  void nestedRootsAndFileArgumentsAreTheSameArticles() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path a = write(corpus.resolve("sub/a.txt"), "Albatross\nA story about an albatross.\n");
    write(corpus.resolve("top.txt"), "Top\nA story at the top.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(corpus));
      assertEquals(0, b.index(List.of(a)).indexed());
      assertEquals(0, b.index(List.of(corpus.resolve("sub"))).indexed());
      assertEquals(0, b.index(List.of(tmp.resolve("corpus/sub/../sub/a.txt"))).indexed());
      assertEquals(2, total(b));
      assertEquals(List.of(corpus.toRealPath()), b.indexedRoots(), "reindex walks the outer root once");
    }
  }

  @Test
  void aRenamedRootIsMovedNotDuplicated() throws Exception {
    Path before = tmp.resolve("2023");
    write(before.resolve("a.txt"), "Albatross\nA story about an albatross.\n");
    write(before.resolve("b.txt"), "Buzzard\nA story about a buzzard.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(before));
      Path after = Files.move(before, tmp.resolve("archive-2023"));
      IndexReport r = b.index(List.of(after));
      assertEquals(2, r.indexed());
      assertEquals(2, r.deleted(), "the old paths' articles moved");
      assertEquals(2, total(b));
      assertEquals(List.of(after.toRealPath()), b.indexedRoots());
    }
  }

  @Test
  void anotherPathLeavesArticlesOutsideItAlone() throws Exception {
    Path a = write(tmp.resolve("a/one.txt"), "One\nAbout an albatross.\n").getParent();
    Path c = write(tmp.resolve("c/two.txt"), "Two\nAbout a cormorant.\n").getParent();
    try (Broadsheet b = open()) {
      b.index(List.of(a, c));
      Files.delete(a.resolve("one.txt"));
      assertEquals(0, b.index(List.of(c)).deleted(), "a/ was not given: its article stays until a/ is indexed");
      assertEquals(2, total(b));
      assertEquals(1, b.index(List.of(a)).deleted());
      assertEquals(1, total(b));
    }
  }

  @Test
  void aMissingPathIsAnErrorUnlessItsArticlesAreToLeave() throws Exception {
    Path a = write(tmp.resolve("a/one.txt"), "One\nAbout an albatross.\n").getParent();
    try (Broadsheet b = open()) {
      b.index(List.of(a));
      assertThrows(NoSuchFileException.class, () -> b.index(List.of(tmp.resolve("typo"))));
      assertEquals(1, total(b));
      Files.delete(a.resolve("one.txt"));
      Files.delete(a);
      assertEquals(1, b.index(List.of(a)).deleted(), "indexing a folder that is gone removes its articles");
      assertEquals(0, total(b));
    }
  }

  /** Names that differ only in bytes that are not UTF-8: Java shows both as U+FFFD. */
  @Test
  void fileNamesThatAreNotUtf8AreTwoArticles() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Process p = new ProcessBuilder("sh", "-c",
        "printf 'First\\nAbout an albatross.\\n' > \"$(printf 'x\\377.txt')\" && "
            + "printf 'Second\\nAbout a buzzard.\\n' > \"$(printf 'x\\376.txt')\"")
        .directory(corpus.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor());
    try (Broadsheet b = open()) {
      IndexReport r = b.index(List.of(corpus));
      assertEquals(2, r.indexed(), r.failures().toString());
      assertEquals(2, total(b));
      assertEquals(1, b.search(SearchRequest.of("albatross")).total());
      assertEquals(1, b.search(SearchRequest.of("buzzard")).total());
    }
  }

  @Test
  void linksOutOfTheCorpusAreNotFollowedUnlessAskedFor() throws Exception {
    Path secret = write(tmp.resolve("outside/secret.txt"), "Secret\nThe password is swordfish.\n");
    Path corpus = tmp.resolve("corpus");
    write(corpus.resolve("a.txt"), "Albatross\nA story about an albatross.\n");
    Files.createSymbolicLink(corpus.resolve("passwd.txt"), secret);
    Files.createSymbolicLink(corpus.resolve("elsewhere"), secret.getParent());
    try (Broadsheet b = open()) {
      IndexReport r = b.index(List.of(corpus));
      assertEquals(1, r.indexed());
      assertEquals(Map.of("symbolic link", 2), r.failuresByKind());
      assertEquals(0, b.search(SearchRequest.of("swordfish")).total());
    }
    try (Broadsheet b = open(IndexSettings.defaults().withExtract(false).withFollowLinks(true))) {
      b.index(List.of(corpus));
      assertEquals(1, b.search(SearchRequest.of("swordfish")).total(), "one article, however many links lead to it");
    }
  }

  @Test
  void theIndexInsideTheCorpusIsNotRead() throws Exception {
    Path corpus = tmp.resolve("corpus");
    write(corpus.resolve("a.txt"), "Albatross\nA story about an albatross.\n");
    try (Broadsheet b = Broadsheet.open(corpus.resolve("index"), IndexSettings.defaults().withExtract(false),
        ParserLimits.DEFAULT)) {
      b.index(List.of(corpus));
      IndexReport again = b.index(List.of(corpus));
      assertEquals(List.of(), again.failures());
      assertEquals(1, total(b));
    }
  }

  @Test
  void aTouchedFileIsHashedOnceAndItsNewStampKept() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path a = write(corpus.resolve("a.txt"), "Albatross\nA story about an albatross.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(corpus));
      Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));
      IndexReport r = b.index(List.of(corpus));
      assertEquals(0, r.indexed());
      assertEquals(1, r.unchanged());
    }
    try (var dir = FSDirectory.open(tmp.resolve("index/lucene")); var reader = DirectoryReader.open(dir)) {
      Bookkeeping k = Bookkeeping.read(reader).values().iterator().next();
      assertEquals(Files.size(a) + ":" + Files.getLastModifiedTime(a).toMillis(), k.stamp());
    }
  }

  @Test
  void aDamagedIndexIsRefusedAndRebuiltByFull() throws Exception {
    Path corpus = tmp.resolve("corpus");
    write(corpus.resolve("a.txt"), "Albatross\nA story about an albatross.\n");
    write(corpus.resolve("b.txt"), "Buzzard\nA story about a buzzard.\n");
    try (Broadsheet b = open()) {
      b.index(List.of(corpus));
    }
    Path lucene = tmp.resolve("index/lucene");
    try (var files = Files.list(lucene)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // every file truncated
      }
    }
    try (Broadsheet b = open()) {
      IndexDamagedException search = assertThrows(IndexDamagedException.class, () -> b.search(SearchRequest.of("")));
      assertTrue(search.getMessage().contains("index --full"), search.getMessage());
      assertThrows(IndexDamagedException.class, () -> b.index(List.of(corpus)));
      IndexReport r = b.index(List.of(corpus), true, IndexListener.NONE);
      assertEquals(2, r.indexed());
      assertEquals(2, total(b));
      assertFalse(b.search(SearchRequest.of("buzzard")).hits().isEmpty());
    }
  }
}
