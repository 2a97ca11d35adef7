package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.DateRange;
import org.broadsheet.search.PublishedPath;
import org.broadsheet.search.SearchRequest;

/**
 * The parts of a search request body that say which articles match, as the embedded index's
 * {@code DrillDown} does: the query, the date range, the group and the excluded values in the
 * query itself; each selected dimension (and the published path) as a filter of its own, so that
 * the facets can be counted drill-sideways: every dimension without its own filter.
 */
final class SearchBody {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** The selected published path's filter, among {@link #filters}. */
  static final String PUBLISHED = Fields.FACET_PUBLISHED;

  private SearchBody() {
  }

  /** The query with the date range, group and exclusions: what every count starts from. */
  static ObjectNode query(SearchRequest r, Query parsed) {
    ObjectNode out = JSON.objectNode();
    ObjectNode bool = out.putObject("bool");
    bool.putArray("must").add(QueryTranslator.translate(parsed));
    ArrayNode filter = bool.putArray("filter");
    if (r.from() != null || r.to() != null) {
      ObjectNode range = filter.addObject().putObject("range").putObject(Fields.PUBLISHED);
      if (r.from() != null) {
        range.put("gte", DateRange.start(r.from(), "from"));
      }
      if (r.to() != null) {
        range.put("lte", DateRange.end(r.to(), "to"));
      }
    }
    if (r.group() != null) {
      filter.addObject().putObject("term").put(Fields.GROUP, r.group());
    }
    ArrayNode mustNot = bool.putArray("must_not");
    for (Map.Entry<String, List<String>> e : r.exclude().entrySet()) {
      mustNot.add(anyOf(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** Dimension → its filter: the selected values (any of them) and the published path. */
  static Map<String, ObjectNode> filters(SearchRequest r) {
    Map<String, ObjectNode> out = new java.util.LinkedHashMap<>();
    r.filters().forEach((dim, values) -> out.put(dim, anyOf(dim, values)));
    if (r.published() != null) {
      ObjectNode range = JSON.objectNode();
      range.putObject("range").putObject(Fields.PUBLISHED)
          .put("gte", PublishedPath.start(r.published()))
          .put("lte", PublishedPath.end(r.published()));
      out.put(PUBLISHED, range);
    }
    return out;
  }

  /** All of these filters but {@code except}'s (null: all of them), as one filter. */
  static ObjectNode allBut(Map<String, ObjectNode> filters, String except) {
    ObjectNode out = JSON.objectNode();
    ArrayNode all = out.putObject("bool").putArray("filter");
    filters.forEach((dim, f) -> {
      if (!dim.equals(except)) {
        all.add(f);
      }
    });
    return out;
  }

  /** Entities by folded key (every spelling), other dimensions by exact value. */
  private static ObjectNode anyOf(String dim, List<String> values) {
    ObjectNode out = JSON.objectNode();
    boolean entity = Fields.ENTITY_FACETS.contains(dim);
    ArrayNode terms = out.putObject("terms").putArray(entity ? Fields.facetKey(dim) : Fields.facetValues(dim));
    values.stream().map(v -> entity ? FacetKeys.key(v) : v).distinct().forEach(terms::add);
    return out;
  }
}
