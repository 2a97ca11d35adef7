package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.broadsheet.index.CopyMark;
import org.broadsheet.index.Fields;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grouping against the cluster: a copy joins the group of an article the table holds, and of one the
 * table has let go of (found in the cluster); the article's own older version is no copy of it.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class ClusterCopyGroupsTest {
  private static final String TEXT = "Ismail Haniyeh held ceasefire talks in Cairo with Egyptian officials on"
      + " Tuesday. The plan dates from October and negotiations continue in Doha next week, officials said.";
  private static final String OTHER = "Aid trucks waited at the Rafah crossing for a second day on Wednesday"
      + " while drivers said the queue stretched for several kilometres along the road to Arish.";

  @Test
  void copiesAreFoundInTheTableAndInTheCluster(OpenSearchCluster.Url cluster) throws IOException {
    OpenSearchTarget target = OpenSearchTarget.parse(cluster.index("copygroups-" + ProcessHandle.current().pid()));
    String index = target.index() + "-g1";
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      ObjectNode definition = IndexDefinition.articles(1, 0);
      definition.remove("aliases");
      client.send("PUT", "/" + index, definition);
      try {
        ClusterCopyGroups groups = new ClusterCopyGroups(client, index, true, 2);
        CopyMark a = write(client, index, groups, "a", "Ceasefire talks in Cairo", TEXT, 1);
        CopyMark b = write(client, index, groups, "b", "UPDATE 1-Ceasefire talks in Cairo", TEXT, 2);
        assertEquals(a.group(), b.group(), "found in the table");
        client.send("POST", "/" + index + "/_refresh", null);
        groups.refreshed(); // two written: the table lets them go; the cluster shows them
        CopyMark c = write(client, index, groups, "c", "Talks in Cairo", TEXT + " More talks are planned.", 3);
        assertEquals(a.group(), c.group(), "found in the cluster");
        CopyMark d = write(client, index, groups, "d", "Trucks wait at Rafah", OTHER, 4);
        assertNotEquals(a.group(), d.group());
        // "a" changed into another story: its old version in the cluster is not a copy of it.
        CopyMark a2 = groups.assign("a", "h-a2", "Trucks still wait at Rafah", OTHER + " Again.", 5);
        assertEquals(d.group(), a2.group());
      } finally {
        client.send("DELETE", "/" + index, null);
      }
    }
  }

  private static CopyMark write(OpenSearchClient client, String index, ClusterCopyGroups groups, String id,
                                String title, String text, long when) throws IOException {
    CopyMark mark = groups.assign(id, "h-" + id, title, text, when);
    ObjectNode doc = client.json().createObjectNode();
    doc.put(Fields.ID, id).put(Fields.GROUP, mark.group()).put(Fields.TITLE, title).put(Fields.BODY, text)
        .put(Fields.INDEXED, when).put(Fields.ORDER_KEY, when);
    var bands = doc.putArray(Fields.COPY_BAND);
    for (String band : mark.signature().bands()) {
      bands.add(band);
    }
    client.send("PUT", "/" + index + "/_doc/" + id, doc);
    boolean full = groups.written(id);
    assertTrue(!full || id.equals("b") || id.equals("d"), id);
    assertFalse(id.equals("a") && full);
    return mark;
  }
}
