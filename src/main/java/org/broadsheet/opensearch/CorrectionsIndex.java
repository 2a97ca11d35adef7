package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.broadsheet.index.DerivedAliases;
import org.broadsheet.index.DerivedAliasesFile;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.RulesFile;

/**
 * Where the cluster keeps an archive's corrections: the small index {@code <name>-corrections}
 * beside the articles' alias, with two documents, {@code rules} (the people's rules, in
 * {@link RulesFile}'s form) and {@code derived-aliases} (the archive-wide aliases of the last run,
 * in {@link DerivedAliasesFile}'s form). Not a generation: a rebuild ({@code index --full}) keeps
 * it, and every machine indexing into the archive reads it. Each document is replaced whole, in
 * one write, so a reader sees the old rules or the new. Nothing in it is searched (the mapping
 * indexes no field); the documents are read by id.
 */
final class CorrectionsIndex {
  static final String RULES = "rules";
  static final String DERIVED = "derived-aliases";

  private final OpenSearchClient client;
  private final String name;

  CorrectionsIndex(OpenSearchClient client) {
    this.client = client;
    this.name = client.target().index() + "-corrections";
  }

  String name() {
    return name;
  }

  /** The people's rules; none when there are none yet. */
  List<EntityRule> rules() throws IOException {
    JsonNode source = read(RULES);
    return source == null ? List.of() : RulesFile.parse(client.json().writeValueAsString(source), where(RULES));
  }

  /** The aliases the last run derived; none before the first. */
  DerivedAliases derived() throws IOException {
    JsonNode source = read(DERIVED);
    return source == null ? DerivedAliases.NONE : DerivedAliasesFile.parse(client.json().writeValueAsString(source),
        where(DERIVED), "delete that document and run 'broadsheet index --full --opensearch "
            + client.target().location() + " PATH' again");
  }

  /** True once a run has derived the aliases (even none). */
  boolean derivedOnce() throws IOException {
    return client.exists(path(DERIVED));
  }

  void writeRules(List<EntityRule> rules) throws IOException {
    write(RULES, RulesFile.format(rules));
  }

  void writeDerived(DerivedAliases aliases) throws IOException {
    write(DERIVED, DerivedAliasesFile.format(aliases));
  }

  private JsonNode read(String id) throws IOException {
    if (!client.exists(path(id))) {
      return null;
    }
    return client.send("GET", path(id), null).path("_source");
  }

  private void write(String id, String json) throws IOException {
    if (!client.exists("/" + name)) {
      create();
    }
    client.send("PUT", path(id) + "?refresh=true", client.json().readTree(json));
  }

  /** One shard, one replica (as the articles), and a mapping that indexes nothing: the documents are only read by id. */
  private void create() throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", 1);
    body.putObject("mappings").put("dynamic", false);
    try {
      client.send("PUT", "/" + name, body);
    } catch (OpenSearchException e) {
      if (!"resource_already_exists_exception".equals(e.type())) {
        throw e; // else another machine made it just now
      }
    }
  }

  private String path(String id) {
    return "/" + name + "/_doc/" + id;
  }

  private String where(String id) {
    return "the document '" + id + "' of " + name + " on " + client.target().cluster();
  }
}
