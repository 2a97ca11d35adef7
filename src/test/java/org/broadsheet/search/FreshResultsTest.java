package org.broadsheet.search;

import static org.broadsheet.search.TestArchive.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A searcher that stays open sees what another writer commits, though it answered (and cached) the same search before. */
class FreshResultsTest {
  @TempDir
  Path tmp;

  @Test
  void seesCommitsOfAnotherWriter() throws Exception {
    TestArchive.write(tmp, List.of(doc("old", "Old news", "An old story about zebras.", "2020-01-01")));
    try (ArchiveSearcher searcher = new ArchiveSearcher(new org.broadsheet.index.IndexLayout(tmp))) {
      assertEquals(1, searcher.search(SearchRequest.of("zebras")).total());

      TestArchive.write(tmp, List.of(doc("new1", "New news", "A new story about zebras.", "2024-01-01")));
      searcher.refresh();
      assertEquals(2, searcher.search(SearchRequest.of("zebras")).total(), "after refresh()");

      // Without asking: the background refresh runs every second.
      TestArchive.write(tmp, List.of(doc("new2", "Newer news", "Zebras again.", "2024-01-02"),
          doc("old", "Old news, corrected", "An old story about horses.", "2020-01-01")));
      long deadline = System.nanoTime() + 5_000_000_000L;
      java.util.Set<String> zebras;
      do {
        Thread.sleep(100);
        zebras = new java.util.TreeSet<>(TestArchive.ids(searcher.search(SearchRequest.of("zebras"))));
      } while (!zebras.contains("new2") && System.nanoTime() < deadline);
      assertEquals(java.util.Set.of("new1", "new2"), zebras, "new2 added and old replaced, within a few seconds");
      assertEquals(List.of("old"), TestArchive.ids(searcher.search(SearchRequest.of("horses"))));
    }
  }
}
