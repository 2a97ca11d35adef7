package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.broadsheet.index.CopyMark;
import org.broadsheet.index.Fields;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grouping against the cluster: a copy joins the group of an article the table holds, and of one the
 * table has let go of (found in the cluster); the article's own older version is no copy of it; in a
 * batch, each article finds those before it, and an article changed earlier in the batch shadows its
 * older version in the cluster, as one look-up per article in that order would.
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
      create(client, index);
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
        CopyMark a2 = assign(groups, "a", "Trucks still wait at Rafah", OTHER + " Again.", 5);
        assertEquals(d.group(), a2.group());
      } finally {
        client.send("DELETE", "/" + index, null);
      }
    }
  }

  @Test
  void aBatchIsSettledInOrder(OpenSearchCluster.Url cluster) throws IOException {
    OpenSearchTarget target = OpenSearchTarget.parse(cluster.index("copybatch-" + ProcessHandle.current().pid()));
    String index = target.index() + "-g1";
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      create(client, index);
      try {
        CopyMark p = write(client, index, new ClusterCopyGroups(client, index, true, 2), "p", "Ceasefire talks in Cairo",
            TEXT, 1);
        CopyMark s = write(client, index, new ClusterCopyGroups(client, index, true, 2), "s", "Trucks wait at Rafah",
            OTHER, 2);
        client.send("POST", "/" + index + "/_refresh", null);
        ClusterCopyGroups groups = new ClusterCopyGroups(client, index, false, 100); // a later run: looks up at once
        String tokyo = "Shares in Tokyo rose for a third day on Friday as exporters gained on a weaker yen and banks"
            + " recovered from losses earlier in the week.";
        List<CopyMark> marks = groups.assign(List.of(
            ClusterCopyGroups.Arrival.of("p", "h-p2", "Markets in Tokyo", tokyo, 3),
            ClusterCopyGroups.Arrival.of("q", "h-q", "UPDATE 1-Ceasefire talks in Cairo", TEXT, 4),
            ClusterCopyGroups.Arrival.of("t", "h-t", "UPDATE 2-Ceasefire talks in Cairo", TEXT, 5),
            ClusterCopyGroups.Arrival.of("u", "h-u", "UPDATE 1-Trucks wait at Rafah", OTHER, 6),
            ClusterCopyGroups.Arrival.of("v", "h-v", "Tokyo shares", tokyo, 7)));
        assertNotEquals(p.group(), marks.get(0).group(), "p changed: its own old version is no copy of it");
        assertNotEquals(p.group(), marks.get(1).group(), "q: p's old version, in the cluster, is shadowed by the new p");
        assertEquals(marks.get(1).group(), marks.get(2).group(), "t: a copy of q, before it in the batch");
        assertEquals(s.group(), marks.get(3).group(), "u: a copy of s, found in the cluster");
        assertEquals(marks.get(0).group(), marks.get(4).group(), "v: a copy of the new p, before it in the batch");
      } finally {
        client.send("DELETE", "/" + index, null);
      }
    }
  }

  private static void create(OpenSearchClient client, String index) throws IOException {
    ObjectNode definition = IndexDefinition.articles(1, 0);
    definition.remove("aliases");
    client.send("PUT", "/" + index, definition);
  }

  private static CopyMark assign(ClusterCopyGroups groups, String id, String title, String text, long when)
      throws IOException {
    return groups.assign(List.of(ClusterCopyGroups.Arrival.of(id, "h-" + id + when, title, text, when))).get(0);
  }

  private static CopyMark write(OpenSearchClient client, String index, ClusterCopyGroups groups, String id,
                                String title, String text, long when) throws IOException {
    CopyMark mark = assign(groups, id, title, text, when);
    ObjectNode doc = client.json().createObjectNode();
    doc.put(Fields.ID, id).put(Fields.TITLE, title).put(Fields.BODY, text).put(Fields.ORDER_KEY, when);
    ArticleDocument.copies(doc, mark);
    client.send("PUT", "/" + index + "/_doc/" + id, doc);
    boolean full = groups.written(id);
    assertTrue(!full || id.equals("b") || id.equals("d"), id);
    assertFalse(id.equals("a") && full);
    return mark;
  }
}
