package org.broadsheet.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.Json;
import org.broadsheet.cli.BroadsheetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code broadsheet bench}: a developers' tool, not part of the product jar. The launcher runs
 * {@link #main} for {@code ./broadsheet bench ...}, which is the product's command line with this
 * subcommand added.
 */
@Command(name = "bench", description = {
    "Measure ingest, re-index, query latency, memory and index size against baselines run in the same process,",
    "on a corpus (--corpus) or a generated one (--generate N). Prints a table and writes JSON under target/bench/."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of articles to measure on")
  Path corpus;

  @Option(names = "--generate", paramLabel = "N", defaultValue = "0",
      description = "Generate N synthetic articles (and measure on them unless --corpus is given)")
  int generate;

  @Option(names = "--generate-dir", paramLabel = "DIR", description = "Where to write them (default: a temporary folder)")
  Path generateDir;

  @Option(names = "--format", defaultValue = "MIXED", description = "Generated files: html, txt or mixed (default: ${DEFAULT-VALUE})")
  CorpusGenerator.Format format;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated text and the query mix (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", description = "Ingest threads (default: all cores)")
  Integer threads;

  @Option(names = "--extract-sample", paramLabel = "N", defaultValue = "1000",
      description = "Articles for the extraction figures; 0 skips them (default: ${DEFAULT-VALUE})")
  int extractSample;

  @Option(names = "--queries", defaultValue = "3000", description = "Queries in the mix (default: ${DEFAULT-VALUE}; 0: no query figures)")
  int queries;

  @Option(names = "--warmup", defaultValue = "500", description = "Of which untimed warm-up (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--clients", defaultValue = "16", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--variant-sample", paramLabel = "N", defaultValue = "10000",
      description = "Articles for the body-offsets comparison; 0 skips it (default: ${DEFAULT-VALUE})")
  int variantSample;

  @Option(names = "--serve-heap", description = "Also find the smallest -Xmx that keeps the query p99 (child JVMs)")
  boolean serveHeap;

  @Option(names = "--heaps", split = ",", defaultValue = "2g,1g,512m,256m",
      description = "-Xmx values for --serve-heap, largest first (default: ${DEFAULT-VALUE})")
  List<String> heaps;

  @Option(names = "--baseline-sample", paramLabel = "N", defaultValue = "100000",
      description = "On a larger corpus, run the baselines (and Broadsheet, for the ratios) on a seeded sample "
          + "of N articles, and the query mix on it too (default: ${DEFAULT-VALUE})")
  int baselineSample;
  @Option(names = "--opensearch", paramLabel = "URL", description = "Also ingest the corpus (without extraction) "
      + "into this OpenSearch cluster and run the same query mix on it, side by side (issue 16)")
  String opensearch;
  @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder for the indexes (default: temporary, deleted)")
  Path work;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the JSON goes (default: target/bench)")
  Path out;

  @Option(names = "--query-only", description = "Only run the query mix in process on --index and print JSON (used by --serve-heap)")
  boolean queryOnly;

  @Option(names = "--index", paramLabel = "DIR", description = "The index for --query-only")
  Path index;

  @Option(names = "--vs-lucene-facets",
      description = "With --query-only: the mix against a minimal Lucene program with facet counts, interleaved")
  boolean vsLuceneFacets;

  @Option(names = "--growth-from", paramLabel = "DIR",
      description = "With --query-only: the same mix on this smaller index and on --index, alternating query by query "
          + "(how latency grows with the archive)")
  Path growthFrom;

  @Option(names = "--exact-counts-up-to", paramLabel = "N", defaultValue = "100000",
      description = "Searches matching more articles than this are counted on a sample (default: the product's, ${DEFAULT-VALUE})")
  long exactCountsUpTo;

  public static void main(String[] args) {
    System.exit(BroadsheetCommand.commandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (queryOnly) {
      if (index == null) {
        System.err.println("broadsheet: --query-only needs --index DIR");
        return 1;
      }
      Map<String, Object> r = growthFrom != null
          ? QueryBench.growth(growthFrom, index, seed, queries, warmup, exactCountsUpTo, System.err)
          : vsLuceneFacets ? vsLuceneFacets(index, seed, queries, exactCountsUpTo)
          : ServeHeap.queryOnly(index, seed, queries, warmup, exactCountsUpTo);
      System.out.println(Json.mapper().writeValueAsString(r));
      return 0;
    }
    if (corpus == null && generate <= 0) {
      System.err.println("broadsheet: give --corpus DIR or --generate N");
      return 1;
    }
    Path outDir = out != null ? out : defaultOut();
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    Benchmark.Config config = new Benchmark.Config(corpus, generate, generateDir, format, seed, t, extractSample,
        queries, warmup, clients, variantSample, serveHeap ? heaps : List.of(), work, outDir, baselineSample,
        opensearch == null ? null : org.broadsheet.opensearch.OpenSearchTarget.parse(opensearch));
    Map<String, Object> r = new Benchmark(config, System.err).run();
    System.out.print(Benchmark.table(r));
    System.out.println("JSON: " + r.get("json"));
    return 0;
  }

  private static Map<String, Object> vsLuceneFacets(Path index, long seed, int queries, long exactCountsUpTo)
      throws java.io.IOException {
    try (org.broadsheet.Broadsheet b = QueryBench.open(index, exactCountsUpTo)) {
      QueryMix mix = QueryMix.build(b, index.resolve("lucene"), seed, queries);
      Map<String, Object> r = new java.util.LinkedHashMap<>();
      r.put("load_average_before", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      r.putAll(LuceneFacetsBaseline.compare(b, index.resolve("lucene"), mix));
      r.put("load_average_after", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      return r;
    }
  }

  private static Path defaultOut() {
    String home = System.getProperty("broadsheet.home");
    return home != null ? Path.of(home, "target", "bench") : Path.of("target", "bench");
  }
}
