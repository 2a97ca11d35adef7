package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.Query;
import org.broadsheet.extract.Place;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.EntityAliases;
import org.broadsheet.search.EntityPage;
import org.broadsheet.search.EntityScope;
import org.broadsheet.search.PublishedPath;
import org.broadsheet.search.RelatedEntities;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.Timeline;

/**
 * One entity's page from the cluster, made of the embedded index's parts ({@link EntityScope},
 * {@link RelatedEntities}, {@link EntityAliases}, {@link Timeline}, {@link EntityPage#of}) so that it
 * answers as the embedded index's {@code EntityProfiles} does:
 * <ol>
 *   <li>the entity in the archive's spellings (the searcher's {@link ArchiveSpellings}, counted once
 *       per index state): not there, no page; else the label shown;</li>
 *   <li>its articles within the scope: the top {@link EntityScope#ARTICLES} by the page's ranking,
 *       their count, per named dimension the keys they mention (terms aggregations) and their days;</li>
 *   <li>the scope's own count and the same keys' counts in it, the background of {@link RelatedEntities};</li>
 *   <li>the archive's spelling of every related value;</li>
 *   <li>the stored mentions of up to {@link EntityAliases#SAMPLE} of its articles: how they write it.</li>
 * </ol>
 */
final class ClusterEntityPages {
  /** Related keys counted per dimension: every value of the entity's articles. */
  private static final int KEY_BUCKETS = 10_000;
  private static final String TOGETHER = "together_";
  private static final String DAYS = "days";

  private final OpenSearchClient client;
  private final ClusterSearcher searcher;
  private final Supplier<Function<String, Optional<Place>>> places;
  /** The gazetteer's look-up, asked of {@link #places} on the first page. */
  private volatile Function<String, Optional<Place>> gazetteer;

  ClusterEntityPages(OpenSearchClient client, ClusterSearcher searcher,
                     Supplier<Function<String, Optional<Place>>> gazetteer) {
    this.client = client;
    this.searcher = searcher;
    this.places = gazetteer;
  }

  Optional<EntityPage> page(SearchRequest scope, String dim, String value) throws IOException {
    SearchRequest s = EntityScope.of(scope, dim, value);
    Query query = searcher.parse(s.query()); // a bad query is a 400 either way
    String key = FacetKeys.key(value);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    ArchiveSpellings spellings = searcher.spellings();
    ArchiveSpellings.Name own = spellings.names(dim).get(key);
    if (own == null) {
      return Optional.empty(); // no article in the archive names it
    }
    String label = own.spelling();
    Query ranking = EntityScope.ranking(s, query, label, text -> {
      try {
        return searcher.parse(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Map<String, ObjectNode> filters = SearchBody.filters(s);

    ObjectNode mine = client.json().createObjectNode();
    ObjectNode bool = mine.putObject("bool");
    bool.putArray("must").add(SearchBody.query(s, ranking));
    ArrayNode filter = bool.putArray("filter");
    filter.add(SearchBody.allBut(filters, null));
    filter.addObject().putObject("term").put(Fields.facetKey(dim), key);
    ObjectNode body = client.json().createObjectNode();
    body.set("query", mine);
    body.put("size", EntityScope.ARTICLES).put("track_total_hits", true);
    body.set("sort", searcher.sort(SearchRequest.Sort.RELEVANCE));
    ObjectNode aggs = body.putObject("aggs");
    for (String d : Fields.NAMED_DIMS) {
      aggs.putObject(TOGETHER + d).putObject("terms").put("field", Fields.facetKey(d)).put("size", KEY_BUCKETS);
    }
    aggs.putObject(DAYS).putObject("date_histogram").put("field", Fields.PUBLISHED)
        .put("calendar_interval", "day").put("format", "yyyy-MM-dd").put("min_doc_count", 1);
    ClusterSearcher.highlight(body);
    JsonNode found = searcher.send(body);
    long count = found.path("hits").path("total").path("value").asLong();
    List<SearchResult.Hit> articles = new ArrayList<>();
    for (JsonNode h : found.path("hits").path("hits")) {
      articles.add(searcher.hit(h));
    }
    Map<String, Map<String, Long>> together = new LinkedHashMap<>();
    for (String d : Fields.NAMED_DIMS) {
      together.put(d, FacetAnswers.buckets(found.path("aggregations").path(TOGETHER + d)));
    }
    SearchResult.Histogram timeline = Timeline.of(ClusterSearcher.dayCounts(found.path("aggregations").path(DAYS)),
        PublishedPath.split(s.published()));

    Background background = background(s, query, filters, together);
    Map<String, List<EntityPage.Related>> related = new LinkedHashMap<>();
    for (String d : Fields.NAMED_DIMS) {
      Map<String, ArchiveSpellings.Name> labels = spellings.names(d);
      related.put(d, RelatedEntities.rank(values(together.get(d), labels), values(background.counts().get(d), labels),
          FacetKeys::key, count, background.total(), d.equals(dim) ? key : null));
    }
    return Optional.of(EntityPage.of(dim, label, count, aliases(mine, dim, key), timeline, related, articles,
        gazetteer()));
  }

  private Function<String, Optional<Place>> gazetteer() {
    Function<String, Optional<Place>> g = gazetteer;
    if (g == null) {
      synchronized (this) {
        if (gazetteer == null) {
          gazetteer = places.get();
        }
        g = gazetteer;
      }
    }
    return g;
  }

  /** The scope's articles, and per dimension how many of them have each of the keys found beside the entity. */
  private record Background(long total, Map<String, Map<String, Long>> counts) {
  }

  private Background background(SearchRequest s, Query query, Map<String, ObjectNode> filters,
                                Map<String, Map<String, Long>> together) throws IOException {
    ObjectNode body = client.json().createObjectNode();
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(SearchBody.query(s, query));
    bool.putArray("filter").add(SearchBody.allBut(filters, null));
    body.put("size", 0).put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    together.forEach((d, counts) -> {
      if (!counts.isEmpty()) {
        ObjectNode terms = aggs.putObject(d).putObject("terms").put("field", Fields.facetKey(d))
            .put("size", counts.size());
        ArrayNode include = terms.putArray("include");
        counts.keySet().forEach(include::add);
      }
    });
    JsonNode answer = searcher.send(body);
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String d : Fields.NAMED_DIMS) {
      counts.put(d, FacetAnswers.buckets(answer.path("aggregations").path(d)));
    }
    return new Background(answer.path("hits").path("total").path("value").asLong(), counts);
  }

  /** Key → count as values labelled in the archive's spelling. */
  private static List<LabelAndValue> values(Map<String, Long> byKey, Map<String, ArchiveSpellings.Name> labels) {
    List<LabelAndValue> out = new ArrayList<>();
    byKey.forEach((key, n) -> {
      ArchiveSpellings.Name name = labels.get(key);
      out.add(new LabelAndValue(name == null ? key : name.spelling(), n));
    });
    return out;
  }

  /** The spellings in the stored mentions of up to {@link EntityAliases#SAMPLE} of the entity's articles, in index order. */
  private EntityAliases aliases(ObjectNode query, String dim, String key) throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.set("query", query);
    body.put("size", EntityAliases.SAMPLE).put("track_total_hits", false);
    body.putArray("_source").add(Fields.MENTIONS);
    body.putArray("sort").add("_doc");
    EntityAliases seen = new EntityAliases(dim, key);
    for (JsonNode h : searcher.send(body).path("hits").path("hits")) {
      seen.add(h.path("_source").path(Fields.MENTIONS).asText(null));
    }
    return seen;
  }
}
