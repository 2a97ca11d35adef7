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
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.index.IndexSettings;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ParserLimits;
import org.broadsheet.ingest.SourceFile;

/**
 * Ingest with extraction against its bound: CoreNLP's CRF alone ({@code tokenize,ssplit,ner}
 * with {@link CoreNlpExtractor#defaultProperties()}) over the same parsed texts, in the same
 * process, on the same number of threads.
 */
final class ExtractBench {
  private ExtractBench() {
  }

  static Map<String, Object> run(List<SourceFile> sample, Path work, int threads) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Path> roots = sample.stream().map(SourceFile::file).toList();
    Path index = work.resolve("extract-index");
    try (Broadsheet archive = Broadsheet.open(index, IndexSettings.defaults().withThreads(threads), ParserLimits.DEFAULT)) {
      // Load the NER models and the gazetteer first and warm the code: a run that loads them is
      // measured by model_load_s, not by the rate.
      long l0 = System.nanoTime();
      for (int i = 0; i < Math.min(20, sample.size()); i++) {
        try {
          archive.extract(sample.get(i).file());
        } catch (org.broadsheet.ingest.SkippedFileException e) {
          // not an article: the warm-up moves on
        }
        if (i == 0) {
          m.put("model_load_s", seconds(l0));
        }
      }
      IndexReport first;
      long peak;
      long live;
      System.gc();
      long before = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      try (HeapWatch heap = new HeapWatch()) {
        first = archive.index(roots, false, IndexListener.NONE);
        peak = heap.peakBytes();
        live = heap.peakLiveBytes();
      }
      double firstS = first.elapsed().toNanos() / 1e9;
      IndexReport again = archive.index(roots, false, IndexListener.NONE);
      IndexReport full = archive.index(roots, true, IndexListener.NONE);
      m.put("articles", first.indexed());
      m.put("failed", first.failed());
      m.put("threads", threads);
      m.put("broadsheet_s", round(firstS));
      m.put("broadsheet_articles_per_s", round(first.indexed() / firstS));
      m.put("heap_before_mb", mb(before));
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
    }
    // The bound: the CRF alone, same properties, same threads, over the text Broadsheet's parser produced.
    List<Article> texts = IngestBench.readBack(index.resolve("lucene"));
    StanfordCoreNLP crf = new StanfordCoreNLP(CoreNlpExtractor.defaultProperties());
    for (int i = 0; i < Math.min(20, texts.size()); i++) {
      crf.annotate(new Annotation(texts.get(i).text()));
    }
    AtomicLong tokens = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    QueryBench.runOn(threads, () -> {
      for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
        Annotation a = new Annotation(texts.get(i).text());
        crf.annotate(a);
        tokens.addAndGet(a.get(CoreAnnotations.TokensAnnotation.class).size());
      }
    });
    double crfS = seconds(t0);
    double bsS = (double) m.get("broadsheet_s");
    m.put("tokens", tokens.get());
    m.put("broadsheet_tokens_per_s", round(tokens.get() / bsS));
    m.put("crf_only_s", round(crfS));
    m.put("crf_only_articles_per_s", round(texts.size() / crfS));
    m.put("crf_only_tokens_per_s", round(tokens.get() / crfS));
    double ratio = ((int) m.get("articles") / bsS) / (texts.size() / crfS);
    m.put("ratio", round(ratio));
    m.put("goal", 0.8);
    m.put("met", ratio >= 0.8);
    return m;
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
