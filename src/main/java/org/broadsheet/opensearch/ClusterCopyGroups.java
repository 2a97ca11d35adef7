package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.index.CopyMark;
import org.broadsheet.index.CopyRule;
import org.broadsheet.index.Fields;
import org.broadsheet.index.MinHash;
import org.broadsheet.index.PendingCopies;

/**
 * Puts each article an indexing run writes into a group of copies, by the embedded index's rule
 * ({@link org.broadsheet.index.CopyGroups}): its MinHash bands are looked up in the generation being
 * written (a query on {@link Fields#COPY_BAND}, the articles sharing the most bands first) and in a
 * table of the articles this run wrote since the generation was last refreshed; each candidate is
 * verified ({@link CopyRule}) and the article joins the group of the closest copy, or starts its own.
 *
 * <p>Articles come a batch at a time ({@link #assign(List)}): the cluster is asked once for all of
 * them (one {@code _msearch}, the searches run side by side on the cluster), then each article in turn
 * is settled against those candidates and the table, so it finds the articles before it in the batch
 * as it finds those of earlier batches. The answers are those of one look-up per article in that order.
 *
 * <p>The cluster is the record of every article before this run and of this run's articles up to
 * the last refresh: an incremental run, or a run from another machine, finds them there (one run at a
 * time, {@link ClusterLock}). The table holds this run's articles up to {@link #REFRESH_EVERY} written,
 * then a refresh makes them visible and the table lets them go. A new generation holds only what the
 * table holds until then, so a rebuild looks nothing up in its first {@link #REFRESH_EVERY} articles.
 *
 * <p>Not thread-safe: the indexer's writing thread assigns, reports writes and refreshes, in that
 * order, so no look-up is ever in flight while the table lets go of what a refresh made visible.
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
  /** This run's articles the cluster does not show yet: they shadow what it has of the same articles. */
  private final PendingCopies pending = new PendingCopies();
  private int writtenSinceRefresh;
  /** True while the generation holds no article the table does not (a new one, before the table first lets go). */
  private boolean empty;

  /** An article to place: its id, content (hash and signature) and when it was indexed. */
  record Arrival(String id, String contentHash, MinHash signature, long indexedAt) {
    static Arrival of(String id, String contentHash, String title, String text, long indexedAt) {
      return new Arrival(id, contentHash, MinHash.ofArticle(title, text), indexedAt);
    }
  }

  /** An article of the cluster sharing bands with one to place. */
  private record Found(String id, String group, MinHash signature) {
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

  /**
   * The groups of these articles, in their order; call {@link #written} for each once the bulk writer
   * has its document. An article placed later in the list finds those before it.
   */
  List<CopyMark> assign(List<Arrival> batch) throws IOException {
    List<List<Found>> found = empty ? null : sharingMostBands(batch);
    List<CopyMark> marks = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      marks.add(assign(batch.get(i), found == null ? List.of() : found.get(i)));
    }
    return marks;
  }

  private CopyMark assign(Arrival a, List<Found> inCluster) {
    MinHash signature = a.signature();
    PendingCopies.Candidate best = null;
    for (Found f : inCluster) {
      // Skip the article itself and articles the table shadows (their newer version is in the table).
      if (!f.id().equals(a.id()) && !pending.shadows(f.id()) && CopyRule.copies(signature, f.signature())) {
        best = PendingCopies.Candidate.closer(best,
            new PendingCopies.Candidate(f.group(), CopyRule.closeness(signature, f.signature())));
      }
    }
    best = pending.closest(a.id(), signature, best);
    String group = best == null ? CopyMark.alone(a.id(), a.contentHash(), signature, a.indexedAt()).group() : best.group();
    pending.add(a.id(), group, signature);
    return new CopyMark(group, a.indexedAt(), signature);
  }

  /**
   * The bulk writer has the article's document: the next refresh makes it visible.
   *
   * @return true when enough articles were written since the last refresh that the caller should refresh now
   */
  boolean written(String id) {
    return pending.written(id) && ++writtenSinceRefresh >= refreshEvery;
  }

  /**
   * The writes reported so far were flushed and the generation refreshed: the cluster shows them now.
   * The table lets them go only once it holds {@link #REFRESH_EVERY} written articles: until then a
   * new generation needs no look-ups at all (the table is all it holds), and the table stays bounded.
   */
  void refreshed() {
    if (writtenSinceRefresh < refreshEvery) {
      return;
    }
    pending.dropWritten();
    writtenSinceRefresh = 0;
    empty = false;
  }

  /**
   * For each article of the batch, the articles of the cluster that share the most of its bands, at
   * most {@link #MAX_CANDIDATES}, with their signatures recomputed from the stored title and body:
   * one search per article, all in one {@code _msearch}. A search the cluster refuses with 429 (its
   * search queue is full: back-pressure) is sent again after a growing pause ({@link RefusedItems});
   * any other refusal fails.
   */
  private List<List<Found>> sharingMostBands(List<Arrival> batch) throws IOException {
    List<List<Found>> found = new ArrayList<>(batch.size());
    List<Integer> ask = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      found.add(List.of());
      if (batch.get(i).signature().bands().length > 0) {
        ask.add(i);
      }
    }
    RefusedItems.send(ask, "look-up(s) of copies", items -> {
      StringBuilder ndjson = new StringBuilder();
      for (int i : items) {
        ndjson.append("{}\n").append(client.json().writeValueAsString(search(batch.get(i).signature().bands()))).append('\n');
      }
      JsonNode responses = client.sendNdjson("/" + target + "/_msearch", ndjson.toString()).path("responses");
      List<Integer> again = new ArrayList<>();
      for (int k = 0; k < items.size(); k++) {
        JsonNode r = responses.path(k);
        int status = r.path("status").asInt(200);
        if (status == 429) {
          again.add(items.get(k));
        } else if (r.has("error") || status >= 300 || !r.has("hits")) {
          JsonNode error = r.path("error");
          throw new OpenSearchException(status, error.path("type").asText(""), "OpenSearch refused a look-up of copies in "
              + target + ": " + error.path("reason").asText(error.toString()));
        } else {
          found.set(items.get(k), candidates(r.path("hits").path("hits")));
        }
      }
      return again;
    });
    return found;
  }

  private static List<Found> candidates(JsonNode hits) {
    List<Found> found = new ArrayList<>(hits.size());
    for (JsonNode h : hits) {
      JsonNode s = h.path("_source");
      String id = s.path(Fields.ID).asText(null);
      String group = s.path(Fields.GROUP).asText(null);
      if (id != null && group != null) {
        found.add(new Found(id, group, MinHash.ofArticle(s.path(Fields.TITLE).asText(null), s.path(Fields.BODY).asText(""))));
      }
    }
    return found;
  }

  /**
   * One article's search: each band a constant-score clause, so the score is the number of bands
   * shared; ties by the earlier indexed, as the embedded index takes the earlier document.
   */
  private ObjectNode search(String[] bands) {
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
    return body;
  }
}
