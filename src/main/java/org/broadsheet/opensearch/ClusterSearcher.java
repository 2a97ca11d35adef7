package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.Fields;
import org.broadsheet.search.ArchiveQueryParser;
import org.broadsheet.search.BadQueryException;
import org.broadsheet.search.Cursor;
import org.broadsheet.search.PublishedPath;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.Timeline;

/**
 * Searches the archive's index on the cluster. The query is parsed by our own parser (its syntax,
 * fields, cost limits and 400 messages) and translated ({@link QueryTranslator}); the selected facet
 * values filter the hits through {@code post_filter}, and each dimension is counted by a terms
 * aggregation under a filter of all the other selections: drill sideways, as the embedded index
 * counts. The timeline and the published dimension come from a day histogram counted the same way.
 *
 * <p>Compounds are bridged against the words of the cluster's index ({@link ClusterDictionary}).
 * Not yet as in the embedded index: copies are not collapsed (each article is its own
 * group), there is no "did you mean" and no map. Cursors ({@code after=}) are the embedded index's
 * ({@link Cursor}), as {@code search_after} values; exports page with {@code search_after} in a point in time.
 */
final class ClusterSearcher implements AutoCloseable {
  /** Values of a dimension counted per search: the top ten are shown, merged spellings need more. */
  private static final int FACET_BUCKETS = 1_000;
  /** Values of one dimension counted for the facet endpoint. */
  private static final int LIST_BUCKETS = 10_000;
  private static final String SIDEWAYS = "sideways_";
  private static final String DAYS = "days";
  /** Hits per page of an export, as the embedded index's {@code ExportPager}. */
  private static final int EXPORT_PAGE = 1_000;
  /** How long a point in time outlives its last page: one page's search and writing, generously. */
  private static final String PIT_KEEP_ALIVE = "2m";

  private final OpenSearchClient client;
  private final String index;
  private final Analyzer analyzer = ArchiveAnalyzer.forQueries();
  private final ArchiveQueryParser parser = new ArchiveQueryParser(analyzer);

  ClusterSearcher(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  SearchResult search(SearchRequest r) throws IOException {
    long start = System.nanoTime();
    Query parsed = parse(r.query());
    Map<String, ObjectNode> filters = SearchBody.filters(r);
    ObjectNode body = client.json().createObjectNode();
    body.set("query", SearchBody.query(r, parsed));
    body.set("post_filter", SearchBody.allBut(filters, null));
    body.put("from", r.after() == null ? (r.page() - 1) * r.size() : 0).put("size", r.size())
        .put("track_total_hits", true);
    body.set("sort", sort(r.sort()));
    if (r.after() != null) {
      body.set("search_after", searchAfter(r.sort(), Cursor.decode(r.after(), r.sort())));
    }
    ObjectNode aggs = body.putObject("aggs");
    for (String dim : Fields.FACET_DIMS) {
      ObjectNode sideways = aggs.putObject(SIDEWAYS + dim);
      sideways.set("filter", SearchBody.allBut(filters, dim));
      ObjectNode inner = sideways.putObject("aggs");
      if (dim.equals(Fields.FACET_PUBLISHED)) {
        inner.putObject(DAYS).putObject("date_histogram").put("field", Fields.PUBLISHED)
            .put("calendar_interval", "day").put("format", "yyyy-MM-dd").put("min_doc_count", 1);
      } else {
        inner.putObject(dim).putObject("terms").put("field", Fields.facetValues(dim)).put("size", FACET_BUCKETS);
      }
    }
    highlight(body);
    JsonNode answer = send(body);
    JsonNode a = answer.path("aggregations");
    String[] published = PublishedPath.split(r.published());
    Timeline.Counts days = dayCounts(a.path(SIDEWAYS + Fields.FACET_PUBLISHED).path(DAYS));
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMS) {
      Map<String, Long> counts = dim.equals(Fields.FACET_PUBLISHED)
          ? FacetAnswers.publishedBelow(days, published)
          : FacetAnswers.buckets(a.path(SIDEWAYS + dim).path(dim));
      facets.put(dim, FacetAnswers.top(dim, counts));
    }
    long total = answer.path("hits").path("total").path("value").asLong();
    List<SearchResult.Hit> hits = new ArrayList<>();
    JsonNode page = answer.path("hits").path("hits");
    for (JsonNode h : page) {
      hits.add(hit(h));
    }
    // As the embedded index: a full page has a next one, perhaps empty.
    String next = hits.size() == r.size() ? cursorOf(r.sort(), page.get(page.size() - 1).path("sort")).encode(r.sort())
        : null;
    return new SearchResult(r.query(), total, total, r.page(), r.size(), r.sort().name().toLowerCase(java.util.Locale.ROOT),
        (System.nanoTime() - start) / 1_000_000, hits, facets, Timeline.of(days, published), List.of(), next, null);
  }

  /**
   * Every article matching {@code r}, in its order, page by page ({@link #EXPORT_PAGE} hits) with
   * {@code search_after} in one point in time, so that the pages join exactly however the index
   * changes meanwhile; without snippets, copies included, as the embedded index's export.
   */
  long export(SearchRequest r, org.broadsheet.search.ExportSink sink) throws IOException {
    ObjectNode query = client.json().createObjectNode();
    ObjectNode bool = query.putObject("bool");
    bool.putArray("must").add(SearchBody.query(r, parse(r.query())));
    bool.putArray("filter").add(SearchBody.allBut(SearchBody.filters(r), null));
    String pit = client.send("POST", "/" + index + "/_search/point_in_time?keep_alive=" + PIT_KEEP_ALIVE, null)
        .path("pit_id").asText();
    try {
      long n = 0;
      JsonNode after = null;
      while (true) {
        ObjectNode body = client.json().createObjectNode();
        body.set("query", query);
        body.put("size", EXPORT_PAGE).put("track_total_hits", false);
        body.putObject("pit").put("id", pit).put("keep_alive", PIT_KEEP_ALIVE);
        body.putObject("_source").putArray("excludes").add(Fields.BODY);
        body.set("sort", sort(r.sort()));
        if (after != null) {
          body.set("search_after", after);
        }
        JsonNode hits = send("/_search", body).path("hits").path("hits");
        for (JsonNode h : hits) {
          sink.accept(hit(h));
          n++;
        }
        if (hits.size() < EXPORT_PAGE) {
          return n;
        }
        after = hits.get(hits.size() - 1).path("sort");
      }
    } finally {
      ObjectNode close = client.json().createObjectNode();
      close.putArray("pit_id").add(pit);
      client.send("DELETE", "/_search/point_in_time", close);
    }
  }

  /** As the facet endpoint: one dimension's values for the hits of {@code r}, counted sideways. */
  List<SearchResult.FacetValue> facetValues(SearchRequest r, String dim, String prefix, int limit) throws IOException {
    if (!Fields.FILTER_DIMS.contains(dim)) {
      throw new BadQueryException("unknown facet '" + dim + "'; use one of " + String.join(", ", Fields.FILTER_DIMS));
    }
    Map<String, ObjectNode> filters = SearchBody.filters(r);
    ObjectNode body = client.json().createObjectNode();
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(SearchBody.query(r, parse(r.query())));
    bool.putArray("filter").add(SearchBody.allBut(filters, dim));
    body.put("size", 0);
    body.putObject("aggs").putObject(dim).putObject("terms").put("field", Fields.facetValues(dim))
        .put("size", LIST_BUCKETS);
    JsonNode answer = send(body);
    return FacetAnswers.matching(dim, FacetAnswers.buckets(answer.path("aggregations").path(dim)), prefix, limit);
  }

  /** The hits' snippets: the body's best passage, its matches marked, as the embedded index's. */
  static void highlight(ObjectNode body) {
    ObjectNode highlight = body.putObject("highlight");
    highlight.putArray("pre_tags").add("<mark>");
    highlight.putArray("post_tags").add("</mark>");
    highlight.put("encoder", "html");
    highlight.putObject("fields").putObject(Fields.BODY).put("fragment_size", 200).put("number_of_fragments", 1)
        .put("no_match_size", 200);
  }

  /** Parses with compounds bridged against the words of the cluster's index. */
  Query parse(String query) throws IOException {
    try {
      return parser.parse(query, new ClusterDictionary(client, index, analyzer));
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Runs a search; the cost limits OpenSearch enforces become the embedded index's 400 messages. */
  JsonNode send(ObjectNode body) throws IOException {
    return send("/" + index + "/_search", body);
  }

  private JsonNode send(String path, ObjectNode body) throws IOException {
    try {
      return client.send("POST", path, body);
    } catch (OpenSearchException e) {
      if (e.type().equals("too_many_clauses") || e.getMessage().contains("maxClauseCount")) {
        throw new BadQueryException("the query expands to too many terms; make it more specific", e);
      }
      if (e.type().contains("too_complex_to_determinize")) {
        throw new BadQueryException("the query is too complex; make wildcards more specific", e);
      }
      throw e;
    }
  }

  /**
   * Newest or oldest first (undated articles last), then by score, then by the stable order key; as
   * {@link Cursor}. An undated article sorts as the smallest (newest) or largest (oldest) time, said
   * explicitly so that its sort value is known to {@code search_after}.
   */
  ArrayNode sort(SearchRequest.Sort sort) {
    ArrayNode out = client.json().createArrayNode();
    if (sort != SearchRequest.Sort.RELEVANCE) {
      boolean newest = sort == SearchRequest.Sort.NEWEST;
      out.addObject().putObject(Fields.PUBLISHED)
          .put("order", newest ? "desc" : "asc").put("missing", newest ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
    out.addObject().putObject("_score").put("order", "desc");
    out.addObject().putObject(Fields.ORDER_KEY).put("order", "asc");
    return out;
  }

  /** A hit's sort values as the embedded index's cursor: rank (smaller first), score, order key. */
  private static Cursor cursorOf(SearchRequest.Sort sort, JsonNode values) {
    int i = 0;
    long rank = 0;
    if (sort != SearchRequest.Sort.RELEVANCE) {
      long published = values.get(i++).asLong();
      boolean undated = published == (sort == SearchRequest.Sort.NEWEST ? Long.MIN_VALUE : Long.MAX_VALUE);
      rank = undated ? Long.MAX_VALUE : sort == SearchRequest.Sort.NEWEST ? -published : published;
    }
    float score = (float) values.get(i++).asDouble();
    return new Cursor(rank, score, values.get(i).asLong());
  }

  /** The sort values a cursor stands for, for {@code search_after}. */
  private ArrayNode searchAfter(SearchRequest.Sort sort, Cursor c) {
    ArrayNode out = client.json().createArrayNode();
    if (sort != SearchRequest.Sort.RELEVANCE) {
      boolean newest = sort == SearchRequest.Sort.NEWEST;
      out.add(c.rank() == Long.MAX_VALUE ? (newest ? Long.MIN_VALUE : Long.MAX_VALUE) : newest ? -c.rank() : c.rank());
    }
    out.add(c.score());
    out.add(c.orderKey());
    return out;
  }

  /** The published counts below a path, from day buckets ("yyyy-MM-dd" → count). */
  static Timeline.Counts dayCounts(JsonNode histogram) {
    TreeMap<String, Long> perDay = new TreeMap<>();
    for (JsonNode b : histogram.path("buckets")) {
      perDay.put(b.path("key_as_string").asText(), b.path("doc_count").asLong());
    }
    return path -> {
      String prefix = String.join("-", path);
      Map<String, Long> out = new TreeMap<>();
      perDay.forEach((day, n) -> {
        if (prefix.isEmpty() || day.startsWith(prefix + "-")) {
          String[] ymd = day.split("-");
          out.merge(ymd[path.length], n, Long::sum);
        }
      });
      return out;
    };
  }

  static SearchResult.Hit hit(JsonNode h) {
    JsonNode s = h.path("_source");
    JsonNode snippet = h.path("highlight").path(Fields.BODY).path(0);
    return new SearchResult.Hit(text(s, Fields.ID), text(s, Fields.PATH), text(s, Fields.TITLE),
        s.has(Fields.PUBLISHED) ? Instant.ofEpochMilli(s.path(Fields.PUBLISHED).asLong()).toString() : null,
        text(s, Fields.PUBLISHED_FROM), text(s, Fields.BYLINE), text(s, Fields.SOURCE),
        (float) h.path("_score").asDouble(0), snippet.isMissingNode() ? "" : snippet.asText().strip(),
        list(s, Fields.PERSON), list(s, Fields.PLACE), list(s, Fields.ORG),
        list(s, Fields.facetValues(Fields.FACET_COUNTRIES)), list(s, Fields.MENTIONED),
        text(s, Fields.facetValues(Fields.FACET_COLLECTION)), text(s, Fields.GROUP), 0);
  }

  private static String text(JsonNode source, String field) {
    JsonNode v = source.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static List<String> list(JsonNode source, String field) {
    List<String> out = new ArrayList<>();
    source.path(field).forEach(v -> out.add(v.asText()));
    return out;
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
