package org.broadsheet.search;

import java.util.List;
import java.util.Map;

/**
 * What a search returns; serialised as-is for {@code search --json} and {@code /api/search}.
 * {@code map} is the places of the matching articles that have coordinates, most mentioned first.
 */
public record SearchResult(String query, long total, int page, int size, long tookMs, List<Hit> hits,
                           Map<String, List<FacetValue>> facets, Histogram histogram, List<MapPlace> map) {

  /** The same result, timed anew: a result answered from the cache took only the lookup. */
  public SearchResult withTookMs(long ms) {
    return new SearchResult(query, total, page, size, ms, hits, facets, histogram, map);
  }

  /**
   * One matching article. {@code snippet} is HTML: article text escaped, matches in {@code <mark>}.
   * {@code publishedFrom} says where {@code published} came from: "metadata", "dateline" or "filename".
   */
  public record Hit(String id, String path, String title, String published, String publishedFrom,
                    String byline, String source,
                    float score, String snippet, List<String> people, List<String> places,
                    List<String> organizations, List<String> dates) {
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
