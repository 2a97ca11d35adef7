package org.broadsheet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.search.SearchResult;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.ArchiveQueryParser;

/**
 * What a user would write with Lucene alone to answer the bench's queries: the same query (parsed
 * by {@link ArchiveQueryParser} against the same reader, so the same Lucene query), the facet
 * filters as plain filter clauses on the values' terms and a published path as a date range, the
 * top 10 and the counts of every facet dimension the index has ({@link FacetsCollectorManager} +
 * {@link SortedSetDocValuesFacetCounts}), and the ids of the top 10. No drill sideways, no
 * highlighting, no histogram, no groups of copies, no map.
 *
 * <p>{@link #compare} runs it and {@link Broadsheet#search} query by query, alternating which goes
 * first, a warm-up round then a timed round, and reports the p99 ratio.
 */
final class LuceneFacetsBaseline implements AutoCloseable {
  private final FSDirectory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState state;
  private final List<String> dims = new ArrayList<>();
  private final FacetsConfig config = Fields.facetsConfig();
  private final ArchiveQueryParser parser = new ArchiveQueryParser(ArchiveAnalyzer.forQueries());

  LuceneFacetsBaseline(Path luceneDir) throws IOException {
    this.dir = FSDirectory.open(luceneDir);
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
    this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
    state.getDims().forEach(dims::add);
  }

  /** Runs one query of the mix; returns its number of matches. */
  long run(QueryMix.Query q) throws IOException {
    Query query = filtered(q);
    var res = FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
    var counts = new SortedSetDocValuesFacetCounts(state, res.facetsCollector());
    for (String dim : dims) {
      counts.getTopChildren(10, dim);
    }
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : res.topDocs().scoreDocs) {
      stored.document(sd.doc, java.util.Set.of(Fields.ID)).get(Fields.ID);
    }
    return res.topDocs().totalHits.value();
  }

  private Query filtered(QueryMix.Query q) {
    Query query = parser.parse(q.q(), reader);
    if (q.filters().isEmpty() && q.published() == null) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    q.filters().forEach((dim, values) -> {
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      for (String v : values) {
        Term t = Fields.ENTITY_FACETS.contains(dim)
            ? new Term(Fields.facetKey(dim), FacetKeys.key(v))
            : org.apache.lucene.facet.DrillDownQuery.term(config.getDimConfig(dim).indexFieldName, dim, v);
        anyOf.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
      }
      b.add(anyOf.build(), BooleanClause.Occur.FILTER);
    });
    if (q.published() != null) {
      String[] p = q.published().split("/");
      LocalDate start = LocalDate.of(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 1,
          p.length > 2 ? Integer.parseInt(p[2]) : 1);
      LocalDate end = p.length == 1 ? start.plusYears(1) : p.length == 2 ? start.plusMonths(1) : start.plusDays(1);
      b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, millis(start), millis(end) - 1), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static long millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Broadsheet's {@link Broadsheet#search} (open it with the cache off, {@link QueryBench#open})
   * against this baseline on {@code luceneDir}, query by query on one thread, which goes first
   * alternating; every query once untimed, then every query timed.
   */
  static Map<String, Object> compare(Broadsheet archive, Path luceneDir, QueryMix mix) throws IOException {
    List<QueryMix.Query> qs = mix.queries();
    Latencies bs = new Latencies();
    Latencies lucene = new Latencies();
    Map<String, Latencies[]> byKind = new LinkedHashMap<>();
    qs.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new Latencies[] {new Latencies(), new Latencies()}));
    long mismatched = 0;
    List<Double> estimateErrors = new java.util.ArrayList<>();
    try (LuceneFacetsBaseline base = new LuceneFacetsBaseline(luceneDir)) {
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < qs.size(); i++) {
          QueryMix.Query q = qs.get(i);
          long bsNs;
          long luceneNs;
          SearchResult bsResult;
          long luceneTotal;
          if (i % 2 == 0) {
            long t0 = System.nanoTime();
            bsResult = archive.search(q.request());
            long t1 = System.nanoTime();
            luceneTotal = base.run(q);
            long t2 = System.nanoTime();
            bsNs = t1 - t0;
            luceneNs = t2 - t1;
          } else {
            long t0 = System.nanoTime();
            luceneTotal = base.run(q);
            long t1 = System.nanoTime();
            bsResult = archive.search(q.request());
            long t2 = System.nanoTime();
            luceneNs = t1 - t0;
            bsNs = t2 - t1;
          }
          if (round == 1) {
            bs.add(bsNs);
            lucene.add(luceneNs);
            byKind.get(q.kind())[0].add(bsNs);
            byKind.get(q.kind())[1].add(luceneNs);
            if (bsResult.estimated()) {
              estimateErrors.add(Math.abs(bsResult.total() - luceneTotal) / (double) Math.max(1, luceneTotal));
            } else if (bsResult.total() != luceneTotal) {
              mismatched++;
            }
          }
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("broadsheet", bs.summary());
    m.put("lucene_facets", lucene.summary());
    Map<String, Object> kinds = new LinkedHashMap<>();
    byKind.forEach((k, l) -> {
      Map<String, Object> kind = new LinkedHashMap<>();
      kind.put("broadsheet", l[0].summary());
      kind.put("lucene_facets", l[1].summary());
      kind.put("p99_ratio", ratio(l[0].summary(), l[1].summary(), "p99_ms"));
      kinds.put(k, kind);
    });
    m.put("by_kind", kinds);
    // Totals differ only where Broadsheet's request differs by design (none in this mix): a check that
    // both answered the same query. A broad search's total is an estimate (SearchSettings.exactCountsUpTo):
    // how far it was from Lucene's exact count.
    m.put("totals_differing", mismatched);
    m.put("estimated_results", estimateErrors.size());
    if (!estimateErrors.isEmpty()) {
      estimateErrors.sort(null);
      m.put("estimated_total_error_p50", Benchmark.round(estimateErrors.get(estimateErrors.size() / 2)));
      m.put("estimated_total_error_max", Benchmark.round(estimateErrors.get(estimateErrors.size() - 1)));
    }
    m.put("p50_ratio", ratio(bs.summary(), lucene.summary(), "p50_ms"));
    m.put("p99_ratio", ratio(bs.summary(), lucene.summary(), "p99_ms"));
    m.put("goal_p99_ratio", 1.5);
    m.put("met", (double) m.get("p99_ratio") <= 1.5);
    return m;
  }

  private static double ratio(Map<String, Object> a, Map<String, Object> b, String key) {
    return Benchmark.round((double) a.get(key) / Math.max(1e-9, (double) b.get(key)));
  }

  @Override
  public void close() throws IOException {
    try (dir) {
      reader.close();
    }
  }
}
