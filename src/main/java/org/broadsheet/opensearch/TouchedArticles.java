package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.extract.ArchiveAliases.Alias;
import org.broadsheet.index.EntityRule;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * The articles a correction may change, as query DSL: the cluster's form of
 * {@link org.broadsheet.index.EntityRules#touching} and
 * {@link org.broadsheet.index.DerivedAliases#touching}, over the same keyword fields.
 */
final class TouchedArticles {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TouchedArticles() {
  }

  /**
   * Those with one of the rules' values as extracted (in any named dimension, as a retype may have
   * moved it), or as a value now in the rule's dimension (another rule's result).
   */
  static ObjectNode byRules(List<EntityRule> rules) {
    Set<String> extracted = new LinkedHashSet<>();
    Map<String, Set<String>> current = new LinkedHashMap<>();
    for (EntityRule r : rules) {
      for (String v : r.values()) {
        for (String dim : Fields.NAMED_DIMS) {
          extracted.add(Fields.extractedKey(dim, v));
        }
        current.computeIfAbsent(Fields.facetKey(r.dim()), k -> new LinkedHashSet<>()).add(FacetKeys.key(v));
      }
    }
    if (extracted.isEmpty()) {
      return none();
    }
    ObjectNode query = JSON.objectNode();
    ObjectNode bool = query.putObject("bool");
    ArrayNode should = bool.putArray("should");
    should.add(terms(Fields.EXTRACTED_KEY, extracted));
    current.forEach((field, keys) -> should.add(terms(field, keys)));
    bool.put("minimum_should_match", 1);
    return query;
  }

  /** Those with one of the aliases' values as extracted. */
  static ObjectNode byAliases(List<Alias> aliases) {
    Set<String> keys = new LinkedHashSet<>();
    for (Alias a : aliases) {
      keys.add(Fields.extractedKey(Fields.dimOf(a.type()), a.value()));
    }
    return keys.isEmpty() ? none() : terms(Fields.EXTRACTED_KEY, keys);
  }

  private static ObjectNode terms(String field, Set<String> values) {
    ObjectNode q = JSON.objectNode();
    ArrayNode list = q.putObject("terms").putArray(field);
    values.forEach(list::add);
    return q;
  }

  private static ObjectNode none() {
    ObjectNode q = JSON.objectNode();
    q.putObject("match_none");
    return q;
  }
}
