package org.broadsheet.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchCluster;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.opensearch.OpenSearchTesting;
import org.broadsheet.search.SearchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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

  @Override
  Broadsheet open(Path indexDir) {
    return Broadsheet.open(indexDir, target, IndexSettings.defaults(), ParserLimits.DEFAULT, SearchSettings.defaults(),
        ENTITIES);
  }
}
