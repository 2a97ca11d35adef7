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
 * @param exclude   facet dimension → values no hit may have ({@code not_people=...}), checked like {@code filters}
 * @param group     only the articles of this group of copies, or null
 * @param collapse  one hit per group of copies (its earliest-published copy) instead of every article
 * @param after     a cursor ({@link Cursor}) from a previous answer's {@code next}: the hits after it, with
 *                  no depth limit; null for paging by {@code page}
 * @param exact     the total and facet counts exact however many articles match; otherwise a search
 *                  matching more than {@link SearchSettings#exactCountsUpTo()} gives estimates
 */
public record SearchRequest(String query, Map<String, List<String>> filters, String published, String from, String to,
                            Sort sort, int page, int size, Map<String, List<String>> exclude, String group,
                            boolean collapse, String after, boolean exact) {
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
    filters = filters == null ? Map.of() : FilterValues.normalize(filters, "");
    published = PublishedPath.normalize(published);
    from = from == null || from.isBlank() ? null : from.strip();
    to = to == null || to.isBlank() ? null : to.strip();
    long start = from == null ? Long.MIN_VALUE : DateRange.start(from, "from");
    long end = to == null ? Long.MAX_VALUE : DateRange.end(to, "to");
    if (start > end) {
      throw new BadQueryException("'from' is after 'to'");
    }
    sort = sort != null ? sort : query.isBlank() ? Sort.NEWEST : Sort.RELEVANCE;
    exclude = exclude == null ? Map.of() : FilterValues.normalize(exclude, "not_");
    group = group == null || group.isBlank() ? null : group.strip();
    if (group != null && group.length() > MAX_GROUP_LENGTH) {
      throw new BadQueryException("'group' is not a group id");
    }
    after = after == null || after.isBlank() ? null : after.strip();
    if (after != null) {
      Cursor.decode(after, sort); // refuses a malformed cursor, or one of another sort, now
      if (page != 1) {
        throw new BadQueryException("'after' and 'page' cannot be combined: the cursor says where the page starts");
      }
      if (size < 1 || size > MAX_SIZE) {
        throw new BadQueryException("'size' must be from 1 to " + MAX_SIZE);
      }
    } else {
      checkPaging(page, size);
    }
  }

  /** The request with counts estimated on a broad search ({@code exact} false). */
  public SearchRequest(String query, Map<String, List<String>> filters, String published, String from, String to,
                       Sort sort, int page, int size, Map<String, List<String>> exclude, String group,
                       boolean collapse, String after) {
    this(query, filters, published, from, to, sort, page, size, exclude, group, collapse, after, false);
  }

  /** Longest group id accepted; ids are 16 hex digits. */
  private static final int MAX_GROUP_LENGTH = 64;

  /** The request as older callers make it: nothing excluded, any group, copies collapsed, paged by number. */
  public SearchRequest(String query, Map<String, List<String>> filters, String published, String from, String to,
                       Sort sort, int page, int size) {
    this(query, filters, published, from, to, sort, page, size, Map.of(), null, true, null, false);
  }

  /** The cursor, decoded; null when paging by number. */
  Cursor cursor() {
    return after == null ? null : Cursor.decode(after, sort);
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
    return new SearchRequest(query, filters, published, from, to, sort, page, n, exclude, group, collapse, after, exact);
  }

  public SearchRequest withFilters(Map<String, List<String>> f) {
    return new SearchRequest(query, f, published, from, to, sort, page, size, exclude, group, collapse, after, exact);
  }

  public SearchRequest withExclusions(Map<String, List<String>> e) {
    return new SearchRequest(query, filters, published, from, to, sort, page, size, e, group, collapse, after, exact);
  }

  public SearchRequest withGroup(String g) {
    return new SearchRequest(query, filters, published, from, to, sort, page, size, exclude, g, collapse, after, exact);
  }

  public SearchRequest withCollapse(boolean c) {
    return new SearchRequest(query, filters, published, from, to, sort, page, size, exclude, group, c, after, exact);
  }

  public SearchRequest withExact(boolean e) {
    return new SearchRequest(query, filters, published, from, to, sort, page, size, exclude, group, collapse, after, e);
  }

  public SearchRequest withSort(Sort s) {
    return new SearchRequest(query, filters, published, from, to, s, page, size, exclude, group, collapse, after, exact);
  }
}
