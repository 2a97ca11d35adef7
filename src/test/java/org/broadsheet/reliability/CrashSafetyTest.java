package org.broadsheet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, crash safety: an indexing run killed with SIGKILL after its first commit leaves
 * an index that opens and holds that commit; running index again completes it with exactly
 * one document per file.
 */
@Tag("slow")
class CrashSafetyTest {
  /** Enough files that the child is still indexing well after its first commit, even on a fast machine. */
  private static final int FILES = 4000;

  @TempDir
  Path tmp;

  @Test
  void killedIndexRunLeavesAnIndexThatARerunCompletes() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Set<String> ids = writeCorpus(corpus, FILES);
    Path index = tmp.resolve("index");

    Process child = ChildJvm.start(tmp.resolve("logs"), "index", "--no-extract", "--threads", "1",
        "--commit-every", "200ms", "--index", index.toString(), corpus.toString());
    int committed = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (committed == 0 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      committed = IndexProbe.committedDocs(index);
    }
    assertTrue(child.isAlive(), "the child must still be indexing when killed; it exited with "
        + (child.isAlive() ? "-" : child.exitValue()) + ": " + ChildJvm.stderr(tmp.resolve("logs")));
    assertTrue(committed > 0, "the child committed within two minutes");
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no writer.close()
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));

    int afterKill = IndexProbe.committedDocs(index);
    assertTrue(afterKill >= committed && afterKill < FILES,
        "the killed run's last commit is what opens: " + afterKill + " of " + FILES);
    Map<String, Integer> partial = IndexProbe.idCounts(index);
    assertTrue(partial.values().stream().allMatch(n -> n == 1), "no duplicate after the crash");

    try (Broadsheet b = Broadsheet.open(index, IndexSettings.defaults().withExtract(false), ParserLimits.DEFAULT)) {
      IndexReport rerun = b.index(List.of(corpus));
      assertEquals(0, rerun.failed(), () -> rerun.failures().toString());
      assertEquals(FILES, rerun.indexed() + rerun.unchanged());
      assertTrue(rerun.unchanged() >= afterKill, "what was committed is not parsed again");
    }
    Map<String, Integer> counts = IndexProbe.idCounts(index);
    assertEquals(ids, new TreeSet<>(counts.keySet()), "every file is in the index, and nothing else");
    counts.forEach((id, n) -> assertEquals(1, n, "exactly one document for " + id));
    assertEquals(FILES, IndexProbe.committedDocs(index));
  }

  /** Small, distinct text articles in a few folders; returns their ids. */
  static Set<String> writeCorpus(Path corpus, int n) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("batch%02d/story-%05d.txt", i % 20, i);
      Path f = corpus.resolve(id);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "Harbour report number " + i + "\n\n"
          + ("The council met on Tuesday to discuss the ferry timetable and the new quay, story " + i + ". ")
              .repeat(8) + "\n");
      ids.add(org.broadsheet.ingest.ArticleId.of(f));
    }
    return ids;
  }
}
