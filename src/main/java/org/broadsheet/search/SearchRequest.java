package org.broadsheet.search;

import java.util.List;
import java.util.Map;

/**
 * One search: a query in Broadsheet's query language plus filters, sort and page. A request checks
 * itself when made, so the command line, the API and the library refuse the same things with the
 * same message ({@link BadQueryException}), and keeps its values in the index's form, so two ways
 * of asking the same thing are one cache key: {@code published=2024/5} is {@code 2024/05},
 * {@code countries=Japan} is {@code JP}. A page beyond the last hit is not an error (it is empty);
 * a page beyond {@link #MAX_DEPTH} hits is.
 *
 * @param query     the query text; blank means every article
 * @param filters   facet dimension ({@code Fields.FILTER_DIMS}) → selected values (AND across dimensions,
 *                  OR within one)
 * @param published a published-date drill-down path such as {@code 2024} or {@code 2024/05}, or null
 * @param from      earliest published date, {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param to        latest published date in the same forms (inclusive), or null
 * @param sort      relevance, newest or oldest; null for the default: newest when browsing (a blank
 *                  query, where every article scores alike), relevance for a query
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

  /** @throws BadQueryException for a bad filter, date or page */
  public SearchRequest {
    query = query == null ? "" : query;
    filters = filters == null ? Map.of() : FilterValues.normalize(filters);
    published = PublishedPath.normalize(published);
    from = from == null || from.isBlank() ? null : from.strip();
    to = to == null || to.isBlank() ? null : to.strip();
    long start = from == null ? Long.MIN_VALUE : DateRange.start(from, "from");
    long end = to == null ? Long.MAX_VALUE : DateRange.end(to, "to");
    if (start > end) {
      throw new BadQueryException("'from' is after 'to'");
    }
    sort = sort != null ? sort : query.isBlank() ? Sort.NEWEST : Sort.RELEVANCE;
    checkPaging(page, size);
  }

  private static void checkPaging(int page, int size) {
    if (page < 1) {
      throw new BadQueryException("'page' must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadQueryException("'size' must be from 1 to " + MAX_SIZE);
    }
    if ((long) page * size > MAX_DEPTH) {
      throw new BadQueryException("results beyond the first " + MAX_DEPTH
          + " cannot be paged to; narrow the query or filter by date");
    }
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), null, null, null, null, 1, 10);
  }

  public SearchRequest withSize(int n) {
    return new SearchRequest(query, filters, published, from, to, sort, page, n);
  }

  public SearchRequest withFilters(Map<String, List<String>> f) {
    return new SearchRequest(query, f, published, from, to, sort, page, size);
  }
}
