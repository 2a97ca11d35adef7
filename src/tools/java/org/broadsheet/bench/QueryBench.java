package org.broadsheet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.Broadsheet;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.search.SearchSettings;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.Fields;
import org.broadsheet.search.ArchiveQueryParser;
import org.broadsheet.web.BroadsheetApp;

/** Query latency: in process through {@link Broadsheet#search}, and over HTTP against the real web app. */
final class QueryBench {
  private QueryBench() {
  }

  /**
   * The archive at {@code index} opened for timing queries: with the result cache off, since
   * the mix repeats queries and the figures are of computing results, not looking them up.
   */
  static Broadsheet open(Path index) {
    return open(index, SearchSettings.EXACT_COUNTS_UP_TO);
  }

  /** The same, counting searches on a sample above {@code exactCountsUpTo} matches ({@code bench --exact-counts-up-to}). */
  static Broadsheet open(Path index, long exactCountsUpTo) {
    return Broadsheet.open(index, IndexSettings.defaults(), ParserLimits.DEFAULT,
        SearchSettings.defaults().withCacheMegabytes(0).withExactCountsUpTo(exactCountsUpTo));
  }

  /** Runs the mix on {@code threads} threads (each query once, shared out); the first {@code warmup} are not timed. */
  static Map<String, Object> inProcess(Broadsheet archive, QueryMix mix, int warmup, int threads) throws IOException {
    List<QueryMix.Query> qs = mix.queries();
    for (int i = 0; i < Math.min(warmup, qs.size()); i++) {
      archive.search(qs.get(i).request());
    }
    Latencies all = new Latencies();
    Map<String, Latencies> byKind = new LinkedHashMap<>();
    qs.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new Latencies()));
    AtomicInteger next = new AtomicInteger(warmup);
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < qs.size(); i = next.getAndIncrement()) {
        QueryMix.Query q = qs.get(i);
        long t0 = System.nanoTime();
        try {
          archive.search(q.request());
          long ns = System.nanoTime() - t0;
          all.add(ns);
          byKind.get(q.kind()).add(ns);
        } catch (IOException | RuntimeException e) {
          errors.incrementAndGet();
          firstError.compareAndSet(null, e);
        }
      }
    };
    runOn(threads, worker);
    Map<String, Object> m = all.summary();
    m.put("threads", threads);
    m.put("errors", errors.get());
    if (firstError.get() != null) {
      m.put("first_error", firstError.get().toString());
    }
    Map<String, Object> kinds = new LinkedHashMap<>();
    byKind.forEach((k, l) -> kinds.put(k, l.summary()));
    m.put("by_kind", kinds);
    return m;
  }

  /** The mix over HTTP from {@code clients} concurrent clients against a {@link BroadsheetApp} on 127.0.0.1, port 0. */
  static Map<String, Object> http(Broadsheet archive, QueryMix mix, int warmup, int clients) throws IOException {
    Path web = Files.createTempDirectory("broadsheet-bench-web");
    BroadsheetApp app = new BroadsheetApp(archive, web).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      List<QueryMix.Query> qs = mix.queries();
      AtomicInteger errors = new AtomicInteger();
      AtomicReference<String> firstError = new AtomicReference<>();
      Latencies all = new Latencies();
      AtomicInteger warm = new AtomicInteger(0);
      runOn(clients, () -> {
        for (int i = warm.getAndIncrement(); i < Math.min(warmup, qs.size()); i = warm.getAndIncrement()) {
          send(client, qs.get(i).url(base), null, errors, firstError);
        }
      });
      errors.set(0);
      AtomicInteger next = new AtomicInteger(warmup);
      runOn(clients, () -> {
        for (int i = next.getAndIncrement(); i < qs.size(); i = next.getAndIncrement()) {
          send(client, qs.get(i).url(base), all, errors, firstError);
        }
      });
      Map<String, Object> m = all.summary();
      m.put("clients", clients);
      m.put("errors", errors.get());
      if (firstError.get() != null) {
        m.put("first_error", firstError.get());
      }
      return m;
    } finally {
      app.stop();
      try (var files = Files.list(web)) {
        files.forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(web);
    }
  }

  private static void send(HttpClient client, String url, Latencies into, AtomicInteger errors,
                           AtomicReference<String> firstError) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    long t0 = System.nanoTime();
    try {
      HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      long ns = System.nanoTime() - t0;
      if (res.statusCode() != 200) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, res.statusCode() + " " + url + " " + new String(res.body(),
            java.nio.charset.StandardCharsets.UTF_8));
      } else if (into != null) {
        into.add(ns);
      }
    } catch (IOException e) {
      errors.incrementAndGet();
      firstError.compareAndSet(null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * What facet counting costs, for the unfiltered queries of the mix, on one thread: the top 10
   * alone, the top 10 plus SortedSetDocValues counts of every dimension, and the whole search
   * (drill sideways, snippets, stored fields, histogram).
   */
  static Map<String, Object> facetCost(Broadsheet archive, Path luceneDir, QueryMix mix, int warmup)
      throws IOException {
    ArchiveQueryParser parser = new ArchiveQueryParser(ArchiveAnalyzer.forQueries());
    List<QueryMix.Query> qs = mix.queries().stream().filter(q -> q.filters().isEmpty() && q.published() == null)
        .toList();
    FacetsConfig config = Fields.facetsConfig();
    Latencies plain = new Latencies();
    Latencies facets = new Latencies();
    Latencies full = new Latencies();
    try (var dir = FSDirectory.open(luceneDir); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      var state = new DefaultSortedSetDocValuesReaderState(reader, config);
      List<String> dims = new ArrayList<>();
      state.getDims().forEach(dims::add);
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < qs.size(); i++) {
          boolean timed = round == 1 && i >= Math.min(warmup, qs.size() / 4);
          var query = parser.parse(qs.get(i).q());
          long t0 = System.nanoTime();
          TopDocs top = searcher.search(query, 10);
          long t1 = System.nanoTime();
          var res = FacetsCollectorManager.search(searcher, query, 10, new FacetsCollectorManager());
          var counts = new SortedSetDocValuesFacetCounts(state, res.facetsCollector());
          for (String dim : dims) {
            counts.getTopChildren(10, dim);
          }
          long t2 = System.nanoTime();
          archive.search(qs.get(i).request());
          long t3 = System.nanoTime();
          if (timed && top != null) {
            plain.add(t1 - t0);
            facets.add(t2 - t1);
            full.add(t3 - t2);
          }
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("top10_only", plain.summary());
    m.put("top10_with_facet_counts", facets.summary());
    m.put("broadsheet_search", full.summary());
    return m;
  }

  /**
   * What collapsing copies costs: the mix on one thread with {@code collapse=true} (the default: one
   * hit per group) and {@code collapse=false}, alternating query by query so that neither gets a
   * warmer machine, two rounds, the second timed.
   */
  static Map<String, Object> collapseCost(Broadsheet archive, QueryMix mix, int warmup) throws IOException {
    List<QueryMix.Query> qs = mix.queries();
    Latencies on = new Latencies();
    Latencies off = new Latencies();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < qs.size(); i++) {
        boolean timed = round == 1 && i >= Math.min(warmup, qs.size() / 4);
        long t0 = System.nanoTime();
        archive.search(qs.get(i).request().withCollapse(true));
        long t1 = System.nanoTime();
        archive.search(qs.get(i).request().withCollapse(false));
        long t2 = System.nanoTime();
        if (timed) {
          on.add(t1 - t0);
          off.add(t2 - t1);
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> collapsed = on.summary();
    Map<String, Object> every = off.summary();
    m.put("collapse_true", collapsed);
    m.put("collapse_false", every);
    m.put("p50_ratio", Benchmark.round((double) collapsed.get("p50_ms") / Math.max(1e-9, (double) every.get("p50_ms"))));
    m.put("p99_ratio", Benchmark.round((double) collapsed.get("p99_ms") / Math.max(1e-9, (double) every.get("p99_ms"))));
    return m;
  }

  /**
   * How latency grows with the archive: the same mix (drawn from the smaller index) in process on one
   * thread against a sample of the corpus and against all of it, alternating query by query, two
   * rounds, the second timed.
   */
  static Map<String, Object> growth(Path small, Path large, long seed, int queries, int warmup, long exactCountsUpTo,
                                    java.io.PrintStream log) throws IOException {
    try (Broadsheet s = open(small, exactCountsUpTo); Broadsheet l = open(large, exactCountsUpTo)) {
      QueryMix mix = QueryMix.build(s, small.resolve("lucene"), seed, queries);
      log.printf("queries: %,d on the sample and on the whole corpus, alternating...%n", mix.queries().size());
      Latencies onSmall = new Latencies();
      Latencies onLarge = new Latencies();
      long[] estimated = new long[2];
      List<QueryMix.Query> qs = mix.queries();
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < qs.size(); i++) {
          boolean timed = round == 1 && i >= Math.min(warmup, qs.size() / 4);
          long t0 = System.nanoTime();
          boolean smallEstimated = s.search(qs.get(i).request()).estimated();
          long t1 = System.nanoTime();
          boolean largeEstimated = l.search(qs.get(i).request()).estimated();
          long t2 = System.nanoTime();
          if (timed) {
            onSmall.add(t1 - t0);
            onLarge.add(t2 - t1);
            estimated[0] += smallEstimated ? 1 : 0;
            estimated[1] += largeEstimated ? 1 : 0;
          }
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sample_articles", s.indexState().articles());
      m.put("corpus_articles", l.indexState().articles());
      Map<String, Object> a = onSmall.summary();
      Map<String, Object> b = onLarge.summary();
      m.put("sample", a);
      m.put("corpus", b);
      // Searches counted on a sample (more matches than SearchSettings.exactCountsUpTo): estimated counts, exact hits.
      m.put("sample_estimated_results", estimated[0]);
      m.put("corpus_estimated_results", estimated[1]);
      m.put("p50_growth", Benchmark.round((double) b.get("p50_ms") / Math.max(1e-9, (double) a.get("p50_ms"))));
      m.put("p99_growth", Benchmark.round((double) b.get("p99_ms") / Math.max(1e-9, (double) a.get("p99_ms"))));
      return m;
    }
  }

  static void runOn(int threads, Runnable worker) {
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      ts.add(Thread.ofPlatform().name("bench-" + t).start(worker));
    }
    for (Thread t : ts) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
