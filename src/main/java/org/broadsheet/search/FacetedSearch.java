package org.broadsheet.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;

/**
 * Runs a drill-down query once for the hits, the match counts and the facet counts. With drill
 * sideways each selected dimension is counted as if it were not selected, so a reader sees the
 * alternatives to what they picked. The hits and the groups of copies come from one
 * {@link GroupedHits} pass over the matches.
 *
 * @param hits    the request's page of hits
 * @param total   how many articles match
 * @param groups  how many groups of copies they form
 * @param facets  the counts (of articles), or null when no article has a facet value
 * @param matches the matching articles themselves (drill down, not sideways), or null without facets
 */
record FacetedSearch(List<GroupedHits.Hit> hits, long total, long groups, Facets facets, FacetsCollector matches) {

  static FacetedSearch run(IndexSearcher searcher, FacetsConfig config, ReaderState rs, DrillDownQuery ddq,
                           SearchRequest r) throws IOException {
    GroupedHits grouped = new GroupedHits(r, rs.groups());
    if (rs.state() != null) {
      DrillSideways ds = new DrillSideways(searcher, config, rs.state());
      DrillSideways.ConcurrentDrillSidewaysResult<GroupedHits.Result> res = ds.search(ddq, grouped);
      GroupedHits.Result g = res.collectorResult;
      return new FacetedSearch(GroupedHits.page(g, r), g.total(), g.groups(), res.facets, res.drillDownFacetsCollector);
    }
    GroupedHits.Result g = searcher.search(ddq, grouped);
    return new FacetedSearch(GroupedHits.page(g, r), g.total(), g.groups(), null, null);
  }
}
