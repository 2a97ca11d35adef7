package org.broadsheet.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.broadsheet.Broadsheet;
import org.broadsheet.extract.CoreNlpExtractor;
import org.broadsheet.extract.Countries;
import org.broadsheet.extract.Gazetteer;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.ingest.SourceFile;
import org.broadsheet.search.SearchSettings;

/**
 * Ingest with extraction against its bound: CoreNLP's CRF alone ({@code tokenize,ssplit,ner}
 * with {@link CoreNlpExtractor#defaultProperties()}) over the same parsed texts, in the same
 * process, on the same number of threads, both warmed on the whole sample until the JIT has settled
 * (it compiles for under a twentieth of a warm-up round's CPU time, or eight rounds), the bound timed just
 * before and just after Broadsheet and averaged. Also in process CPU time per article, which a
 * machine shared with other work disturbs less than the wall clock.
 */
final class ExtractBench {
  private ExtractBench() {
  }

  static Map<String, Object> run(List<SourceFile> sample, Path work, int threads) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Path> roots = sample.stream().map(SourceFile::file).toList();
    Path index = work.resolve("extract-index");
    // The bound's input: the text Broadsheet's parser makes of each file, parsed before anything is timed.
    List<String> texts = new ArrayList<>();
    try (ArticleParser parser = new ArticleParser(ParserLimits.DEFAULT)) {
      for (SourceFile f : sample) {
        try {
          texts.add(parser.parse(f.file()).text());
        } catch (org.broadsheet.ingest.SkippedFileException e) {
          // not an article: Broadsheet skips it too
        }
      }
    }
    StanfordCoreNLP crf = new StanfordCoreNLP(CoreNlpExtractor.defaultProperties());
    // One extractor for the warm-up and the timed run, as the CRF alone is one pipeline made before
    // it is timed: loading the models and the gazetteer is model_load_s, not part of either rate.
    long l0 = System.nanoTime();
    CoreNlpExtractor extractor = new CoreNlpExtractor(Gazetteer.loadDefault(new Countries()));
    m.put("model_load_s", seconds(l0));
    IndexSettings settings = IndexSettings.defaults().withThreads(threads);
    try (Broadsheet archive = Broadsheet.open(index, settings, ParserLimits.DEFAULT, SearchSettings.defaults(),
        extractor)) {
      // Warm both sides on the same articles, the whole sample, until the JIT has settled: Broadsheet runs
      // Tika, Lucene, CoreNLP and its own code, and the compiler was still busy for a third of the process's
      // CPU time in the round after the first (one round of warm-up was the rule until 169be96).
      long w0 = System.nanoTime();
      WarmUp.Settled warmed = WarmUp.untilSettled(MAX_WARM_ROUNDS, () -> {
        Path warm = work.resolve("extract-warm");
        try (Broadsheet w = Broadsheet.open(warm, settings, ParserLimits.DEFAULT, SearchSettings.defaults(), extractor)) {
          w.index(roots, false, IndexListener.NONE);
        }
        IngestBench.discard(warm); // not deleted: see discard
        crfOnly(crf, texts, threads); // the CRF's code compiled too: it is most of both sides
      });
      m.put("warm_s", seconds(w0));
      m.put("warm_rounds", warmed.rounds());
      m.put("jit_share_of_cpu_last_warm_round", round(warmed.jitShare()));
      IngestBench.readAll(sample);

      // The bound before and after Broadsheet, so that a machine busier in one half than the other
      // weighs on both sides alike.
      Run before = crfOnly(crf, texts, threads);
      IndexReport first;
      long peak;
      long live;
      System.gc();
      long heapBefore = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long cpu0 = processCpuNanos();
      long jit0 = WarmUp.jitMillis();
      try (HeapWatch heap = new HeapWatch()) {
        first = archive.index(roots, false, IndexListener.NONE);
        peak = heap.peakBytes();
        live = heap.peakLiveBytes();
      }
      double bsCpu = (processCpuNanos() - cpu0) / 1e9;
      m.put("broadsheet_jit_s", round((WarmUp.jitMillis() - jit0) / 1e3));
      Run after = crfOnly(crf, texts, threads);
      double firstS = first.elapsed().toNanos() / 1e9;
      IndexReport again = archive.index(roots, false, IndexListener.NONE);
      IndexReport full = archive.index(roots, true, IndexListener.NONE);
      m.put("articles", first.indexed());
      m.put("failed", first.failed());
      m.put("threads", threads);
      m.put("broadsheet_s", round(firstS));
      m.put("broadsheet_articles_per_s", round(first.indexed() / firstS));
      m.put("broadsheet_cpu_s", round(bsCpu));
      m.put("heap_before_mb", mb(heapBefore));
      m.put("peak_heap_mb", mb(peak));
      m.put("peak_live_heap_after_gc_mb", mb(live));
      m.put("reindex_unchanged_s", round(again.elapsed().toNanos() / 1e9));
      m.put("reindex_unchanged_speedup", round(firstS / (again.elapsed().toNanos() / 1e9)));
      m.put("full_rebuild_from_cache_s", round(full.elapsed().toNanos() / 1e9));
      m.put("full_rebuild_from_cache_speedup", round(firstS / (full.elapsed().toNanos() / 1e9)));
      m.put("index_bytes_per_article", IngestBench.sizeOf(index.resolve("lucene")) / Math.max(1, first.indexed()));
      m.put("extraction_cache_bytes_per_article", IngestBench.sizeOf(index.resolve("extractions"))
          / Math.max(1, first.indexed()));
      m.put("query_in_process_on_this_index",
          QueryBench.inProcess(archive, QueryMix.build(archive, index.resolve("lucene"), 11, 1200), 200, 1));
      double crfS = (before.seconds + after.seconds) / 2;
      double crfCpu = (before.cpuSeconds + after.cpuSeconds) / 2;
      m.put("tokens", before.tokens);
      m.put("broadsheet_tokens_per_s", round(before.tokens / firstS));
      m.put("crf_only_s_before_and_after", List.of(round(before.seconds), round(after.seconds)));
      m.put("crf_only_s", round(crfS));
      m.put("crf_only_cpu_s", round(crfCpu));
      m.put("crf_only_articles_per_s", round(texts.size() / crfS));
      m.put("crf_only_tokens_per_s", round(before.tokens / crfS));
      double ratio = (first.indexed() / firstS) / (texts.size() / crfS);
      m.put("ratio", round(ratio));
      // CPU time per article, both sides: what the work costs, whatever else the machine runs.
      m.put("cpu_ratio", round((crfCpu / texts.size()) / (bsCpu / Math.max(1, first.indexed()))));
      m.put("goal", 0.8);
      m.put("met", ratio >= 0.8);
    }
    return m;
  }

  /** Warm-up rounds at most (each is the whole sample on both sides). */
  private static final int MAX_WARM_ROUNDS = 8;

  private record Run(double seconds, double cpuSeconds, long tokens) {
  }

  /** CoreNLP's CRF alone over {@code texts} on {@code threads} threads: wall and process CPU seconds. */
  private static Run crfOnly(StanfordCoreNLP crf, List<String> texts, int threads) {
    AtomicLong tokens = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    QueryBench.runOn(threads, () -> {
      for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
        Annotation a = new Annotation(texts.get(i));
        crf.annotate(a);
        tokens.addAndGet(a.get(CoreAnnotations.TokensAnnotation.class).size());
      }
    });
    return new Run((System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, tokens.get());
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static double seconds(long t0) {
    return round((System.nanoTime() - t0) / 1e9);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double mb(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  static List<SourceFile> sample(List<SourceFile> files, int n, long seed) {
    List<SourceFile> copy = new ArrayList<>(files);
    java.util.Collections.shuffle(copy, new java.util.Random(seed));
    List<SourceFile> s = new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    s.sort(java.util.Comparator.comparing(f -> f.file().toString()));
    return s;
  }
}
