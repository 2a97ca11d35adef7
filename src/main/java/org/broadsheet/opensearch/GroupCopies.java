package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.index.Fields;

/**
 * The groups of copies of a page of hits, as the embedded index's {@code GroupedHits} counts them:
 * how many matching articles each group has (a hit's {@code copies} is that less one) and, for a
 * collapsed page, the copy each group is shown by: the earliest published (undated last), then the
 * first indexed, then by order key. One request for the whole page: the matching articles of the
 * page's groups, a terms aggregation on the group with its first copy ({@code top_hits}).
 * OpenSearch's {@code collapse} ranks the groups by their best match as ours does, but its
 * {@code inner_hits} repeat the query without the {@code post_filter} the selected facet values are in.
 */
final class GroupCopies {
  private static final String GROUPS = "groups";
  private static final String FIRST = "first";

  /** Group id → matching articles in it. */
  private final Map<String, Long> counts;
  /** Group id → its first copy, as a hit (source, score, highlight); empty when not asked for. */
  private final Map<String, JsonNode> first;

  private GroupCopies(Map<String, Long> counts, Map<String, JsonNode> first) {
    this.counts = counts;
    this.first = first;
  }

  /**
   * @param matching  what every matching article meets: the query and every selected value
   * @param groups    the page's groups
   * @param firsts    true to fetch each group's first copy too (a collapsed page)
   * @param highlight the page's highlight, for the first copies' snippets
   */
  static GroupCopies of(OpenSearchClient client, String index, ObjectNode matching, List<String> groups,
                        boolean firsts, ObjectNode highlight) throws IOException {
    if (groups.isEmpty()) {
      return new GroupCopies(Map.of(), Map.of());
    }
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0);
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(matching);
    ArrayNode ids = bool.putArray("filter").addObject().putObject("terms").putArray(Fields.GROUP);
    groups.forEach(ids::add);
    ObjectNode terms = body.putObject("aggs").putObject(GROUPS);
    ObjectNode t = terms.putObject("terms").put("field", Fields.GROUP).put("size", groups.size());
    ArrayNode include = t.putArray("include");
    groups.forEach(include::add);
    if (firsts) {
      ObjectNode top = terms.putObject("aggs").putObject(FIRST).putObject("top_hits");
      top.put("size", 1).put("track_scores", true);
      ArrayNode sort = top.putArray("sort");
      sort.addObject().putObject(Fields.PUBLISHED).put("order", "asc").put("missing", "_last");
      sort.addObject().putObject(Fields.INDEXED).put("order", "asc");
      sort.addObject().putObject(Fields.ORDER_KEY).put("order", "asc");
      top.set("highlight", highlight);
    }
    JsonNode answer = client.send("POST", "/" + index + "/_search", body);
    Map<String, Long> counts = new HashMap<>();
    Map<String, JsonNode> first = new HashMap<>();
    for (JsonNode b : answer.path("aggregations").path(GROUPS).path("buckets")) {
      String group = b.path("key").asText();
      counts.put(group, b.path("doc_count").asLong());
      JsonNode hit = b.path(FIRST).path("hits").path("hits").path(0);
      if (!hit.isMissingNode()) {
        first.put(group, hit);
      }
    }
    return new GroupCopies(counts, first);
  }

  /** How many other matching articles the group has. */
  long others(String group) {
    return group == null ? 0 : Math.max(0, counts.getOrDefault(group, 1L) - 1);
  }

  /** The group's first copy as a hit, or {@code fallback} when not known. */
  JsonNode first(String group, JsonNode fallback) {
    return group == null ? fallback : first.getOrDefault(group, fallback);
  }
}
