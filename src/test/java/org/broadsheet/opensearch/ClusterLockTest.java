package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.broadsheet.index.IndexInUseException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One indexing run at a time on a cluster's index, and a dead run's lock does not block the next. */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class ClusterLockTest {
  @Test
  void aLiveHolderKeepsOthersOutAndReleasing(OpenSearchCluster.Url cluster) throws IOException {
    OpenSearchTarget target = OpenSearchTarget.parse(cluster.index("lock-test-" + ProcessHandle.current().pid()));
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      try (ClusterLock held = ClusterLock.claim(client)) {
        IndexInUseException e = assertThrows(IndexInUseException.class, () -> ClusterLock.claim(client));
        assertTrue(e.getMessage().contains("another indexing run is writing"), e.getMessage());
        held.renew();
      }
      ClusterLock.claim(client).close(); // released: free again
      // A lock left by a run on another machine that stopped renewing it is taken over.
      client.send("PUT", "/" + target.index() + "-lock/_doc/writer?refresh=true", client.json().createObjectNode()
          .put("host", "elsewhere").put("pid", 1).put("renewed", 0));
      ClusterLock.claim(client).close();
      // One on another machine renewed just now is not.
      client.send("PUT", "/" + target.index() + "-lock/_doc/writer?refresh=true", client.json().createObjectNode()
          .put("host", "elsewhere").put("pid", 1).put("renewed", System.currentTimeMillis()));
      assertThrows(IndexInUseException.class, () -> ClusterLock.claim(client));
      client.send("DELETE", "/" + target.index() + "-lock", null);
    }
  }
}
