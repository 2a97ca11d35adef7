package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.broadsheet.index.EntityCorrections;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.IndexInUseException;
import org.broadsheet.index.RulesFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster's corrections apart from any article: rules made before anything is indexed wait in
 * {@code <name>-corrections} for the first run, and a change is refused while a run holds the lock.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class ClusterCorrectionsTest {
  @Test
  void rulesWaitForTheFirstRunAndARunningIndexerKeepsChangesOut(OpenSearchCluster.Url cluster) throws IOException {
    OpenSearchTarget target = OpenSearchTarget.parse(cluster.index("corrections-test-" + ProcessHandle.current().pid()));
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      ClusterCorrections corrections = new ClusterCorrections(client, new ClusterIndex(client));
      try {
        assertEquals(List.of(), corrections.rules());
        EntityCorrections.Change first = corrections.add((id, at) -> new EntityRule(id, EntityRule.Action.MERGE,
            "organizations", List.of("Tories"), "Conservative Party", at));
        assertEquals(0, first.rewritten(), "nothing indexed yet");
        assertEquals(first.rules(), corrections.rules());
        assertEquals(Map.of("r1", 0), corrections.touched(corrections.rules()));
        String stored = client.json().writeValueAsString(
            client.send("GET", "/" + target.index() + "-corrections/_doc/rules", null).path("_source"));
        assertEquals(first.rules(), RulesFile.parse(stored, "the rules document"), "the rules file's own form");
        assertEquals(first.rules(), corrections.current().people().rules());

        try (ClusterLock running = ClusterLock.claim(client)) {
          IndexInUseException e = assertThrows(IndexInUseException.class, () -> corrections.drop("r1"));
          assertTrue(e.getMessage().contains("another indexing run is writing"), e.getMessage());
        }
        assertEquals(first.rules(), corrections.rules(), "the refused change changed nothing");
        assertEquals(List.of(), corrections.drop("r1").rules());
        assertEquals(List.of(), corrections.rules());
      } finally {
        OpenSearchTesting.dropArchive(target);
      }
    }
  }
}
