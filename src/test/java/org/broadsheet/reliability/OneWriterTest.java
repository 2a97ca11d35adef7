package org.broadsheet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, one writer: while this JVM is in the middle of an indexing run, another process
 * asking to index is told who holds the index, and a server in another process reads it.
 */
@Tag("slow")
class OneWriterTest {
  @TempDir
  Path tmp;

  private static Broadsheet open(Path index) {
    return Broadsheet.open(index, IndexSettings.defaults().withExtract(false).withThreads(1), ParserLimits.DEFAULT);
  }

  /** Runs an indexing run in this JVM that stops after its first file, holding the write lock, until released. */
  private record HeldRun(CompletableFuture<IndexReport> run, CountDownLatch release) implements AutoCloseable {
    static HeldRun start(Broadsheet b, Path corpus) throws InterruptedException {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      IndexListener hold = new IndexListener() {
        @Override
        public void fileDone(String id, IndexReport.Outcome outcome) {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
      CompletableFuture<IndexReport> run = CompletableFuture.supplyAsync(() -> {
        try {
          return b.index(List.of(corpus), false, hold);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      assertTrue(holding.await(60, TimeUnit.SECONDS), "the held run started");
      return new HeldRun(run, release);
    }

    @Override
    public void close() throws Exception {
      release.countDown();
      run.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondIndexProcessIsToldWhichProcessHoldsTheIndex() throws Exception {
    Path corpus = tmp.resolve("corpus");
    CrashSafetyTest.writeCorpus(corpus, 20);
    Path index = tmp.resolve("index");
    Path logs = tmp.resolve("second");
    try (Broadsheet b = open(index); HeldRun held = HeldRun.start(b, corpus)) {
      Process second = ChildJvm.start(logs, "index", "--no-extract", "--index", index.toString(), corpus.toString());
      assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the second run gives up rather than waits");
      String err = ChildJvm.stderr(logs);
      assertEquals(1, second.exitValue(), err);
      assertTrue(err.contains("in use by process " + ProcessHandle.current().pid()), err);
      assertFalse(err.contains("Exception") || err.contains("\tat "), "one clear line, no stack trace: " + err);
    }
    // The held run finishes normally: the refused process did no damage.
    assertEquals(20, IndexProbe.committedDocs(index));
    IndexProbe.idCounts(index).values().forEach(n -> assertEquals(1, n));
  }

  @Test
  void serveWithNoIndexYetIsToldTheIndexIsInUse() throws Exception {
    Path corpus = tmp.resolve("corpus");
    CrashSafetyTest.writeCorpus(corpus, 5);
    Path index = tmp.resolve("index");
    Path web = Files.createDirectories(tmp.resolve("web"));
    Path logs = tmp.resolve("serve");
    try (Broadsheet b = open(index); HeldRun held = HeldRun.start(b, corpus)) {
      // Nothing committed yet, so serve tries to index corpus/ first, and must not.
      Process serve = ChildJvm.start(logs, "serve", "--index", index.toString(), "--corpus", corpus.toString(),
          "--web", web.toString(), "--port", "0");
      assertTrue(serve.waitFor(120, TimeUnit.SECONDS));
      String err = ChildJvm.stderr(logs);
      assertEquals(1, serve.exitValue(), err);
      assertTrue(err.contains("in use by process " + ProcessHandle.current().pid()), err);
      assertFalse(err.contains("\tat "), err);
    }
  }

  @Test
  void aServerInAnotherProcessReadsWhileThisOneWrites() throws Exception {
    Path first = tmp.resolve("first");
    CrashSafetyTest.writeCorpus(first, 5);
    Path second = tmp.resolve("second");
    CrashSafetyTest.writeCorpus(second, 5);
    Path index = tmp.resolve("index");
    Path web = Files.createDirectories(tmp.resolve("web"));
    Path logs = tmp.resolve("serve");
    try (Broadsheet b = open(index)) {
      b.index(List.of(first));
      Process serve = null;
      try (HeldRun held = HeldRun.start(b, second)) {
        serve = ChildJvm.start(logs, "serve", "--index", index.toString(), "--web", web.toString(), "--port", "0");
        int port = awaitPort(serve, logs);
        HttpResponse<String> res = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=harbour"))
                .timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.body().contains("\"total\":5"), res.body());
      } finally {
        if (serve != null) {
          serve.destroy();
          serve.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void aRunningSearcherSeesWhatAnotherWriterCommits() throws Exception {
    Path first = tmp.resolve("first");
    Files.createDirectories(first);
    Files.writeString(first.resolve("a.txt"), "Albatross sighted\nAn albatross over the harbour.\n");
    Path later = tmp.resolve("later");
    Files.createDirectories(later);
    Files.writeString(later.resolve("c.txt"), "Cormorant sighted\nA cormorant on the quay.\n");
    Path index = tmp.resolve("index");
    try (Broadsheet reader = open(index); Broadsheet writer = open(index)) {
      writer.index(List.of(first));
      assertEquals(1, reader.search(SearchRequest.of("albatross")).total());
      assertEquals(0, reader.search(SearchRequest.of("cormorant")).total());
      writer.index(List.of(later));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      long seen = 0;
      while (seen == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        seen = reader.search(SearchRequest.of("cormorant")).total();
      }
      assertEquals(1, seen, "the reader's background refresh picked up the other writer's commit");
    }
  }

  private static final Pattern SERVING = Pattern.compile("at http://[^:]+:(\\d+)/");

  private static int awaitPort(Process serve, Path logs) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(serve.isAlive(), () -> "server exited: " + stderrOf(logs));
      Matcher m = SERVING.matcher(Files.readString(logs.resolve("stdout.txt")));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server did not start: " + stderrOf(logs));
  }

  private static String stderrOf(Path logs) {
    try {
      return ChildJvm.stderr(logs);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
