package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.broadsheet.index.CopyMark;
import org.broadsheet.index.CopyRule;
import org.broadsheet.index.Fields;
import org.broadsheet.index.MinHash;

/**
 * Puts each article an indexing run writes into a group of copies, by the embedded index's rule
 * ({@link org.broadsheet.index.CopyGroups}): its MinHash bands are looked up in the generation being
 * written (a query on {@link Fields#COPY_BAND}, the articles sharing the most bands first) and in a
 * table of the articles this run wrote since the generation was last refreshed; each candidate is
 * verified ({@link CopyRule}) and the article joins the group of the closest copy, or starts its own.
 *
 * <p>The cluster is the record of every article before this run and of this run's articles up to
 * the last refresh: an incremental run, or a run from another machine, finds them there (one run at a
 * time, {@link ClusterLock}). The table holds this run's articles up to {@link #REFRESH_EVERY} written,
 * then a refresh makes them visible and the table lets them go, only once no look-up is in flight
 * (the lock), so none is missed between the two. A new generation holds only what the table holds
 * until then, so a rebuild looks nothing up in its first {@link #REFRESH_EVERY} articles.
 *
 * <p>Thread-safe: the indexer's threads assign, its writing thread reports writes and refreshes.
 */
final class ClusterCopyGroups {
  /** Candidates verified per article at most, as the embedded index. */
  private static final int MAX_CANDIDATES = 10;
  /** Articles written between refreshes the grouping asks for, as the embedded index's reader refreshes. */
  static final int REFRESH_EVERY = 10_000;

  private final OpenSearchClient client;
  private final String target;
  /** {@link #REFRESH_EVERY}, smaller in tests. */
  private final int refreshEvery;
  /** Look-ups hold it shared; dropping what a refresh made visible holds it alone. */
  private final ReadWriteLock visibility = new ReentrantReadWriteLock();
  /** Band key → this run's articles the cluster does not show yet. Guarded by {@code this}. */
  private final Map<String, List<Pending>> table = new HashMap<>();
  /** Id → its entry: these shadow what the cluster has of the same articles. Guarded by {@code this}. */
  private final Map<String, Pending> pendingById = new HashMap<>();
  private int writtenSinceRefresh;
  /** True while the generation holds no article the table does not (a new one, before the table first lets go). */
  private volatile boolean empty;

  private record Pending(String id, String group, MinHash signature, String[] bands, boolean[] written) {
  }

  private record Candidate(String group, double closeness) {
    static Candidate closer(Candidate a, Candidate b) {
      return a == null || b.closeness > a.closeness ? b : a;
    }
  }

  /**
   * @param target the concrete index written (a generation)
   * @param empty  true when it is a new generation that holds nothing yet: no look-up needed until the table lets go
   */
  ClusterCopyGroups(OpenSearchClient client, String target, boolean empty) {
    this(client, target, empty, REFRESH_EVERY);
  }

  ClusterCopyGroups(OpenSearchClient client, String target, boolean empty, int refreshEvery) {
    this.client = client;
    this.target = target;
    this.empty = empty;
    this.refreshEvery = refreshEvery;
  }

  /** The group of the article {@code id} with this text; call {@link #written} once the bulk writer has its document. */
  CopyMark assign(String id, String contentHash, String title, String text, long indexedAt) throws IOException {
    MinHash signature = MinHash.ofArticle(title, text);
    String[] bands = signature.bands();
    visibility.readLock().lock();
    try {
      Candidate best = empty || bands.length == 0 ? null : closestInCluster(id, signature, bands);
      synchronized (this) {
        for (String band : bands) {
          for (Pending p : table.getOrDefault(band, List.of())) {
            if (!p.id().equals(id) && CopyRule.copies(signature, p.signature())) {
              best = Candidate.closer(best, new Candidate(p.group(), CopyRule.closeness(signature, p.signature())));
            }
          }
        }
        String group = best == null ? CopyMark.alone(id, contentHash, signature, indexedAt).group() : best.group();
        Pending mine = new Pending(id, group, signature, bands, new boolean[1]);
        Pending old = pendingById.put(id, mine);
        if (old != null) {
          unlist(old);
        }
        for (String band : bands) {
          table.computeIfAbsent(band, b -> new ArrayList<>(1)).add(mine);
        }
        return new CopyMark(group, indexedAt, signature);
      }
    } finally {
      visibility.readLock().unlock();
    }
  }

  /**
   * The bulk writer has the article's document: the next refresh makes it visible.
   *
   * @return true when enough articles were written since the last refresh that the caller should refresh now
   */
  synchronized boolean written(String id) {
    Pending p = pendingById.get(id);
    if (p == null || p.written()[0]) {
      return false;
    }
    p.written()[0] = true;
    return ++writtenSinceRefresh >= refreshEvery;
  }

  /**
   * The writes reported so far were flushed and the generation refreshed: the cluster shows them now.
   * The table lets them go only once it holds {@link #REFRESH_EVERY} written articles: until then a
   * new generation needs no look-ups at all (the table is all it holds), and the table stays bounded.
   */
  void refreshed() {
    visibility.writeLock().lock();
    try {
      synchronized (this) {
        if (writtenSinceRefresh < refreshEvery) {
          return;
        }
        List<Pending> done = pendingById.values().stream().filter(p -> p.written()[0]).toList();
        for (Pending p : done) {
          pendingById.remove(p.id());
          unlist(p);
        }
        writtenSinceRefresh = 0;
        empty = false;
      }
    } finally {
      visibility.writeLock().unlock();
    }
  }

  private void unlist(Pending p) {
    for (String band : p.bands()) {
      List<Pending> list = table.get(band);
      if (list != null) {
        list.remove(p);
        if (list.isEmpty()) {
          table.remove(band);
        }
      }
    }
  }

  private synchronized boolean shadowed(String id) {
    return pendingById.containsKey(id);
  }

  /** The closest verified copy the cluster shows, skipping the article itself and articles the table shadows. */
  private Candidate closestInCluster(String id, MinHash signature, String[] bands) throws IOException {
    Candidate best = null;
    for (JsonNode h : sharingMostBands(bands)) {
      JsonNode s = h.path("_source");
      String other = s.path(Fields.ID).asText(null);
      String group = s.path(Fields.GROUP).asText(null);
      if (other == null || group == null || other.equals(id) || shadowed(other)) {
        continue;
      }
      MinHash theirs = MinHash.ofArticle(s.path(Fields.TITLE).asText(null), s.path(Fields.BODY).asText(""));
      if (CopyRule.copies(signature, theirs)) {
        best = Candidate.closer(best, new Candidate(group, CopyRule.closeness(signature, theirs)));
      }
    }
    return best;
  }

  /**
   * The articles that share the most of {@code bands}, at most {@link #MAX_CANDIDATES}: each band a
   * constant-score clause, so the score is the number of bands shared; ties by the earlier indexed,
   * as the embedded index takes the earlier document.
   */
  private JsonNode sharingMostBands(String[] bands) throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.put("size", MAX_CANDIDATES).put("track_total_hits", false);
    body.putArray("_source").add(Fields.ID).add(Fields.GROUP).add(Fields.TITLE).add(Fields.BODY);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode should = bool.putArray("should");
    for (String band : bands) {
      should.addObject().putObject("constant_score").put("boost", 1.0f)
          .putObject("filter").putObject("term").put(Fields.COPY_BAND, band);
    }
    bool.put("minimum_should_match", 1);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject("_score").put("order", "desc");
    sort.addObject().putObject(Fields.INDEXED).put("order", "asc");
    sort.addObject().putObject(Fields.ORDER_KEY).put("order", "asc");
    return client.send("POST", "/" + target + "/_search", body).path("hits").path("hits");
  }
}
