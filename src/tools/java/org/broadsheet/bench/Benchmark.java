package org.broadsheet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.Broadsheet;
import org.broadsheet.Json;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.CorpusWalker;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.ingest.SourceFile;

/**
 * Issue 6's benchmark: ingest without and with extraction, re-index, query latency in process
 * and over HTTP, memory and index size, each against a baseline measured in the same run.
 * Writes the figures as JSON and returns them; {@link #table} prints the summary.
 */
public final class Benchmark {
  /**
   * @param corpus        a folder of articles, or null to use the generated one
   * @param generate      articles to generate (0: none)
   * @param generateDir   where to write them; null for a temporary folder
   * @param threads       ingest threads (the product's default is every core)
   * @param extractSample articles for the extraction figures (0: skip)
   * @param queries       queries in the mix, of which {@code warmup} are not timed
   * @param variantSample articles for the body-offsets comparison (0: skip)
   * @param serveHeaps    -Xmx values for the serve-heap children, largest first (empty: skip)
   * @param work          scratch folder for indexes; null for a temporary one, deleted afterwards
   * @param baselineSample the most articles the baselines run on: on a larger corpus they, and Broadsheet
   *                      for the ratios, run on a seeded sample of this size, and the query mix runs on
   *                      that sample's index too, to show how latency grows with the archive
   * @param opensearch    a cluster to run the same ingest and query mix on, side by side; null: none
   */
  public record Config(Path corpus, int generate, Path generateDir, CorpusGenerator.Format format, long seed,
                       int threads, int extractSample, int queries, int warmup, int httpClients, int variantSample,
                       List<String> serveHeaps, Path work, Path out, int baselineSample,
                       org.broadsheet.opensearch.OpenSearchTarget opensearch) {
  }

  private final Config c;
  private final PrintStream log;
  /** The headline figures, each Broadsheet against what a user would otherwise run, measured in this run. */
  private final Map<String, Object> ratios = new LinkedHashMap<>();

  public Benchmark(Config config, PrintStream log) {
    this.c = config;
    this.log = log;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> run() throws IOException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.putAll(environment());
    r.put("ratios", ratios);
    boolean tempWork = c.work() == null;
    Path work = tempWork ? Files.createTempDirectory("broadsheet-bench") : Files.createDirectories(c.work());
    try {
      Path corpus = c.corpus();
      Map<String, Object> corpusInfo = new LinkedHashMap<>();
      if (c.generate() > 0) {
        Path dir = c.generateDir() != null ? c.generateDir() : work.resolve("corpus");
        long t0 = System.nanoTime();
        var g = new CorpusGenerator(c.seed(), c.format()).write(dir, c.generate());
        corpusInfo.put("generated", Map.of("articles", g.articles(), "bytes", g.bytes(), "words", g.words(),
            "seed", c.seed(), "format", c.format().toString().toLowerCase(java.util.Locale.ROOT),
            "seconds", ExtractBench.seconds(t0), "dir", dir.toString()));
        log.printf("generated %,d articles (%,d words, %.1f MB) in %s in %.1f s%n", g.articles(), g.words(),
            g.bytes() / 1e6, dir, (System.nanoTime() - t0) / 1e9);
        if (corpus == null) {
          corpus = dir;
        }
      }
      List<SourceFile> files = CorpusWalker.walk(List.of(corpus), false, java.util.Set.of(), e -> { }).files();
      long bytes = 0;
      for (SourceFile f : files) {
        bytes += Files.size(f.file());
      }
      corpusInfo.put("dir", corpus.toAbsolutePath().toString());
      corpusInfo.put("files", files.size());
      corpusInfo.put("bytes", bytes);
      r.put("corpus", corpusInfo);

      Path index = work.resolve("index");
      ingest(r, files, corpus, index, work, bytes);
      if (c.queries() > c.warmup()) {
        queries(r, index, work, files);
        if (files.size() > c.baselineSample()) {
          r.put("query_growth", QueryBench.growth(work.resolve("sample-index"), index, c.seed(), c.queries(),
              c.warmup(), org.broadsheet.search.SearchSettings.EXACT_COUNTS_UP_TO, log));
        }
      }
      if (c.opensearch() != null) {
        var ingest = (Map<String, Object>) r.get("ingest_without_extraction");
        Map<String, Object> os = OpenSearchBench.run(c.opensearch(), corpus, index, (double) ingest.get("broadsheet_s"),
            (int) ingest.get("articles"), work, c.threads(), c.seed(), Math.max(c.queries(), 200), c.warmup(), log);
        r.put("opensearch", os);
        ratios.put("query_p99_vs_opensearch", os.get("query_p99_ratio"));
        ratios.put("ingest_vs_opensearch", os.get("ingest_ratio"));
      }
      if (c.extractSample() > 0) {
        log.printf("extraction: sample of %,d articles, %d threads...%n", Math.min(c.extractSample(), files.size()),
            c.threads());
        Map<String, Object> x = ExtractBench.run(ExtractBench.sample(files, c.extractSample(), c.seed()), work,
            c.threads());
        r.put("ingest_with_extraction", x);
        ratios.put("extract_vs_crf", x.get("ratio"));
        ratios.put("extract_vs_crf_cpu", x.get("cpu_ratio"));
      }
      if (!c.serveHeaps().isEmpty()) {
        log.println("serve heap: child JVMs at -Xmx " + c.serveHeaps() + "...");
        r.put("serve_heap", ServeHeap.run(index, c.serveHeaps(), c.seed(), c.queries(), c.warmup(), log));
      }
      r.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      write(r);
      return r;
    } finally {
      IngestBench.deleteDiscarded(); // also those beside folders of the work folder (copies/discarded)
      if (tempWork) {
        IngestBench.deleteTree(work);
      }
    }
  }

  private void ingest(Map<String, Object> r, List<SourceFile> files, Path corpus, Path index, Path work, long bytes)
      throws IOException {
    int t = c.threads();
    // Warm both paths on up to 10,000 files before timing either, until the JIT has settled (as for
    // extraction). One round on 500 files left the compiler busy through Broadsheet's timed run (19 s of
    // compiling in a 17.7 s run on Reuters at e046fd5) and the first baseline run (19.9 s, against 9.9 s
    // after); ten rounds on 500 files still did (half of the last round's CPU was compiling).
    List<SourceFile> warm = files.subList(0, Math.min(10_000, files.size()));
    // Broadsheet is warmed on the corpus folder itself, as it is timed, when the folder is small enough:
    // walking a folder runs code that a list of files never reaches, which was compiled during the timed
    // run instead (0.7 s of compiling in a 3.4 s run of 5,000 long articles at 058bdf9, most of it the
    // path handling of the walk).
    List<Path> warmRoots = files.size() <= MAX_WARM_FOLDER_FILES ? List.of(corpus)
        : warm.stream().map(SourceFile::file).toList();
    WarmUp.Settled warmed = WarmUp.untilSettled(MAX_INGEST_WARM_ROUNDS, () -> {
      try (Broadsheet b = Broadsheet.open(work.resolve("warm"), settings(false), ParserLimits.DEFAULT)) {
        b.index(warmRoots, false, IndexListener.NONE);
        // The unchanged re-index is warmed as the first ingest is: its ratio divides one by the other.
        b.index(warmRoots, false, IndexListener.NONE);
      }
      IngestBench.baseline(IngestBench.readBack(work.resolve("warm").resolve("lucene")), work.resolve("warm-baseline"), t);
      IngestBench.discard(work.resolve("warm"));
      TikaLuceneBaseline.index(warm, work.resolve("warm-tika"), t);
      IngestBench.discard(work.resolve("warm-tika"));
    });
    List<SourceFile> sample = files.size() > c.baselineSample()
        ? ExtractBench.sample(files, c.baselineSample(), c.seed()) : files;
    Path sampleIndex = sample == files ? index : work.resolve("sample-index");
    // Every file read once, so that neither run pays for the disk and the other for the page cache.
    IngestBench.readAll(sample);

    // The baseline just before and just after Broadsheet, averaged, so that a machine busier in one half
    // than the other weighs on both sides alike (one baseline run before Broadsheet until 9e9b627: the
    // ratio ranged 0.85-1.11 in three runs of the same code).
    TikaLuceneBaseline.Run tikaBefore = tikaLucene(sample, work, t, "baseline");
    IndexReport sampled = null;
    TikaLuceneBaseline.Run tikaAfter = null;
    if (sample != files) {
      log.printf("ingest: Broadsheet without extraction, the same %,d files...%n", sample.size());
      try (Broadsheet b = Broadsheet.open(sampleIndex, settings(false), ParserLimits.DEFAULT)) {
        sampled = b.index(sample.stream().map(SourceFile::file).toList(), false, IndexListener.NONE);
      }
      // The baseline's second run right after the run it is compared with (the whole corpus comes next).
      tikaAfter = tikaLucene(sample, work, t, "baseline again");
    }

    log.printf("ingest: Broadsheet without extraction, %,d files...%n", files.size());
    IndexReport first;
    long peak;
    long jit0 = WarmUp.jitMillis();
    long bsCpu0 = ExtractBench.processCpuNanos();
    try (Broadsheet b = Broadsheet.open(index, settings(false), ParserLimits.DEFAULT); HeapWatch heap = new HeapWatch()) {
      first = b.index(List.of(corpus), false, IndexListener.NONE);
      peak = heap.peakBytes();
    }
    long bsCpu = ExtractBench.processCpuNanos() - bsCpu0;
    long jitMillis = WarmUp.jitMillis() - jit0;
    double firstS = first.elapsed().toNanos() / 1e9;
    if (tikaAfter == null) {
      tikaAfter = tikaLucene(sample, work, t, "baseline again");
    }
    TikaLuceneBaseline.Run tika = TikaLuceneBaseline.Run.mean(tikaBefore, tikaAfter);
    IndexReport onSample = sampled != null ? sampled : first;
    // The baseline indexes the very text Broadsheet's parser produced, held in memory first.
    List<Article> articles = IngestBench.readBack(sampleIndex.resolve("lucene"));
    long chars = articles.stream().mapToLong(a -> a.text().length()).sum();
    log.println("ingest: baseline (Lucene, StandardAnalyzer, no facets) of the same text...");
    double baseS = IngestBench.baseline(articles, work.resolve("baseline"), t);
    // The unchanged re-index three times, the median: a fifth of a second, which one busy moment doubles.
    IndexReport again = null;
    List<Double> agains = new ArrayList<>();
    try (Broadsheet b = Broadsheet.open(index, settings(false), ParserLimits.DEFAULT)) {
      for (int i = 0; i < 3; i++) {
        again = b.index(List.of(corpus), false, IndexListener.NONE);
        agains.add(again.elapsed().toNanos() / 1e9);
      }
    }
    List<Double> sorted = agains.stream().sorted().toList();
    double againS = sorted.get(1);
    double mb = bytes / 1048576.0;
    Map<String, Object> ingest = new LinkedHashMap<>();
    ingest.put("threads", t);
    ingest.put("articles", first.indexed());
    ingest.put("failed", first.failed());
    ingest.put("text_chars", chars);
    ingest.put("broadsheet_s", round(firstS));
    ingest.put("broadsheet_articles_per_s", round(first.indexed() / firstS));
    ingest.put("broadsheet_mb_per_s", round(mb / firstS));
    ingest.put("broadsheet_peak_heap_mb", ExtractBench.mb(peak));
    ingest.put("baseline_s", round(baseS));
    ingest.put("baseline_articles_per_s", round(articles.size() / baseS));
    ingest.put("baseline_mb_per_s", round(mb / baseS));
    ingest.put("warm_rounds", warmed.rounds());
    ingest.put("jit_share_of_cpu_last_warm_round", round(warmed.jitShare()));
    ingest.put("broadsheet_jit_s", round(jitMillis / 1e3));
    ingest.put("tika_lucene_s", round(tika.seconds()));
    ingest.put("tika_lucene_s_before_and_after", List.of(round(tikaBefore.seconds()), round(tikaAfter.seconds())));
    ingest.put("tika_lucene_articles", tika.indexed());
    ingest.put("tika_lucene_failed", tika.failed());
    ingest.put("tika_lucene_articles_per_s", round(tika.indexed() / tika.seconds()));
    ingest.put("tika_lucene_mb_per_s", round(mb / tika.seconds()));
    // Files per second on both sides: a file either pipeline rejects still costs it its reading.
    if (sampled != null) {
      ingest.put("sample_articles", sampled.indexed());
      ingest.put("sample_broadsheet_articles_per_s", round(sampled.indexed() / seconds(sampled)));
    }
    double ratio = (onSample.indexed() / seconds(onSample)) / (tika.indexed() / tika.seconds());
    ingest.put("ratio", round(ratio));
    ingest.put("goal", 1.0);
    ingest.put("met", ratio >= 1.0);
    ingest.put("ratio_vs_in_memory_lucene", round((onSample.indexed() / seconds(onSample)) / (articles.size() / baseS)));
    ratios.put("ingest_vs_tika_lucene", round(ratio));
    if (sampled == null) {
      // CPU seconds per article, both sides (the baseline's two runs averaged): what the work costs, idle cores aside.
      double cpuRatio = (tika.cpuSeconds() / tika.indexed()) / (bsCpu / 1e9 / Math.max(1, first.indexed()));
      ingest.put("cpu_ratio", round(cpuRatio));
      ratios.put("ingest_vs_tika_lucene_cpu", round(cpuRatio));
    }
    ratios.put("reindex_speedup", round(firstS / againS));
    r.put("ingest_without_extraction", ingest);

    Map<String, Object> reindex = new LinkedHashMap<>();
    reindex.put("first_s", round(firstS));
    reindex.put("reindex_s", round(againS));
    reindex.put("reindex_runs_s", agains.stream().map(Benchmark::round).toList());
    reindex.put("unchanged", again.unchanged());
    reindex.put("indexed", again.indexed());
    double speedup = firstS / againS;
    reindex.put("speedup", round(speedup));
    reindex.put("goal", 50);
    reindex.put("met", speedup >= 50);
    r.put("reindex_unchanged", reindex);

    Map<String, Object> size = new LinkedHashMap<>();
    long bsBytes = IngestBench.sizeOf(index.resolve("lucene"));
    long baseBytes = IngestBench.sizeOf(work.resolve("baseline"));
    size.put("broadsheet_bytes", bsBytes);
    size.put("broadsheet_bytes_per_article", bsBytes / Math.max(1, first.indexed()));
    size.put("baseline_bytes_per_article", baseBytes / Math.max(1, articles.size()));
    size.put("source_bytes_per_article", bytes / Math.max(1, files.size()));
    r.put("index_size", size);

    log.printf("ingest: what grouping copies costs, %,d articles...%n", articles.size());
    Map<String, Object> copies = IngestBench.copyGroupCost(articles, work.resolve("copies"), t);
    copies.put("share_of_ingest_without_extraction", round((double) copies.get("grouping_s") / firstS));
    r.put("copy_groups", copies);
    IngestBench.discard(work.resolve("baseline"));
    IngestBench.discard(work.resolve("warm-baseline"));
    IngestBench.discard(work.resolve("tika-lucene"));
    ingest.put("baseline_sample", sample.size());

    if (c.variantSample() > 0) {
      List<Article> variants = articles.subList(0, Math.min(c.variantSample(), articles.size()));
      log.printf("analysis choices: body offsets on and off, %,d articles...%n", variants.size());
      Path with = work.resolve("offsets-on");
      Path without = work.resolve("offsets-off");
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("articles", variants.size());
      IngestBench.broadsheetDocs(variants.subList(0, Math.min(500, variants.size())), work.resolve("warm-v"), true, t);
      IngestBench.discard(work.resolve("warm-v"));
      v.put("with_offsets_index_s", round(IngestBench.broadsheetDocs(variants, with, true, t)));
      v.put("without_offsets_index_s", round(IngestBench.broadsheetDocs(variants, without, false, t)));
      v.put("with_offsets_bytes_per_article", IngestBench.sizeOf(with) / variants.size());
      v.put("without_offsets_bytes_per_article", IngestBench.sizeOf(without) / variants.size());
      try (Broadsheet on = QueryBench.open(with); Broadsheet off = QueryBench.open(without)) {
        QueryMix mix = QueryMix.build(on, with.resolve("lucene"), c.seed(), c.queries());
        // Alternate so that neither gets a warmer machine.
        QueryBench.inProcess(on, mix, c.warmup(), 1);
        QueryBench.inProcess(off, mix, c.warmup(), 1);
        v.put("with_offsets_query", QueryBench.inProcess(on, mix, c.warmup(), 1));
        v.put("without_offsets_query", QueryBench.inProcess(off, mix, c.warmup(), 1));
      }
      r.put("body_offsets", v);
      IngestBench.discard(with);
      IngestBench.discard(without);
    }
  }

  private void queries(Map<String, Object> r, Path index, Path work, List<SourceFile> files) throws IOException {
    try (Broadsheet b = QueryBench.open(index)) {
      QueryMix mix = QueryMix.build(b, index.resolve("lucene"), c.seed(), c.queries());
      Map<String, Object> q = new LinkedHashMap<>();
      log.printf("queries: %,d in process (1 thread), %d warm-up...%n", mix.queries().size(), c.warmup());
      Map<String, Object> one = QueryBench.inProcess(b, mix, c.warmup(), 1);
      q.put("in_process", one);
      log.printf("queries: in process, %d threads...%n", c.httpClients());
      Map<String, Object> many = QueryBench.inProcess(b, mix, c.warmup(), c.httpClients());
      q.put("in_process_concurrent", many);
      log.printf("queries: over HTTP, %d clients...%n", c.httpClients());
      Map<String, Object> http = QueryBench.http(b, mix, c.warmup(), c.httpClients());
      q.put("http", http);
      // With 16 clients on few cores a request mostly waits for the others: the same mix over HTTP
      // with one client per core shows what HTTP itself adds.
      int cores = Runtime.getRuntime().availableProcessors();
      log.printf("queries: over HTTP, %d clients (one per core)...%n", cores);
      Map<String, Object> httpPerCore = QueryBench.http(b, mix, c.warmup(), cores);
      q.put("http_one_client_per_core", httpPerCore);
      double p50 = (double) one.get("p50_ms");
      double p99 = (double) one.get("p99_ms");
      double httpP99 = (double) http.get("p99_ms");
      Map<String, Object> goals = new LinkedHashMap<>();
      goals.put("in_process_p50_under_5ms", p50 < 5);
      goals.put("in_process_p99_under_30ms", p99 < 30);
      goals.put("http_p99_over_in_process_p99", round(httpP99 / p99));
      goals.put("http_p99_over_in_process_concurrent_p99", round(httpP99 / (double) many.get("p99_ms")));
      goals.put("http_p99_under_2x_in_process", httpP99 < 2 * p99);
      goals.put("http_no_errors", (int) http.get("errors") == 0);
      goals.put("http_one_client_per_core_p99_over_in_process_p99",
          round((double) httpPerCore.get("p99_ms") / p99));
      q.put("goals", goals);
      log.println("queries: what facet counting costs...");
      q.put("facet_cost", QueryBench.facetCost(b, index.resolve("lucene"), mix, c.warmup()));
      log.println("queries: what collapsing copies costs...");
      q.put("collapse_cost", QueryBench.collapseCost(b, mix, c.warmup()));
      log.println("queries: against a minimal Lucene program with facet counts...");
      Map<String, Object> vsLucene = LuceneFacetsBaseline.compare(b, index.resolve("lucene"), mix);
      q.put("vs_lucene_facets", vsLucene);
      r.put("query_latency", q);
      ratio(r, "query_p99_vs_lucene_facets", vsLucene.get("p99_ratio"));
    }
  }

  private static double seconds(IndexReport report) {
    return report.elapsed().toNanos() / 1e9;
  }

  /** One figure of the top-level {@code "ratios"} object, each measured side by side in one run. */
  @SuppressWarnings("unchecked")
  private static void ratio(Map<String, Object> r, String key, Object value) {
    ((Map<String, Object>) r.computeIfAbsent("ratios", k -> new LinkedHashMap<String, Object>())).put(key, value);
  }

  /** The Tika + plain Lucene baseline over {@code sample}, into a folder deleted after it. */
  private TikaLuceneBaseline.Run tikaLucene(List<SourceFile> sample, Path work, int threads, String what)
      throws IOException {
    log.printf("ingest: %s (Tika AutoDetectParser + plain Lucene), %,d files...%n", what, sample.size());
    TikaLuceneBaseline.Run run = TikaLuceneBaseline.index(sample, work.resolve("tika-lucene"), threads);
    IngestBench.discard(work.resolve("tika-lucene"));
    return run;
  }

  /** Warm-up rounds of ingest without extraction at most (each is up to 10,000 files on both paths). */
  private static final int MAX_INGEST_WARM_ROUNDS = 8;

  /** A corpus of at most this many files is indexed whole, as a folder, in each warm-up round. */
  private static final int MAX_WARM_FOLDER_FILES = 20_000;

  private IndexSettings settings(boolean extract) {
    return IndexSettings.defaults().withThreads(c.threads()).withExtract(extract);
  }

  private static Map<String, Object> environment() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("date", Instant.now().toString());
    e.put("cores", Runtime.getRuntime().availableProcessors());
    e.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
    e.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576);
    e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    e.put("load_average_before", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return e;
  }

  private void write(Map<String, Object> r) throws IOException {
    Files.createDirectories(c.out());
    ObjectMapper json = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    String stamp = ((String) r.get("date")).replace(":", "").replaceAll("\\..*", "");
    Path file = c.out().resolve("bench-" + stamp + ".json");
    json.writeValue(file.toFile(), r);
    Files.copy(file, c.out().resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    r.put("json", file.toString());
  }

  static double round(double v) {
    return ExtractBench.round(v);
  }

  /** The summary table: one line per figure, with its baseline and ratio where it has one. */
  @SuppressWarnings("unchecked")
  public static String table(Map<String, Object> r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"figure", "Broadsheet", "baseline", "ratio", "goal"});
    var in = (Map<String, Object>) r.get("ingest_without_extraction");
    if (in != null) {
      rows.add(new String[] {"ingest, no extraction, vs Tika + Lucene (articles/s)",
          str(in.get("broadsheet_articles_per_s")), str(in.get("tika_lucene_articles_per_s")), str(in.get("ratio")),
          ">= 1.0 " + ok(in)});
      if (in.get("cpu_ratio") != null) {
        rows.add(new String[] {"ingest, no extraction, vs Tika + Lucene (CPU per article)", "", "", str(in.get("cpu_ratio")), ""});
      }
      rows.add(new String[] {"ingest, no extraction, vs Lucene on text in memory", str(in.get("broadsheet_articles_per_s")),
          str(in.get("baseline_articles_per_s")), str(in.get("ratio_vs_in_memory_lucene")), ""});
    }
    var cg = (Map<String, Object>) r.get("copy_groups");
    if (cg != null) {
      rows.add(new String[] {"ingest: grouping copies (s, share of ingest)", str(cg.get("grouping_s")),
          str(cg.get("with_s")) + " with / " + str(cg.get("without_s")) + " without",
          str(cg.get("share_of_ingest_without_extraction")), "<= 0.10"});
    }
    var re = (Map<String, Object>) r.get("reindex_unchanged");
    if (re != null) {
      rows.add(new String[] {"re-index unchanged (s)", str(re.get("reindex_s")), str(re.get("first_s")) + " first",
          str(re.get("speedup")) + "x", ">= 50x " + ok(re)});
    }
    var q = (Map<String, Object>) r.get("query_latency");
    if (q != null) {
      var one = (Map<String, Object>) q.get("in_process");
      var many = (Map<String, Object>) q.get("in_process_concurrent");
      var http = (Map<String, Object>) q.get("http");
      var goals = (Map<String, Object>) q.get("goals");
      rows.add(new String[] {"query in process p50/p99/max (ms)", pct(one), "", "",
          "p50<5 " + mark(goals.get("in_process_p50_under_5ms")) + " p99<30 " + mark(goals.get("in_process_p99_under_30ms"))});
      rows.add(new String[] {"query in process x" + many.get("threads") + " threads", pct(many), "", "", ""});
      rows.add(new String[] {"query HTTP x" + http.get("clients") + " clients (errors " + http.get("errors") + ")",
          pct(http), "p99 in process", str(goals.get("http_p99_over_in_process_p99")),
          "< 2 " + mark(goals.get("http_p99_under_2x_in_process"))});
      var perCore = (Map<String, Object>) q.get("http_one_client_per_core");
      if (perCore != null) {
        rows.add(new String[] {"query HTTP x" + perCore.get("clients") + " clients (errors " + perCore.get("errors") + ")",
            pct(perCore), "p99 in process", str(goals.get("http_one_client_per_core_p99_over_in_process_p99")), ""});
      }
      var vl = (Map<String, Object>) q.get("vs_lucene_facets");
      if (vl != null) {
        rows.add(new String[] {"query p50/p99 vs Lucene + facet counts", pct((Map<String, Object>) vl.get("broadsheet")),
            pct((Map<String, Object>) vl.get("lucene_facets")), str(vl.get("p99_ratio")), "<= 1.5 " + ok(vl)});
      }
      var fc = (Map<String, Object>) q.get("facet_cost");
      rows.add(new String[] {"top 10 + facet counts p50/p99", pct((Map<String, Object>) fc.get("top10_with_facet_counts")),
          pct((Map<String, Object>) fc.get("top10_only")) + " top 10 only", "", ""});
    }
    var size = (Map<String, Object>) r.get("index_size");
    if (size != null) {
      rows.add(new String[] {"index bytes/article", str(size.get("broadsheet_bytes_per_article")),
          str(size.get("baseline_bytes_per_article")), "", ""});
    }
    var off = (Map<String, Object>) r.get("body_offsets");
    if (off != null) {
      rows.add(new String[] {"body offsets: bytes/article on/off", str(off.get("with_offsets_bytes_per_article")),
          str(off.get("without_offsets_bytes_per_article")), "", ""});
      rows.add(new String[] {"body offsets: query p50/p99 on | off", pct((Map<String, Object>) off.get("with_offsets_query")),
          pct((Map<String, Object>) off.get("without_offsets_query")), "", ""});
    }
    var x = (Map<String, Object>) r.get("ingest_with_extraction");
    if (x != null) {
      rows.add(new String[] {"ingest + extraction (articles/s)", str(x.get("broadsheet_articles_per_s")),
          str(x.get("crf_only_articles_per_s")) + " CRF only", str(x.get("ratio")), ">= 0.8 " + ok(x)});
      rows.add(new String[] {"ingest + extraction (CPU s)", str(x.get("broadsheet_cpu_s")),
          str(x.get("crf_only_cpu_s")) + " CRF only", str(x.get("cpu_ratio")), ""});
      rows.add(new String[] {"ingest + extraction (tokens/s)", str(x.get("broadsheet_tokens_per_s")),
          str(x.get("crf_only_tokens_per_s")), "", ""});
      rows.add(new String[] {"ingest + extraction peak heap (MB)", str(x.get("peak_heap_mb")),
          str(x.get("peak_live_heap_after_gc_mb")) + " live", "", ""});
    }
    var serve = (Map<String, Object>) r.get("serve_heap");
    if (serve != null) {
      rows.add(new String[] {"smallest -Xmx keeping p99", str(serve.get("smallest_xmx_keeping_p99")), "", "", ""});
    }
    int[] w = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < 5; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format("%s, %s cores, %s, load %.2f -> %s%n", r.get("date"), r.get("cores"), r.get("jdk"),
        (double) r.get("load_average_before"), r.get("load_average_after")));
    for (String[] row : rows) {
      for (int i = 0; i < 5; i++) {
        b.append(String.format("%-" + (w[i] + 2) + "s", row[i]));
      }
      b.append(System.lineSeparator());
    }
    return b.toString();
  }

  private static String pct(Map<String, Object> m) {
    if (m == null) {
      return "";
    }
    return m.get("p50_ms") + "/" + m.get("p99_ms") + (m.containsKey("max_ms") ? "/" + m.get("max_ms") : "");
  }

  private static String ok(Map<String, Object> m) {
    return mark(m.get("met"));
  }

  private static String mark(Object b) {
    return Boolean.TRUE.equals(b) ? "met" : "MISSED";
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
