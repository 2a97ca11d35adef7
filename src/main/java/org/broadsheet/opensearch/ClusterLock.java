package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.broadsheet.index.IndexInUseException;

/**
 * One indexing run at a time on an archive's index, from any machine: the cluster's equivalent of
 * the embedded index's writer lock. The lock is one document, {@code writer} in the index
 * {@code <name>-lock}, created only if absent; the run holding it renews its time every commit
 * and deletes it when done. A lock left by a run that died is taken over when its process is gone
 * (same host) or it has not been renewed for {@link #STALE}; taking it over is conditional on the
 * version read, so two runs cannot both take over the same stale lock.
 */
final class ClusterLock implements AutoCloseable {
  /** A live run renews at every commit (seconds apart): minutes without renewal mean it is gone. */
  static final Duration STALE = Duration.ofMinutes(5);
  private static final String ID = "writer";

  private final OpenSearchClient client;
  private final String path;
  private final String host;
  private final long pid = ProcessHandle.current().pid();

  private ClusterLock(OpenSearchClient client) {
    this.client = client;
    this.path = "/" + client.target().index() + "-lock/_doc/" + ID;
    this.host = hostName();
  }

  /** @throws IndexInUseException when another live run holds the lock */
  static ClusterLock claim(OpenSearchClient client) throws IOException {
    ClusterLock lock = new ClusterLock(client);
    lock.take();
    return lock;
  }

  private void take() throws IOException {
    try {
      client.send("PUT", path.replace("/_doc/", "/_create/") + "?refresh=true", holder());
      return;
    } catch (OpenSearchException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
    JsonNode held = client.send("GET", path, null);
    JsonNode s = held.path("_source");
    boolean sameHostDead = host.equals(s.path("host").asText())
        && ProcessHandle.of(s.path("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
    boolean stale = System.currentTimeMillis() - s.path("renewed").asLong() > STALE.toMillis();
    if (!sameHostDead && !stale) {
      throw new IndexInUseException("another indexing run is writing " + client.target().location() + " (process "
          + s.path("pid").asText() + " on " + s.path("host").asText() + "); one at a time", null);
    }
    try {
      client.send("PUT", path + "?refresh=true&if_seq_no=" + held.path("_seq_no").asLong() + "&if_primary_term="
          + held.path("_primary_term").asLong(), holder());
    } catch (OpenSearchException e) {
      if (e.status() == 409) {
        throw new IndexInUseException("another indexing run has just taken over the writer lock of "
            + client.target().location(), e);
      }
      throw e;
    }
  }

  /** Says the run is alive; at every commit. */
  void renew() throws IOException {
    client.send("PUT", path, holder());
  }

  private ObjectNode holder() {
    return client.json().createObjectNode().put("host", host).put("pid", pid)
        .put("renewed", System.currentTimeMillis());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() throws IOException {
    client.send("DELETE", path + "?refresh=true", null);
  }
}
