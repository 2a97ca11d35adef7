package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.broadsheet.index.Fields;

/**
 * Every document of one index matching a query, a few fields of its source each, page by page in
 * id order ({@code search_after} on {@link Fields#ID}): memory of one page, whatever the size of the
 * archive. A document updated while the scan runs keeps its id, so it is seen once.
 */
final class ClusterScan {
  /** Documents per request: only a few small fields of each come back. */
  static final int PAGE = 1000;

  /** What is done with each document, on the scanning thread. */
  @FunctionalInterface
  interface Visitor {
    void visit(String id, JsonNode source) throws IOException;
  }

  private final OpenSearchClient client;
  private final String index;

  ClusterScan(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** @return how many documents were visited */
  int forEach(ObjectNode query, String[] fields, Visitor visitor) throws IOException {
    int n = 0;
    JsonNode after = null;
    while (true) {
      ObjectNode body = client.json().createObjectNode();
      body.put("size", PAGE).put("track_total_hits", false);
      body.set("query", query);
      ArrayNode source = body.putArray("_source");
      for (String f : fields) {
        source.add(f);
      }
      body.putArray("sort").add(Fields.ID);
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = client.send("POST", "/" + index + "/_search", body).path("hits").path("hits");
      for (JsonNode h : hits) {
        visitor.visit(h.path("_id").asText(), h.path("_source"));
        n++;
      }
      if (Thread.interrupted()) {
        throw new InterruptedIOException("interrupted reading " + index);
      }
      if (hits.size() < PAGE) {
        return n;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }
}
