package org.broadsheet.search;

import java.util.List;
import java.util.Map;

/**
 * One search: a query in Broadsheet's query language plus filters, sort and page.
 *
 * @param query     the query text; blank means every article
 * @param filters   facet dimension → selected values (AND across dimensions, OR within one)
 * @param published a published-date drill-down path such as {@code 2024} or {@code 2024/05}, or null
 * @param from      earliest published date, {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param to        latest published date in the same forms (inclusive), or null
 * @param sort      relevance, newest or oldest
 * @param page      1-based page number
 * @param size      hits per page
 */
public record SearchRequest(String query, Map<String, List<String>> filters, String published, String from, String to,
                            Sort sort, int page, int size) {
  public enum Sort { RELEVANCE, NEWEST, OLDEST }

  /** Hits per page at most: a page of 100 is plenty to read, and bounds the work one request asks for. */
  public static final int MAX_SIZE = 100;
  /** How deep paging may go: beyond 10,000 hits a reader should narrow the query instead. */
  public static final int MAX_DEPTH = 10_000;
  /** Longest query accepted, in characters: far beyond any typed query, and a bound on parsing cost. */
  public static final int MAX_QUERY_LENGTH = 2_000;

  public SearchRequest {
    query = query == null ? "" : query;
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    sort = sort == null ? Sort.RELEVANCE : sort;
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), null, null, null, Sort.RELEVANCE, 1, 10);
  }

  public SearchRequest withSize(int n) {
    return new SearchRequest(query, filters, published, from, to, sort, page, n);
  }

  public SearchRequest withFilters(Map<String, List<String>> f) {
    return new SearchRequest(query, f, published, from, to, sort, page, size);
  }
}
