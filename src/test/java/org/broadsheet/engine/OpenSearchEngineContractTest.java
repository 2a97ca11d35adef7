package org.broadsheet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchCluster;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.opensearch.OpenSearchTesting;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine contract on an OpenSearch cluster ({@link OpenSearchCluster}: 2 nodes started by
 * scripts/opensearch.sh, or the one CI gives); each test has an index of its own, dropped after it.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class OpenSearchEngineContractTest extends EngineContract {
  private static final AtomicInteger TESTS = new AtomicInteger();
  private OpenSearchTarget target;

  @BeforeEach
  void target(OpenSearchCluster.Url cluster) {
    target = OpenSearchTarget.parse(cluster.index("contract-" + ProcessHandle.current().pid() + "-" + TESTS.incrementAndGet()));
  }

  @AfterEach
  void dropIndex() throws IOException {
    OpenSearchTesting.dropArchive(target);
  }

  /**
   * The rules are the cluster's, not the index folder's: another machine (another index folder)
   * sees them and applies them when it rebuilds the archive, and a server that was open before the
   * change shows it after a refresh.
   */
  @Test
  void anotherMachineAppliesTheClustersRules() throws Exception {
    try (Broadsheet serving = indexed(); Broadsheet here = open(tmp.resolve("index"))) {
      assertEquals(List.of("Ismail Haniyeh=2", "Antony Blinken=1", "Recep Tayyip Erdoğan=1"),
          facet(serving.search(SearchRequest.of("")), "people"));
      assertEquals(1, here.corrections().add((id, at) -> new EntityRule(id, EntityRule.Action.MERGE, "people",
          List.of("Antony Blinken"), "Tony Blinken", at)).rewritten());
      serving.refresh();
      assertEquals(List.of("Ismail Haniyeh=2", "Recep Tayyip Erdoğan=1", "Tony Blinken=1"),
          facet(serving.search(SearchRequest.of("")), "people"));
    }
    assertFalse(Files.exists(tmp.resolve("index").resolve("entity-rules.json")), "nothing kept in the local folder");
    try (Broadsheet elsewhere = open(tmp.resolve("elsewhere"))) {
      assertEquals(List.of("Tony Blinken"), elsewhere.corrections().rules().stream().map(EntityRule::to).toList());
      elsewhere.index(List.of(corpus), true, IndexListener.NONE);
      assertEquals(List.of("Ismail Haniyeh=2", "Recep Tayyip Erdoğan=1", "Tony Blinken=1"),
          facet(elsewhere.search(SearchRequest.of("")), "people"));
    }
  }

  /** An archive spread over two shards ({@code ?shards=2}) finds and counts what one shard does. */
  @Test
  void twoShardsGiveTheSameTotalsAndFacets() throws Exception {
    OpenSearchTarget one = target;
    target = OpenSearchTarget.parse(target.location() + "?shards=2&replicas=0");
    try (Broadsheet b = indexed()) {
      String generation = b.indexState().version().replaceAll("-\\d+$", "");
      assertEquals(2, OpenSearchTesting.primaryShards(target, generation));
      for (String q : List.of("", "talks", "\"ceasefire talks\"", "talks OR Paris", "person:haniyeh", "tal*")) {
        SearchResult r = b.search(SearchRequest.of(q));
        assertEquals(List.of(facet(r, "people"), facet(r, "places"), facet(r, "countries")), expected(q), q);
      }
    } finally {
      OpenSearchTesting.dropArchive(target);
      target = one;
    }
  }

  /** What one shard answers, the embedded index's figures: people, places and countries of each query. */
  private static List<List<String>> expected(String q) {
    return switch (q) {
      case "" -> List.of(List.of("Ismail Haniyeh=2", "Antony Blinken=1", "Recep Tayyip Erdoğan=1"),
          List.of("Paris=2", "Ankara=1", "Cairo=1", "Doha=1", "Rafah=1"), List.of("FR=2", "EG=1", "PS=1", "QA=1", "TR=1"));
      case "talks", "person:haniyeh" -> List.of(List.of("Ismail Haniyeh=2"), List.of("Cairo=1", "Doha=1"),
          List.of("EG=1", "QA=1"));
      case "\"ceasefire talks\"" -> List.of(List.of("Ismail Haniyeh=1"), List.of("Cairo=1"), List.of("EG=1"));
      case "talks OR Paris" -> List.of(List.of("Ismail Haniyeh=2", "Antony Blinken=1", "Recep Tayyip Erdoğan=1"),
          List.of("Paris=2", "Ankara=1", "Cairo=1", "Doha=1"), List.of("FR=2", "EG=1", "QA=1", "TR=1"));
      default -> List.of(List.of("Ismail Haniyeh=2"), List.of("Cairo=1", "Doha=1"), List.of("EG=1", "QA=1"));
    };
  }

  @Override
  Broadsheet open(Path indexDir) {
    return Broadsheet.open(indexDir, target, IndexSettings.defaults(), ParserLimits.DEFAULT, SearchSettings.defaults(),
        ENTITIES);
  }
}
