package org.broadsheet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.opensearch.OpenSearchTarget;
import org.broadsheet.search.SearchSettings;

/**
 * The same archive on both engines, side by side in one run: the corpus ingested into an
 * OpenSearch cluster (issue 16) without extraction, timed against the embedded index's ingest of
 * the same files in this run; then the same query mix on one thread, alternating engine query by
 * query, two rounds, the second timed. The embedded side's result cache is off, as in
 * {@link QueryBench#open}; OpenSearch's request cache is its own.
 */
final class OpenSearchBench {
  private OpenSearchBench() {
  }

  static Map<String, Object> run(OpenSearchTarget cluster, Path corpus, Path embedded, double embeddedIngestS,
                                 int embeddedArticles, Path work, int threads, long seed, int queries, int warmup,
                                 PrintStream log) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    IndexSettings settings = IndexSettings.defaults().withThreads(threads).withExtract(false);
    SearchSettings noCache = SearchSettings.defaults().withCacheMegabytes(0);
    log.printf("opensearch: ingest of the same corpus into %s...%n", cluster);
    IndexReport report;
    try (Broadsheet os = Broadsheet.open(work.resolve("opensearch-side"), cluster, settings, ParserLimits.DEFAULT,
        noCache)) {
      report = os.index(List.of(corpus), true, IndexListener.NONE);
    }
    double osS = report.elapsed().toNanos() / 1e9;
    m.put("articles", report.indexed());
    m.put("failed", report.failed());
    m.put("opensearch_ingest_s", Benchmark.round(osS));
    m.put("opensearch_articles_per_s", Benchmark.round(report.indexed() / osS));
    m.put("embedded_articles_per_s", Benchmark.round(embeddedArticles / embeddedIngestS));
    m.put("ingest_ratio", Benchmark.round((embeddedArticles / embeddedIngestS) / (report.indexed() / osS)));
    try (Broadsheet lucene = QueryBench.open(embedded);
         Broadsheet os = Broadsheet.open(work.resolve("opensearch-side"), cluster, settings, ParserLimits.DEFAULT,
             noCache)) {
      QueryMix mix = QueryMix.build(lucene, embedded.resolve("lucene"), seed, queries);
      log.printf("opensearch: %,d queries alternating with the embedded index...%n", mix.queries().size());
      Latencies onLucene = new Latencies();
      Latencies onCluster = new Latencies();
      int errors = 0;
      String firstError = null;
      List<QueryMix.Query> qs = mix.queries();
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < qs.size(); i++) {
          boolean timed = round == 1 && i >= Math.min(warmup, qs.size() / 4);
          long t0 = System.nanoTime();
          lucene.search(qs.get(i).request());
          long t1 = System.nanoTime();
          try {
            os.search(qs.get(i).request());
          } catch (IOException | RuntimeException e) {
            errors++;
            firstError = firstError == null ? qs.get(i).q() + ": " + e : firstError;
            continue;
          }
          long t2 = System.nanoTime();
          if (timed) {
            onLucene.add(t1 - t0);
            onCluster.add(t2 - t1);
          }
        }
      }
      Map<String, Object> a = onLucene.summary();
      Map<String, Object> b = onCluster.summary();
      m.put("embedded_query", a);
      m.put("opensearch_query", b);
      m.put("query_errors", errors);
      if (firstError != null) {
        m.put("first_query_error", firstError);
      }
      m.put("query_p99_ratio", Benchmark.round((double) a.get("p99_ms") / Math.max(1e-9, (double) b.get("p99_ms"))));
      m.put("query_p50_ratio", Benchmark.round((double) a.get("p50_ms") / Math.max(1e-9, (double) b.get("p50_ms"))));
    }
    return m;
  }
}
