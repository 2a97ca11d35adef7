package org.broadsheet.opensearch;

import java.io.IOException;

/** What tests in other packages do to a cluster. */
public final class OpenSearchTesting {
  private OpenSearchTesting() {
  }

  /** Deletes an archive's index: the generation its alias points to (the alias with it), its lock index and its corrections. */
  public static void dropArchive(OpenSearchTarget target) throws IOException {
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      String generation = new ClusterIndex(client).current();
      if (generation != null) {
        client.send("DELETE", "/" + generation, null);
      }
      for (String companion : new String[] {"-lock", "-corrections"}) {
        if (client.exists("/" + target.index() + companion)) {
          client.send("DELETE", "/" + target.index() + companion, null);
        }
      }
    }
  }

  /** Primary shards of one concrete index. */
  public static int primaryShards(OpenSearchTarget target, String index) throws IOException {
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      return client.send("GET", "/" + index + "/_settings", null).path(index).path("settings").path("index")
          .path("number_of_shards").asInt();
    }
  }
}
