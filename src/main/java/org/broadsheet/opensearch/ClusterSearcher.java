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
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.broadsheet.extract.Place;
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
 * Copies of one story collapse into one hit ({@code collapse} on the group, which ranks a group by
 * its best match), shown by its first copy with the number of its other matches ({@link GroupCopies}).
 * Entity values are shown in the archive's spelling ({@link ArchiveSpellings}), which also places the
 * map's circles; a query that found few articles gets a respelling ({@link ClusterDidYouMean}).
 * Cursors ({@code after=}) are the embedded index's ({@link Cursor}), as {@code search_after} values
 * (placed by position under {@code collapse}); exports page with {@code search_after} in a point in time.
 */
final class ClusterSearcher implements AutoCloseable {
  /** Values of a dimension counted per search: the top ten are shown, merged spellings need more. */
  private static final int FACET_BUCKETS = 1_000;
  /** Values of one dimension counted for the facet endpoint. */
  private static final int LIST_BUCKETS = 10_000;
  private static final String SIDEWAYS = "sideways_";
  private static final String DAYS = "days";
  /** Everything matching, every selection applied: the number of groups, and the places under a places filter. */
  private static final String MATCHES = "matches";
  private static final String GROUPS = "groups";
  /**
   * Groups counted exactly up to this many (the cardinality aggregation's most; beyond, an estimate
   * within a few percent): the embedded index counts them exactly.
   */
  private static final int GROUP_PRECISION = 40_000;
  /** Collapsed hits read per request while looking for a cursor's place. */
  private static final int CURSOR_WINDOW = 1_000;
  /** Hits per page of an export, as the embedded index's {@code ExportPager}. */
  private static final int EXPORT_PAGE = 1_000;
  /** How long a point in time outlives its last page: one page's search and writing, generously. */
  private static final String PIT_KEEP_ALIVE = "2m";

  private final OpenSearchClient client;
  private final String index;
  private final Analyzer analyzer = ArchiveAnalyzer.forQueries();
  private final ArchiveQueryParser parser = new ArchiveQueryParser(analyzer);
  private final Function<String, Optional<Place>> places;
  private final ClusterDidYouMean didYouMean;
  /** The archive's spellings, the state of the index they were counted in, and when that state was last read. */
  private volatile Counted counted;

  private record Counted(String state, ArchiveSpellings spellings, long checkedAt) {
  }

  /**
   * How long a reading of the index's state stands: the embedded index sees a new commit within a
   * second too, and a search then costs no request for it.
   */
  private static final long STATE_NANOS = 1_000_000_000L;

  /** @param places the gazetteer's look-up by place name: the map's coordinates */
  ClusterSearcher(OpenSearchClient client, String index, Function<String, Optional<Place>> places) {
    this.client = client;
    this.index = index;
    this.places = places;
    this.didYouMean = new ClusterDidYouMean(client, index, parser, analyzer, this::parse);
  }

  /** The index changed here (an indexing run, a refresh): the next search reads its state again. */
  void changed() {
    Counted c = counted;
    if (c != null) {
      counted = new Counted(c.state(), c.spellings(), c.checkedAt() - STATE_NANOS);
    }
  }

  /**
   * The archive's spellings for the index as it is: counted again only when it has changed (another
   * generation, writes or refreshes since), as the embedded index counts them once per reader.
   */
  ArchiveSpellings spellings() throws IOException {
    Counted c = counted;
    long now = System.nanoTime();
    if (c != null && now - c.checkedAt() < STATE_NANOS) {
      return c.spellings();
    }
    JsonNode stats = client.send("GET", "/" + index + "/_stats/indexing,refresh", null);
    JsonNode primaries = stats.path("_all").path("primaries");
    String state = String.join(",", (Iterable<String>) stats.path("indices")::fieldNames)
        + ":" + primaries.path("indexing").path("index_total").asLong()
        + ":" + primaries.path("indexing").path("delete_total").asLong()
        + ":" + primaries.path("refresh").path("total").asLong();
    c = c != null && c.state().equals(state) ? new Counted(state, c.spellings(), now)
        : new Counted(state, new ArchiveSpellings(client, index), now);
    counted = c;
    return c.spellings();
  }

  SearchResult search(SearchRequest r) throws IOException {
    long start = System.nanoTime();
    Query parsed = parse(r.query());
    Map<String, ObjectNode> filters = SearchBody.filters(r);
    boolean collapse = r.collapse() && r.group() == null;
    ObjectNode body = client.json().createObjectNode();
    ObjectNode query = SearchBody.query(r, parsed);
    body.set("query", query);
    body.set("post_filter", SearchBody.allBut(filters, null));
    body.put("size", r.size()).put("track_total_hits", true);
    body.set("sort", sort(r.sort()));
    if (collapse) {
      body.putObject("collapse").put("field", Fields.GROUP); // each group where its best match ranks
    }
    if (r.after() == null) {
      body.put("from", (r.page() - 1) * r.size());
    } else if (collapse) { // OpenSearch refuses search_after with collapse on another field than the sort's
      body.put("from", groupsBefore(body, Cursor.decode(r.after(), r.sort()), r.sort()));
    } else {
      body.put("from", 0);
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
        inner.putObject(dim).putObject("terms").put("field", FacetAnswers.countedField(dim)).put("size", FACET_BUCKETS);
      }
    }
    ObjectNode matches = aggs.putObject(MATCHES);
    matches.set("filter", SearchBody.allBut(filters, null));
    ObjectNode perMatch = matches.putObject("aggs");
    perMatch.putObject(GROUPS).putObject("cardinality").put("field", Fields.GROUP)
        .put("precision_threshold", GROUP_PRECISION);
    if (filters.containsKey(Fields.FACET_PLACES)) { // the map shows the matches' own places under a places filter
      perMatch.putObject(Fields.FACET_PLACES).putObject("terms")
          .put("field", FacetAnswers.countedField(Fields.FACET_PLACES)).put("size", FACET_BUCKETS);
    }
    ObjectNode highlight = highlight();
    body.set("highlight", highlight);
    JsonNode answer = send(body);
    JsonNode a = answer.path("aggregations");
    String[] published = PublishedPath.split(r.published());
    Timeline.Counts days = dayCounts(a.path(SIDEWAYS + Fields.FACET_PUBLISHED).path(DAYS));
    ArchiveSpellings spellings = spellings();
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMS) {
      Map<String, Long> counts = dim.equals(Fields.FACET_PUBLISHED)
          ? FacetAnswers.publishedBelow(days, published)
          : FacetAnswers.buckets(dim, a.path(SIDEWAYS + dim).path(dim), spellings);
      facets.put(dim, FacetAnswers.top(dim, counts, spellings));
    }
    long total = answer.path("hits").path("total").path("value").asLong();
    long estimate = a.path(MATCHES).path(GROUPS).path("value").asLong();
    JsonNode page = answer.path("hits").path("hits");
    List<String> pageGroups = new ArrayList<>();
    page.forEach(h -> pageGroups.add(h.path("_source").path(Fields.GROUP).asText(null)));
    pageGroups.removeIf(java.util.Objects::isNull);
    ObjectNode matching = client.json().createObjectNode();
    ObjectNode all = matching.putObject("bool");
    all.putArray("must").add(query);
    all.putArray("filter").add(SearchBody.allBut(filters, null));
    long groups = total == 0 ? 0 : GroupCount.of(client, index, matching, estimate);
    GroupCopies copies = GroupCopies.of(client, index, matching, pageGroups, collapse, highlight);
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (JsonNode h : page) {
      String group = h.path("_source").path(Fields.GROUP).asText(null);
      hits.add(hit(collapse ? copies.first(group, h) : h, copies.others(group), spellings));
    }
    // As the embedded index: a full page has a next one, perhaps empty; a group is placed by its best match.
    String next = hits.size() == r.size() ? cursorOf(r.sort(), page.get(page.size() - 1).path("sort")).encode(r.sort())
        : null;
    JsonNode placeCounts = filters.containsKey(Fields.FACET_PLACES)
        ? a.path(MATCHES).path(Fields.FACET_PLACES) : a.path(SIDEWAYS + Fields.FACET_PLACES).path(Fields.FACET_PLACES);
    List<SearchResult.MapPlace> map = spellings.map(FacetAnswers.buckets(Fields.FACET_PLACES, placeCounts, spellings),
        places);
    SearchResult.Suggestion suggestion = didYouMean.suggest(r, total, spellings);
    return new SearchResult(r.query(), total, groups, false, r.page(), r.size(), r.sort().name().toLowerCase(java.util.Locale.ROOT),
        (System.nanoTime() - start) / 1_000_000, hits, facets, Timeline.of(days, published), map, next, suggestion);
  }

  private static ObjectNode highlight() {
    ObjectNode highlight = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    highlight.putArray("pre_tags").add("<mark>");
    highlight.putArray("post_tags").add("</mark>");
    highlight.put("encoder", "html");
    highlight.putObject("fields").putObject(Fields.BODY).put("fragment_size", 200).put("number_of_fragments", 1)
        .put("no_match_size", 200);
    return highlight;
  }

  /**
   * How many groups of a collapsed search rank at or before the cursor: the collapsed hits' sort
   * values (their best matches'), read window by window without their sources until one comes after
   * it. Bounded by the index's result window, as paging by number is.
   */
  private int groupsBefore(ObjectNode search, Cursor after, SearchRequest.Sort sort) throws IOException {
    int from = 0;
    while (true) {
      ObjectNode body = search.deepCopy();
      body.put("from", from).put("size", CURSOR_WINDOW).put("_source", false).put("track_total_hits", false);
      body.remove("aggs");
      body.remove("highlight");
      JsonNode hits = send(body).path("hits").path("hits");
      for (JsonNode h : hits) {
        Cursor c = cursorOf(sort, h.path("sort"));
        if (after.before(c.rank(), c.score(), c.orderKey())) {
          return from;
        }
        from++;
      }
      if (hits.size() < CURSOR_WINDOW) {
        return from;
      }
      if (from + CURSOR_WINDOW > SearchRequest.MAX_DEPTH) {
        throw new BadQueryException("results beyond the first " + SearchRequest.MAX_DEPTH
            + " groups cannot be paged to on OpenSearch; narrow the query or filter by date");
      }
    }
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
    ArchiveSpellings spellings = spellings();
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
          sink.accept(hit(h, 0, spellings));
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
    body.putObject("aggs").putObject(dim).putObject("terms").put("field", FacetAnswers.countedField(dim))
        .put("size", LIST_BUCKETS);
    JsonNode answer = send(body);
    ArchiveSpellings spellings = spellings();
    return FacetAnswers.matching(dim, FacetAnswers.buckets(dim, answer.path("aggregations").path(dim), spellings),
        spellings, prefix, limit);
  }

  /** The hits' snippets: the body's best passage, its matches marked, as the embedded index's. */
  static void highlight(ObjectNode body) {
    body.set("highlight", highlight());
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

  /** A hit of another page (an entity's): its tags in the archive's spelling, no copies counted. */
  SearchResult.Hit hit(JsonNode h) throws IOException {
    return hit(h, 0, spellings());
  }

  private static SearchResult.Hit hit(JsonNode h, long copies, ArchiveSpellings spellings) {
    JsonNode s = h.path("_source");
    JsonNode snippet = h.path("highlight").path(Fields.BODY).path(0);
    return new SearchResult.Hit(text(s, Fields.ID), text(s, Fields.PATH), text(s, Fields.TITLE),
        s.has(Fields.PUBLISHED) ? Instant.ofEpochMilli(s.path(Fields.PUBLISHED).asLong()).toString() : null,
        text(s, Fields.PUBLISHED_FROM), text(s, Fields.BYLINE), text(s, Fields.SOURCE),
        (float) h.path("_score").asDouble(0), snippet.isMissingNode() ? "" : snippet.asText().strip(),
        spellings.values(list(s, Fields.PERSON), Fields.FACET_PEOPLE),
        spellings.values(list(s, Fields.PLACE), Fields.FACET_PLACES),
        spellings.values(list(s, Fields.ORG), Fields.FACET_ORGS),
        list(s, Fields.facetValues(Fields.FACET_COUNTRIES)), list(s, Fields.MENTIONED),
        text(s, Fields.facetValues(Fields.FACET_COLLECTION)), text(s, Fields.GROUP), copies);
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
