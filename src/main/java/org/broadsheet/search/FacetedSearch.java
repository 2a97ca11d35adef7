package org.broadsheet.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.broadsheet.index.Fields;

/**
 * Runs a drill-down query once for the top hits, the match count and the facet counts. With
 * drill sideways each selected dimension is counted as if it were not selected, so a reader
 * sees the alternatives to what they picked.
 *
 * @param top    the best {@code page × size} hits in the request's order
 * @param total  how many articles match
 * @param facets the counts, or null when no article has a facet value
 * @param matches the matching articles themselves (drill down, not sideways), or null without facets
 */
record FacetedSearch(TopDocs top, long total, Facets facets, FacetsCollector matches) {

  static FacetedSearch run(IndexSearcher searcher, FacetsConfig config, ReaderState rs, DrillDownQuery ddq,
                           SearchRequest r) throws IOException {
    int topN = r.page() * r.size();
    Sort sort = sortOf(r.sort());
    if (rs.state() != null) {
      DrillSideways ds = new DrillSideways(searcher, config, rs.state());
      DrillSideways.DrillSidewaysResult res = sort == null
          ? ds.search(ddq, topN)
          : ds.search(ddq, null, null, topN, sort, true);
      return new FacetedSearch(res.hits, countMatches(res.drillDownFacetsCollector, res.hits), res.facets,
          res.drillDownFacetsCollector);
    }
    FacetsCollectorManager.FacetsResult res = sort == null
        ? FacetsCollectorManager.search(searcher, ddq, topN, new FacetsCollectorManager())
        : FacetsCollectorManager.search(searcher, ddq, topN, sort, true, new FacetsCollectorManager());
    return new FacetedSearch(res.topDocs(), countMatches(res.facetsCollector(), res.topDocs()), null, null);
  }

  /** The hits of the request's page: empty beyond the last. */
  ScoreDoc[] page(SearchRequest r) {
    ScoreDoc[] all = top.scoreDocs;
    int from = Math.min(all.length, (r.page() - 1) * r.size());
    return Arrays.copyOfRange(all, from, Math.min(all.length, from + r.size()));
  }

  private static Sort sortOf(SearchRequest.Sort sort) {
    if (sort == SearchRequest.Sort.RELEVANCE) {
      return null;
    }
    boolean newest = sort == SearchRequest.Sort.NEWEST;
    SortField byDate = new SortField(Fields.PUBLISHED, SortField.Type.LONG, newest);
    byDate.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE); // undated articles last either way
    return new Sort(byDate, SortField.FIELD_SCORE);
  }

  private static long countMatches(FacetsCollector matches, TopDocs top) {
    if (matches == null) {
      return top.totalHits.value();
    }
    long n = 0;
    for (FacetsCollector.MatchingDocs m : matches.getMatchingDocs()) {
      n += m.totalHits();
    }
    return n;
  }
}
