package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.broadsheet.index.Fields;

/**
 * How many groups of copies the matching articles make, as the embedded index counts them: exactly.
 * OpenSearch's {@code cardinality} aggregation estimates (on Reuters it said 7,285 groups for 7,284),
 * so a result of up to {@link #EXACT} groups is counted again by a composite aggregation of the
 * groups, one request; beyond that the estimate stands (within a few in ten thousand).
 */
final class GroupCount {
  /** Groups counted exactly at most: one composite aggregation page. */
  static final int EXACT = 10_000;

  private GroupCount() {
  }

  /**
   * @param matching what every matching article meets: the query and every selected value
   * @param estimate the cardinality aggregation's estimate for the same articles
   */
  static long of(OpenSearchClient client, String index, ObjectNode matching, long estimate) throws IOException {
    if (estimate > EXACT) {
      return estimate;
    }
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0).put("track_total_hits", false);
    body.set("query", matching);
    ObjectNode composite = body.putObject("aggs").putObject(Fields.GROUP).putObject("composite");
    composite.put("size", EXACT + 1);
    composite.putArray("sources").addObject().putObject("g").putObject("terms").put("field", Fields.GROUP);
    JsonNode buckets = client.send("POST", "/" + index + "/_search", body).path("aggregations").path(Fields.GROUP)
        .path("buckets");
    return buckets.size() > EXACT ? estimate : buckets.size();
  }
}
