package org.broadsheet.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TotalHitCountCollectorManager;

/**
 * Runs a drill-down query once for the hits, the match counts and the facet counts. With drill
 * sideways each selected dimension is counted as if it were not selected, so a reader sees the
 * alternatives to what they picked. The hits and the groups of copies come from one
 * {@link GroupedHits} pass over the matches. A search matching more articles than the settings
 * count exactly is counted on a sample of one match in {@code oneIn}, and its page found apart
 * ({@link BroadSearch}).
 *
 * @param hits    the request's page of hits
 * @param total   how many articles match (an estimate when {@code oneIn} is over 1)
 * @param groups  how many groups of copies they form (likewise)
 * @param facets  the counts (of articles), or null when no article has a facet value
 * @param matches the matching articles themselves (drill down, not sideways), or null without facets;
 *                the sample of them when {@code oneIn} is over 1
 * @param oneIn   1 when every match was counted; else the counts are a sample's times this
 */
record FacetedSearch(List<GroupedHits.Hit> hits, long total, long groups, Facets facets, FacetsCollector matches,
                     int oneIn) {

  /** True when the total and the counts are estimates from a sample. */
  boolean estimated() {
    return oneIn > 1;
  }

  static FacetedSearch run(IndexSearcher searcher, FacetsConfig config, ReaderState rs, Query query,
                           SearchRequest r, long exactCountsUpTo) throws IOException {
    DrillDownQuery ddq = DrillDown.of(r, query, config);
    int oneIn = BroadSearch.sampleRate(searcher, ddq.getBaseQuery(), r, rs.groups(), exactCountsUpTo);
    if (oneIn > 1) {
      GroupedHits.Result page = BroadSearch.exactPage(searcher, ddq, r, rs.groups());
      if (page != null) {
        Sample sample = sample(searcher, config, rs, DrillDown.of(r, SampledDocs.of(query, oneIn), config));
        // To three significant figures, as precise as a sample of 25,000 is, and never more than the archive.
        int articles = searcher.getIndexReader().numDocs();
        long total = Math.min(articles, roughly((long) sample.matches() * oneIn));
        // Two copies of a story are seldom both in a sample: its groups are estimated from the
        // archive's share of groups to articles instead, which a broad search's matches resemble.
        long groups = Math.min(total, Math.round(total * (double) rs.groups().count() / Math.max(1, articles)));
        return new FacetedSearch(GroupedHits.page(page, r), total, groups, ScaledFacets.of(sample.facets(), oneIn),
            sample.drillDown(), oneIn);
      }
    }
    return counted(searcher, config, rs, ddq, r);
  }

  /** {@code n} rounded to three significant figures: 1,010,304 is about 1,010,000. */
  static long roughly(long n) {
    long scale = 1;
    while (n / scale >= 1_000) {
      scale *= 10;
    }
    return Math.round(n / (double) scale) * scale;
  }

  /** A sample's matches, counted, with their facet counts (null without facets): its page is not needed. */
  private record Sample(int matches, Facets facets, FacetsCollector drillDown) {
  }

  private static Sample sample(IndexSearcher searcher, FacetsConfig config, ReaderState rs, DrillDownQuery ddq)
      throws IOException {
    if (rs.state() == null) {
      return new Sample(searcher.count(ddq), null, null);
    }
    DrillSideways.ConcurrentDrillSidewaysResult<Integer> res = new DrillSideways(searcher, config, rs.state())
        .search(ddq, new TotalHitCountCollectorManager(searcher.getSlices()));
    return new Sample(res.collectorResult, res.facets, res.drillDownFacetsCollector);
  }

  /** Every match of {@code ddq} counted, and the page among them. */
  private static FacetedSearch counted(IndexSearcher searcher, FacetsConfig config, ReaderState rs,
                                       DrillDownQuery ddq, SearchRequest r) throws IOException {
    GroupedHits grouped = new GroupedHits(r, rs.groups());
    if (rs.state() != null) {
      DrillSideways ds = new DrillSideways(searcher, config, rs.state());
      DrillSideways.ConcurrentDrillSidewaysResult<GroupedHits.Result> res = ds.search(ddq, grouped);
      GroupedHits.Result g = res.collectorResult;
      return new FacetedSearch(GroupedHits.page(g, r), g.total(), g.groups(), res.facets,
          res.drillDownFacetsCollector, 1);
    }
    GroupedHits.Result g = searcher.search(ddq, grouped);
    return new FacetedSearch(GroupedHits.page(g, r), g.total(), g.groups(), null, null, 1);
  }
}
