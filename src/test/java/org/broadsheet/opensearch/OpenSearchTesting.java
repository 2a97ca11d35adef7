package org.broadsheet.opensearch;

import java.io.IOException;

/** What tests in other packages do to a cluster. */
public final class OpenSearchTesting {
  private OpenSearchTesting() {
  }

  /** Deletes an archive's index: the generation its alias points to (the alias with it), and its lock index. */
  public static void dropArchive(OpenSearchTarget target) throws IOException {
    try (OpenSearchClient client = new OpenSearchClient(target)) {
      String generation = new ClusterIndex(client).current();
      if (generation != null) {
        client.send("DELETE", "/" + generation, null);
      }
      if (client.exists("/" + target.index() + "-lock")) {
        client.send("DELETE", "/" + target.index() + "-lock", null);
      }
    }
  }
}
