package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.broadsheet.index.Bookkeeping;
import org.broadsheet.index.Fields;

/**
 * The archive's index on the cluster. The name given ({@link OpenSearchTarget#index()}) is an alias
 * of one concrete index, a generation named {@code <name>-g<millis>}: a full rebuild writes a new
 * generation and moves the alias to it in one atomic step at the end, so searches see the old
 * articles until the new ones are all there (as the embedded index's single final commit does).
 * The schema version is in the mapping's {@code _meta}; an index of another schema is rebuilt.
 */
final class ClusterIndex {
  private static final int PAGE = 1000;

  private final OpenSearchClient client;
  private final String alias;

  ClusterIndex(OpenSearchClient client) {
    this.client = client;
    this.alias = client.target().index();
  }

  String alias() {
    return alias;
  }

  boolean exists() throws IOException {
    return client.exists("/" + alias);
  }

  /** The concrete index the alias points to, or null when there is none yet. */
  String current() throws IOException {
    if (!client.exists("/_alias/" + alias)) {
      if (client.exists("/" + alias)) {
        throw new OpenSearchException(409, "", "'" + alias + "' on " + client.target().cluster()
            + " is an index Broadsheet did not make (Broadsheet's is an alias); choose another index name");
      }
      return null;
    }
    Iterator<String> names = client.send("GET", "/_alias/" + alias, null).fieldNames();
    return names.hasNext() ? names.next() : null;
  }

  /** The schema version the current generation was made with, or null when there is none. */
  String schema() throws IOException {
    String index = current();
    if (index == null) {
      return null;
    }
    JsonNode mapping = client.send("GET", "/" + index + "/_mapping", null);
    return mapping.path(index).path("mappings").path("_meta").path(Fields.SCHEMA_KEY).asText(null);
  }

  /**
   * Deletes the generations no alias points to: what a rebuild that was killed before it could
   * publish (or delete) its generation left behind. Call only while no other rebuild runs.
   */
  void dropOrphans() throws IOException {
    String current = current();
    JsonNode indices = client.send("GET", "/_cat/indices/" + alias + "-g*?format=json&h=index", null);
    for (JsonNode i : indices) {
      String name = i.path("index").asText();
      if (name.matches(java.util.regex.Pattern.quote(alias) + "-g\\d+") && !name.equals(current)) {
        client.send("DELETE", "/" + name, null);
      }
    }
  }

  /** Makes a new, empty generation, not yet reached through the alias. */
  String newGeneration() throws IOException {
    String name = alias + "-g" + System.currentTimeMillis();
    // The target's layout (default one shard, one replica: a 2-node cluster is green, a 1-node one
    // stays yellow, which is fine for development); see IndexDefinition#articles.
    ObjectNode body = IndexDefinition.articles(client.target().shards(), client.target().replicas());
    body.remove("aliases");
    client.send("PUT", "/" + name, body);
    return name;
  }

  /** Points the alias at {@code generation} and deletes the generation it pointed at before, if any. */
  void publish(String generation) throws IOException {
    String old = current();
    ObjectNode body = client.json().createObjectNode();
    ArrayNode actions = body.putArray("actions");
    if (old != null) {
      actions.addObject().putObject("remove").put("index", old).put("alias", alias);
    }
    actions.addObject().putObject("add").put("index", generation).put("alias", alias);
    client.send("POST", "/_aliases", body);
    if (old != null && !old.equals(generation)) {
      client.send("DELETE", "/" + old, null);
    }
  }

  /** Makes the writes so far visible to searches. */
  void refresh(String index) throws IOException {
    client.send("POST", "/" + index + "/_refresh", null);
  }

  /** Id → bookkeeping of every article of {@code index}, read from doc values, page by page in id order. */
  Map<String, Bookkeeping> bookkeeping(String index) throws IOException {
    Map<String, Bookkeeping> known = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode q = client.json().createObjectNode();
      q.put("size", PAGE).put("_source", false).put("track_total_hits", false);
      q.putArray("sort").add(Fields.ID);
      ArrayNode fields = q.putArray("docvalue_fields");
      for (String f : new String[] {Fields.ID, Fields.FILE_URI, Fields.ROOT, Fields.HASH, Fields.STAMP}) {
        fields.add(f);
      }
      if (after != null) {
        q.set("search_after", after);
      }
      JsonNode hits = client.send("POST", "/" + index + "/_search", q).path("hits").path("hits");
      for (JsonNode h : hits) {
        JsonNode f = h.path("fields");
        Bookkeeping b = new Bookkeeping(first(f, Fields.ID), first(f, Fields.FILE_URI), first(f, Fields.ROOT),
            first(f, Fields.HASH), first(f, Fields.STAMP));
        known.put(b.id(), b);
      }
      if (hits.size() < PAGE) {
        return known;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }

  /** Every root the articles were indexed through, from the latest writes. */
  List<String> roots() throws IOException {
    refresh(alias);
    ObjectNode q = client.json().createObjectNode();
    q.put("size", 0);
    q.putObject("aggs").putObject("roots").putObject("terms").put("field", Fields.ROOT).put("size", 10_000);
    List<String> roots = new ArrayList<>();
    for (JsonNode b : client.send("POST", "/" + alias + "/_search", q).path("aggregations").path("roots").path("buckets")) {
      roots.add(b.path("key").asText());
    }
    return roots;
  }

  private static String first(JsonNode fields, String name) {
    JsonNode v = fields.path(name).path(0);
    return v.isMissingNode() ? null : v.asText();
  }
}
