package org.broadsheet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchCluster;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.opensearch.OpenSearchTesting;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: an indexing run into an OpenSearch cluster killed with SIGKILL mid-run, then run again,
 * leaves exactly the corpus in the cluster: every file once, nothing else. Killed once in a first
 * run (a generation not yet published) and once in an incremental run over a published one, where
 * what the killed run had flushed is not parsed again.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class ClusterCrashSafetyTest {
  private static final AtomicInteger TESTS = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path tmp;
  private OpenSearchCluster.Url cluster;
  private OpenSearchTarget target;
  private String targetUrl;

  @BeforeEach
  void target(OpenSearchCluster.Url url) {
    cluster = url;
    targetUrl = url.index("crash-" + ProcessHandle.current().pid() + "-" + TESTS.incrementAndGet());
    target = OpenSearchTarget.parse(targetUrl);
  }

  @AfterEach
  void drop() throws Exception {
    OpenSearchTesting.dropArchive(target);
    send("DELETE", "/" + target.index() + "-g*?allow_no_indices=true");
  }

  @Test
  void aFirstRunKilledMidwayThenRunAgainHoldsExactlyTheCorpus() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Set<String> ids = CrashSafetyTest.writeCorpus(corpus, 2000);
    int flushed = killMidRun(corpus, 1, "/" + target.index() + "-g*/_count?allow_no_indices=true");
    assertTrue(flushed < 2000, "killed before the end: " + flushed);

    IndexReport rerun = index(corpus);
    assertEquals(0, rerun.failed(), () -> rerun.failures().toString());
    assertEquals(2000, rerun.indexed() + rerun.unchanged());
    assertEquals(ids, idsInCluster(), "every file once, nothing else");
  }

  @Test
  void anIncrementalRunKilledMidwayThenRunAgainHoldsExactlyTheCorpusAndKeepsWhatItFlushed() throws Exception {
    Path corpus = tmp.resolve("corpus");
    CrashSafetyTest.writeCorpus(corpus, 500);
    assertEquals(500, index(corpus).indexed());
    Set<String> ids = CrashSafetyTest.writeCorpus(corpus, 2500); // the first 500 again, unchanged, and 2,000 new
    int flushed = killMidRun(corpus, 501, "/" + target.index() + "/_count");
    assertTrue(flushed > 500 && flushed < 2500, "killed after a flush and before the end: " + flushed);

    IndexReport rerun = index(corpus);
    assertEquals(0, rerun.failed(), () -> rerun.failures().toString());
    assertEquals(2500, rerun.indexed() + rerun.unchanged());
    assertTrue(rerun.unchanged() >= flushed, "what the killed run flushed is not parsed again: "
        + rerun.unchanged() + " unchanged, " + flushed + " flushed");
    assertEquals(ids, idsInCluster(), "every file once, nothing else");
  }

  /**
   * Starts {@code index --opensearch} in a child JVM, waits until {@code countPath} counts at least
   * {@code atLeast} articles, kills the child, and returns the count after the kill.
   */
  private int killMidRun(Path corpus, int atLeast, String countPath) throws Exception {
    Path logs = tmp.resolve("logs");
    Process child = ChildJvm.start(logs, "index", "--no-extract", "--threads", "1", "--commit-every", "200ms",
        "--index", tmp.resolve("local").toString(), "--opensearch", targetUrl,
        corpus.toString());
    int seen = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (seen < atLeast && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling the cluster: there is nothing to wait on across processes
      seen = count(countPath);
    }
    assertTrue(child.isAlive(), "the child must still be indexing when killed; it exited with "
        + (child.isAlive() ? "-" : child.exitValue()) + ": " + ChildJvm.stderr(logs));
    assertTrue(seen >= atLeast, "the child flushed within three minutes");
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    send("POST", "/" + target.index() + "*/_refresh?allow_no_indices=true");
    return count(countPath);
  }

  private IndexReport index(Path corpus) throws IOException {
    try (Broadsheet b = Broadsheet.open(tmp.resolve("local"), target, IndexSettings.defaults().withExtract(false),
        ParserLimits.DEFAULT, SearchSettings.defaults())) {
      return b.index(List.of(corpus));
    }
  }

  private Set<String> idsInCluster() throws Exception {
    send("POST", "/" + target.index() + "/_refresh");
    JsonNode hits = Json.mapper().readTree(send("GET", "/" + target.index()
        + "/_search?size=10000&_source=false&track_total_hits=true")).path("hits");
    Set<String> ids = new TreeSet<>();
    hits.path("hits").forEach(h -> ids.add(h.path("_id").asText()));
    assertEquals(ids.size(), hits.path("total").path("value").asInt(), "no article twice");
    return ids;
  }

  private int count(String path) throws Exception {
    JsonNode answer = Json.mapper().readTree(send("GET", path));
    return answer.path("count").asInt(0);
  }

  private String send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.base().replaceAll("/+$", "") + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
