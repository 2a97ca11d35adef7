package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * The spellings the whole archive on the cluster uses for some entity values, with their article
 * counts, and the spelling shown for each: diacritics first, then the spelling more articles use
 * ({@link FacetKeys#better}), as the embedded index's {@code Spellings} chooses over the whole index,
 * not over one result. One request: per dimension, the values of the articles that have one of the
 * keys asked, of which those with one of these keys are kept.
 */
final class ClusterSpellings {
  /** Values counted per dimension: every spelling of the keys asked, and of the other values of their articles. */
  private static final int BUCKETS = 10_000;

  private final OpenSearchClient client;
  private final String index;

  ClusterSpellings(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Dimension → (spelling → articles in the archive) of every value whose key is among that dimension's keys. */
  Map<String, Map<String, Long>> of(Map<String, ? extends Collection<String>> keysByDim) throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode aggs = body.putObject("aggs");
    keysByDim.forEach((dim, keys) -> {
      out.put(dim, new LinkedHashMap<>());
      if (keys.isEmpty()) {
        return;
      }
      ObjectNode agg = aggs.putObject(dim);
      ArrayNode any = agg.putObject("filter").putObject("terms").putArray(Fields.facetKey(dim));
      keys.forEach(any::add);
      agg.putObject("aggs").putObject("values").putObject("terms").put("field", Fields.facetValues(dim))
          .put("size", BUCKETS);
    });
    if (aggs.isEmpty()) {
      return out;
    }
    JsonNode a = client.send("POST", "/" + index + "/_search", body).path("aggregations");
    keysByDim.forEach((dim, keys) -> {
      for (JsonNode b : a.path(dim).path("values").path("buckets")) {
        String value = b.path("key").asText();
        if (keys.contains(FacetKeys.key(value))) {
          out.get(dim).put(value, b.path("doc_count").asLong());
        }
      }
    });
    return out;
  }

  /** Key → the spelling shown, of these spellings and their article counts. */
  static Map<String, String> best(Map<String, Long> spellings) {
    Map<String, String> best = new HashMap<>();
    spellings.forEach((value, n) -> best.merge(FacetKeys.key(value), value,
        (a, b) -> FacetKeys.better(b, spellings.get(b), a, spellings.get(a)) ? b : a));
    return best;
  }

  /** Key → articles naming the value in any spelling (an article has one spelling per key). */
  static Map<String, Long> counts(Map<String, Long> spellings) {
    Map<String, Long> counts = new HashMap<>();
    spellings.forEach((value, n) -> counts.merge(FacetKeys.key(value), n, Long::sum));
    return counts;
  }
}
