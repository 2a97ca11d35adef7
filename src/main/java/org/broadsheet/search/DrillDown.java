package org.broadsheet.search;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * A request's filters applied to its parsed query: the published range and path as filter clauses,
 * then one drill-down per selected dimension (AND across dimensions, OR within one), so drill
 * sideways can count each dimension as if it were not selected.
 *
 * <p>The published path is a plain filter, not a drill-down: under it only the counts below the
 * path are shown ({@link FacetLists}, {@link Timeline}), where drill sideways would give the same
 * numbers, and as a sideways dimension it made drill sideways score every match of the query in
 * every other period. It filters by the published time's points rather than the path's term: the
 * same articles, but a period that holds a whole segment is not checked article by article.
 */
final class DrillDown {
  private DrillDown() {
  }

  static DrillDownQuery of(SearchRequest r, Query query, FacetsConfig config) {
    Query base = withExclusions(r, withDateRange(r, query), config);
    if (r.published() != null) {
      // The path's period as a range of published times: the same articles, and a range the whole
      // segment falls in costs nothing.
      base = new BooleanQuery.Builder()
          .add(base, BooleanClause.Occur.MUST)
          .add(LongPoint.newRangeQuery(Fields.PUBLISHED, PublishedPath.start(r.published()),
              PublishedPath.end(r.published())), BooleanClause.Occur.FILTER)
          .build();
    }
    DrillDownQuery ddq = new DrillDownQuery(config, base);
    for (Map.Entry<String, List<String>> f : r.filters().entrySet()) {
      addFilter(ddq, f.getKey(), f.getValue());
    }
    return ddq;
  }

  /** The published-date path a request drills into ("2019/07" → [2019, 07]), empty when none. */
  static String[] publishedPath(SearchRequest r) {
    return PublishedPath.split(r.published());
  }

  /**
   * The query without the excluded values ({@code not_people=...}: none of them, whatever the other
   * filters) and, for {@code group=}, within one group of copies. Plain clauses, not drill-downs:
   * an excluded value is not a selection, so its dimension is still counted as filtered.
   */
  private static Query withExclusions(SearchRequest r, Query query, FacetsConfig config) {
    if (r.exclude().isEmpty() && r.group() == null) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    if (r.group() != null) {
      b.add(new TermQuery(new Term(Fields.GROUP, r.group())), BooleanClause.Occur.FILTER);
    }
    for (Map.Entry<String, List<String>> e : r.exclude().entrySet()) {
      String dim = e.getKey();
      for (String v : e.getValue()) {
        Term t = Fields.ENTITY_FACETS.contains(dim)
            ? new Term(Fields.facetKey(dim), FacetKeys.key(v))
            : DrillDownQuery.term(config.getDimConfig(dim).indexFieldName, dim, v);
        b.add(new TermQuery(t), BooleanClause.Occur.MUST_NOT);
      }
    }
    return b.build();
  }

  private static Query withDateRange(SearchRequest r, Query query) {
    if (r.from() == null && r.to() == null) {
      return query;
    }
    // Checked by the request: both are dates, and from is not after to.
    long from = r.from() == null ? Long.MIN_VALUE : DateRange.start(r.from(), "from");
    long to = r.to() == null ? Long.MAX_VALUE : DateRange.end(r.to(), "to");
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  /** One dimension's values, already checked by the request (a known dimension, none empty). */
  private static void addFilter(DrillDownQuery ddq, String dim, List<String> values) {
    if (Fields.ENTITY_FACETS.contains(dim)) {
      // By folded key, so "Erdoğan" also selects the articles that spell it "Erdogan".
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      values.stream().map(FacetKeys::key).distinct()
          .forEach(k -> anyOf.add(new TermQuery(new Term(Fields.facetKey(dim), k)), BooleanClause.Occur.SHOULD));
      ddq.add(dim, anyOf.build());
    } else {
      values.forEach(v -> ddq.add(dim, v));
    }
  }
}
