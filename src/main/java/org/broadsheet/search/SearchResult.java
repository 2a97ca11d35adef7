package org.broadsheet.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a search returns; serialised as-is for {@code search --json} and {@code /api/search}.
*
 * {@code total} counts matching articles, {@code groups} the groups of copies they form (with
 * {@code collapse} one hit per group); {@code next} is the cursor for the page after this one, null
 * on the last page. {@code map} is the places of the matching articles that have coordinates, most
 * mentioned first.
 *
 * @param estimated  true when {@code total}, {@code groups}, the facet counts, the histogram and the map's
 *                   counts are estimates from a sample (a search matching more articles than the server
 *                   counts exactly; ask with {@code exact} for exact counts); the hits are exact either way
 * @param sort       the order the hits are in ("relevance", "newest" or "oldest"): the one asked for, or
 *                   the default (newest for browsing without a query, relevance for a query)
 * @param suggestion a respelt query that finds more, when this one found few ({@link Suggestion}); null
 *                   (absent from the JSON) when there is none
 */
public record SearchResult(String query, long total, long groups, boolean estimated, int page, int size, String sort, long tookMs,
                           List<Hit> hits, Map<String, List<FacetValue>> facets, Histogram histogram, List<MapPlace> map,
                           String next,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Suggestion suggestion) {

  /** A result that knows nothing of groups or cursors (every article its own group). */
  public SearchResult(String query, long total, int page, int size, String sort, long tookMs, List<Hit> hits,
                      Map<String, List<FacetValue>> facets, Histogram histogram) {
    this(query, total, total, false, page, size, sort, tookMs, hits, facets, histogram, List.of(), null, null);
  }

  /** The same result, timed anew: a result answered from the cache took only the lookup. */
  public SearchResult withTookMs(long ms) {
    return new SearchResult(query, total, groups, estimated, page, size, sort, ms, hits, facets, histogram, map, next, suggestion);
  }

  /**
   * "Did you mean": the query respelt with words of the index, never run in place of the query.
   *
   * @param query the respelt query, its syntax (operators, fields, quotes) as typed
   * @param total how many articles it finds, with the same filters
   */
  public record Suggestion(String query, long total) {
  }

  /**
   * One matching article. {@code snippet} is HTML: article text escaped, matches in {@code <mark>}.
   * {@code publishedFrom} says where {@code published} came from: "metadata", "dateline" or "filename".
   * {@code countries} are ISO codes; {@code collection} is the folder it was indexed from;
   * {@code group} its group of copies and {@code copies} how many other articles of that group
   * match the search.
   */
  public record Hit(String id, String path, String title, String published, String publishedFrom,
                    String byline, String source,
                    float score, String snippet, List<String> people, List<String> places,
                    List<String> organizations, List<String> countries, List<String> dates, String collection,
                    String group, long copies) {

    /** The same hit with these entity spellings. */
    Hit withEntities(List<String> people, List<String> places, List<String> organizations) {
      return new Hit(id, path, title, published, publishedFrom, byline, source, score, snippet, people, places,
          organizations, countries, dates, collection, group, copies);
    }
  }

  /** A facet value with its count; {@code label} is a display name where the value is a code (countries). */
  public record FacetValue(String value, String label, long count) {
  }

  /** Hits per year, month or day, chosen by the span of the result set. */
  public record Histogram(String interval, List<Bucket> buckets) {
  }

  public record Bucket(String key, long count) {
  }

  /**
   * A place on the map: its facet value and label, the country (ISO code) and coordinates the
   * gazetteer gives it, and how many matching articles mention it.
   */
  public record MapPlace(String value, String label, String country, double latitude, double longitude, long count) {
  }
}
