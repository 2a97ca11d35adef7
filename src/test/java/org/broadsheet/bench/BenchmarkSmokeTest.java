package org.broadsheet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small run of the benchmark: the figures are all there and sane. Timings are never asserted. */
@Tag("slow")
class BenchmarkSmokeTest {
  @TempDir
  Path tmp;

  @Test
  void generatesACorpusAndWritesEveryFigureAsJson() throws Exception {
    Benchmark.Config config = new Benchmark.Config(null, 50, tmp.resolve("corpus"), CorpusGenerator.Format.MIXED, 7,
        2, 0, 80, 20, 2, 20, List.of(), tmp.resolve("work"), tmp.resolve("out"), 30, null);
    new Benchmark(config, new PrintStream(new ByteArrayOutputStream())).run();

    JsonNode r = new ObjectMapper().readTree(tmp.resolve("out").resolve("latest.json").toFile());
    for (String key : List.of("date", "cores", "jdk", "ratios", "corpus", "ingest_without_extraction", "reindex_unchanged",
        "index_size", "query_latency", "body_offsets")) {
      assertTrue(r.has(key), "missing " + key + " in " + r);
    }
    assertEquals(50, r.at("/corpus/files").asInt());
    JsonNode ingest = r.get("ingest_without_extraction");
    assertEquals(50, ingest.get("articles").asInt());
    assertEquals(0, ingest.get("failed").asInt());
    assertTrue(ingest.get("ratio").asDouble() > 0);
    assertEquals(30, ingest.get("tika_lucene_articles").asInt(), "the Tika + Lucene baseline reads the sample");
    assertEquals(30, ingest.get("sample_articles").asInt(), "and Broadsheet is timed on the same sample");
    assertEquals(30, r.at("/query_growth/sample_articles").asInt());
    assertEquals(50, r.at("/query_growth/corpus_articles").asInt());
    assertTrue(r.at("/query_growth/p99_growth").asDouble() > 0);
    assertEquals(ingest.get("ratio").asDouble(), r.at("/ratios/ingest_vs_tika_lucene").asDouble());
    assertTrue(r.at("/ratios/reindex_speedup").asDouble() > 0);
    assertEquals(50, r.at("/reindex_unchanged/unchanged").asInt());
    assertEquals(0, r.at("/reindex_unchanged/indexed").asInt());
    assertTrue(r.at("/index_size/broadsheet_bytes_per_article").asLong() > 0);
    // Both variants of the body's postings hold every article: offsets add to the index, but do not double
    // it (a variant that failed to index once measured as a near-empty, fast index).
    long withOffsets = r.at("/body_offsets/with_offsets_bytes_per_article").asLong();
    long withoutOffsets = r.at("/body_offsets/without_offsets_bytes_per_article").asLong();
    assertTrue(withOffsets > withoutOffsets && 2 * withoutOffsets > withOffsets, r.get("body_offsets").toString());
    JsonNode q = r.get("query_latency");
    assertEquals(60, q.at("/in_process/count").asInt());
    assertEquals(0, q.at("/in_process/errors").asInt());
    assertEquals(0, q.at("/http/errors").asInt(), q.at("/http/first_error").asText());
    assertEquals(60, q.at("/http/count").asInt());
    assertTrue(q.at("/in_process/p99_ms").asDouble() >= q.at("/in_process/p50_ms").asDouble());
    // The minimal Lucene program answers the same queries: same totals, every query timed on both sides.
    assertEquals(80, q.at("/vs_lucene_facets/broadsheet/count").asInt());
    assertEquals(80, q.at("/vs_lucene_facets/lucene_facets/count").asInt());
    assertEquals(0, q.at("/vs_lucene_facets/totals_differing").asInt());
    assertTrue(r.at("/ratios/query_p99_vs_lucene_facets").asDouble() > 0);
  }

  @Test
  void theSameSeedWritesTheSameCorpus() throws Exception {
    var a = new CorpusGenerator(3, CorpusGenerator.Format.MIXED).write(tmp.resolve("a"), 5);
    var b = new CorpusGenerator(3, CorpusGenerator.Format.MIXED).write(tmp.resolve("b"), 5);
    assertEquals(a.bytes(), b.bytes());
    try (var files = Files.walk(tmp.resolve("a"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path other = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f));
        assertEquals(Files.readString(f), Files.readString(other));
        long words = Files.readString(f).replaceAll("<[^>]+>", " ").split("\\s+").length;
        assertTrue(words >= 300 && words <= 1_100, f + " has " + words + " words");
      }
    }
  }
}
