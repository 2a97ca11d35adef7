package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes to one index through the bulk API, in batches of at most {@link #MAX_OPERATIONS}
 * operations or {@link #MAX_BYTES} of JSON. An operation the cluster refuses with 429 (its write
 * queue is full: back-pressure) is sent again, alone with the others refused, after a growing
 * pause ({@link RefusedItems}); any other refusal fails the batch with the cluster's reason, since a document our mapping
 * does not take is a bug to see, not a file to skip. Callers hand operations in from one thread.
 */
final class BulkWriter {
  /** Bulk requests of 5 to 15 MB are OpenSearch's advice; articles average a few kilobytes. */
  static final int MAX_OPERATIONS = 500;
  static final int MAX_BYTES = 8 << 20;

  private final OpenSearchClient client;
  private final String index;
  private final ObjectMapper json;
  private final List<String> pending = new ArrayList<>();
  private int pendingBytes;

  BulkWriter(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
    this.json = client.json();
  }

  /** Adds or replaces the document with this id. */
  void index(String id, ObjectNode doc) throws IOException {
    add(action("index", id) + "\n" + json.writeValueAsString(doc) + "\n");
  }

  /** Changes some fields of the document with this id (the stamp of a touched file). */
  void update(String id, ObjectNode fields) throws IOException {
    ObjectNode body = json.createObjectNode();
    body.set("doc", fields);
    add(action("update", id) + "\n" + json.writeValueAsString(body) + "\n");
  }

  void delete(String id) throws IOException {
    add(action("delete", id) + "\n");
  }

  private String action(String op, String id) throws IOException {
    ObjectNode a = json.createObjectNode();
    a.putObject(op).put("_index", index).put("_id", id);
    return json.writeValueAsString(a);
  }

  private void add(String operation) throws IOException {
    pending.add(operation);
    pendingBytes += operation.length();
    if (pending.size() >= MAX_OPERATIONS || pendingBytes >= MAX_BYTES) {
      flush();
    }
  }

  /** Sends what is pending; when it returns, the cluster has every operation (not yet searchable: see refresh). */
  void flush() throws IOException {
    List<String> batch = new ArrayList<>(pending);
    pending.clear();
    pendingBytes = 0;
    RefusedItems.send(batch, "document(s)", items -> {
      JsonNode answer = client.sendNdjson("/_bulk", String.join("", items));
      List<String> again = new ArrayList<>();
      JsonNode results = answer.path("items");
      for (int i = 0; i < results.size(); i++) {
        JsonNode result = results.get(i).elements().next();
        int status = result.path("status").asInt();
        if (status == 429) {
          again.add(items.get(i));
        } else if (status >= 300 && !(status == 404 && results.get(i).has("delete"))) {
          JsonNode error = result.path("error");
          throw new OpenSearchException(status, error.path("type").asText(""), "OpenSearch refused document "
              + result.path("_id").asText() + " of " + index + ": " + error.path("reason").asText(error.toString()));
        }
      }
      return again;
    });
  }
}
