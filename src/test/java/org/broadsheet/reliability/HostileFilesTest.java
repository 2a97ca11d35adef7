package org.broadsheet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.ingest.SampleFiles;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.search.SearchRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, hostile files: each is bounded in time and memory, reported with its kind and
 * skipped (or, where the hostile part is inert, indexed with its real text), and every good
 * file beside them is still indexed.
 */
@Tag("slow")
class HostileFilesTest {
  /** Small enough that the sparse "huge" file stays small on disk; large enough for every good sample. */
  private static final ParserLimits LIMITS = new ParserLimits(8L << 20, 500_000, Duration.ofSeconds(20));

  @TempDir
  Path tmp;

  /** Hostile file name → the kind it is skipped as. */
  private static final Map<String, String> SKIPPED = Map.ofEntries(
      Map.entry("bomb.zip", "not an article"),
      Map.entry("nested.zip", "not an article"),
      Map.entry("bomb.docx", "bomb"),
      Map.entry("laughs.xml", "bomb"),
      Map.entry("laughs.nitf.xml", "bomb"),
      Map.entry("deep.xml", "nested too deep"),
      Map.entry("deep.nitf.xml", "nested too deep"),
      Map.entry("deep-quotes.html", "nested too deep"),
      Map.entry("huge.txt", "too large"),
      Map.entry("many-pages.pdf", "too large"),
      Map.entry("garbage.txt", "not an article"),
      Map.entry("loop", "symbolic link"),
      Map.entry("self.txt", "symbolic link"));

  /**
   * Hostile in form, harmless in effect, so indexed with their real text: HTML has no DTDs
   * (the entities stay literal text), Tika flattens nested divs, PDFBox reads the one real
   * page of a lying page tree and rebuilds a broken xref, and a few bad bytes in a text are
   * decoded as the charset they most resemble. File name → a word of its text.
   */
  private static final Map<String, String> INDEXED = Map.of(
      "laughs.html", "laughs",
      "deep.html", "abyss",
      "lying.pdf", "lying",
      "broken-xref.pdf", "xref",
      "damaged.txt", "heron");

  @Test
  void aFolderOfHostileFilesIsSkippedFileByFileAndTheGoodOnesAreIndexed() throws Exception {
    Path corpus = tmp.resolve("corpus");
    SampleFiles.writeGood(corpus.resolve("good"));
    Path h = Files.createDirectories(corpus.resolve("hostile"));
    HostileFiles.zipBomb(h.resolve("bomb.zip"), 256L << 20);
    HostileFiles.nestedZip(h.resolve("nested.zip"), 30);
    HostileFiles.docxBomb(h.resolve("bomb.docx"), 256L << 20);
    HostileFiles.billionLaughsXml(h.resolve("laughs.xml"));
    HostileFiles.billionLaughsNitf(h.resolve("laughs.nitf.xml"));
    HostileFiles.billionLaughsHtml(h.resolve("laughs.html"));
    HostileFiles.deepXml(h.resolve("deep.xml"));
    HostileFiles.deepNitf(h.resolve("deep.nitf.xml"));
    HostileFiles.deepHtml(h.resolve("deep.html"));
    HostileFiles.deepQuotesHtml(h.resolve("deep-quotes.html"));
    HostileFiles.sparseHuge(h.resolve("huge.txt"), LIMITS.maxFileBytes());
    HostileFiles.invalidUtf8(h.resolve("garbage.txt"));
    HostileFiles.mostlyUtf8(h.resolve("damaged.txt"), "heron");
    HostileFiles.pdfLyingPageCount(h.resolve("lying.pdf"));
    HostileFiles.pdfManyPages(h.resolve("many-pages.pdf"), 100_000);
    HostileFiles.pdfBrokenXref(h.resolve("broken-xref.pdf"));
    HostileFiles.symlinkLoops(corpus.resolve("links"));

    try (Broadsheet b = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), LIMITS)) {
      IndexReport report = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> b.index(List.of(corpus)));
      Map<String, String> failed = new TreeMap<>(report.failures().stream().collect(Collectors.toMap(
          f -> Path.of(f.file()).getFileName().toString(), IndexReport.Failure::kind, (x, y) -> x + "," + y)));
      assertEquals(new TreeMap<>(SKIPPED), failed, () -> report.failures().toString());
      assertEquals(SampleFiles.GOOD.size() + INDEXED.size(), report.indexed());
      for (var e : SampleFiles.GOOD.entrySet()) {
        assertEquals(1, b.search(SearchRequest.of(e.getValue())).total(), e.getKey());
      }
      for (var e : INDEXED.entrySet()) {
        var hits = b.search(SearchRequest.of(e.getValue())).hits();
        assertEquals(1, hits.size(), e.getKey());
        assertEquals(h.resolve(e.getKey()).toString(), hits.get(0).path());
      }
      var laughs = b.article(org.broadsheet.ingest.ArticleId.of(h.resolve("laughs.html"))).orElseThrow();
      assertTrue(laughs.text().length() < 1000, "entities were not expanded: " + laughs.text().length());
    }
  }

  @Test
  void textOverTheLimitIsTooLarge() throws Exception {
    Path file = HostileFiles.longText(tmp.resolve("long.txt"), 20_000);
    try (ArticleParser parser = new ArticleParser(new ParserLimits(1 << 20, 10_000, Duration.ofSeconds(30)))) {
      SkippedFileException e = assertThrows(SkippedFileException.TooLarge.class, () -> parser.parse(file));
      assertTrue(e.getMessage().contains("10000 characters"), e.getMessage());
    }
  }

  @Test
  void aTimedOutParseStopsRunning() throws Exception {
    // 100,000 pages of text and no text limit to speak of: only the timeout stops it.
    Path file = HostileFiles.pdfManyPages(tmp.resolve("pages.pdf"), 100_000);
    try (ArticleParser parser = new ArticleParser(new ParserLimits(8L << 20, 50_000_000, Duration.ofSeconds(1)))) {
      SkippedFileException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> assertThrows(SkippedFileException.Timeout.class, () -> parser.parse(file)));
      assertEquals("timeout", e.kind());
      // The abandoned parse must end, not run on in the background holding a core and its memory:
      // the timeout is reported only once the parse thread has left the parser.
      assertEquals(0, parseThreadsRunning(), "no parse thread is still working on the abandoned file");
    }
  }

  @Test
  void aTimedOutParseOnTheCallersThreadStopsAndLeavesTheThreadFitForWork() throws Exception {
    Path file = HostileFiles.pdfManyPages(tmp.resolve("pages.pdf"), 100_000);
    Path good = Files.writeString(tmp.resolve("good.txt"), "Cocoa growers expect a late harvest\n\nShowers continued in Bahia.");
    try (ArticleParser parser = new ArticleParser(new ParserLimits(8L << 20, 50_000_000, Duration.ofSeconds(1)))) {
      SkippedFileException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> assertThrows(SkippedFileException.Timeout.class, () -> parser.parseHere(file)));
      assertEquals("timeout", e.kind());
      // The alarm's interrupt is cleared: the thread goes on to write the index, where an
      // interrupt would close Lucene's files under it.
      assertFalse(Thread.currentThread().isInterrupted());
      assertEquals(java.util.Map.of(), parser.overrun(), "it stopped: nothing to give up");
      assertEquals("Cocoa growers expect a late harvest", parser.parseHere(good).title());
    }
  }

  /**
   * Issue 8b: pages of "<html " without a ">" ran a quadratic regex past the timeout, and the
   * abandoned parses went on taking the cores from the files after them. Every regex over file
   * content is bounded now: such pages are read like any other, and nothing beside them is lost.
   */
  @Test
  void pagesOfUnclosedTagsAreIndexedAndSoIsEverythingElse() throws Exception {
    Path corpus = tmp.resolve("corpus");
    SampleFiles.writeGood(corpus.resolve("good"));
    Path h = Files.createDirectories(corpus.resolve("hostile"));
    List<String> birds = List.of("albatross", "cormorant", "puffin", "gannet");
    for (String bird : birds) {
      HostileFiles.unclosedHtmlTags(h.resolve(bird + ".html"), bird, 100_000);
    }
    try (Broadsheet b = Broadsheet.open(tmp.resolve("index"), IndexSettings.defaults().withExtract(false), LIMITS)) {
      IndexReport report = b.index(List.of(corpus));
      assertEquals(List.of(), report.failures(), "none timed out");
      assertEquals(SampleFiles.GOOD.size() + birds.size(), report.indexed());
      for (String bird : birds) {
        var hits = b.search(SearchRequest.of(bird)).hits();
        assertEquals(List.of(h.resolve(bird + ".html").toString()), hits.stream().map(x -> x.path()).toList());
      }
      for (var e : SampleFiles.GOOD.entrySet()) {
        assertEquals(1, b.search(SearchRequest.of(e.getValue())).total(), e.getKey());
      }
    }
  }

  /** Parse threads inside PDFBox or Tika code right now (an idle pooled thread waits in the JDK's queue). */
  private static long parseThreadsRunning() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return java.util.Arrays.stream(threads.dumpAllThreads(false, false))
        .filter(t -> t.getThreadName().equals("tika-parse"))
        .filter(HostileFilesTest::inParser)
        .count();
  }

  private static boolean inParser(ThreadInfo t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String c = frame.getClassName();
      if (c.startsWith("org.apache.pdfbox") || c.startsWith("org.apache.tika.parser")) {
        return true;
      }
    }
    return false;
  }
}
