package org.broadsheet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.Broadsheet;

/**
 * The smallest heap that serves the index at its p99: the same query mix in child JVMs with
 * decreasing -Xmx ({@code bench --query-only}), compared with the largest heap's p99. A heap
 * "keeps" the p99 when the child finishes without error and its p99 is within 1.5 times the
 * largest heap's (a margin for a shared, noisy machine).
 */
public final class ServeHeap {
  private ServeHeap() {
  }

  /** What a {@code --query-only} child does: the mix in process on one thread, as JSON. */
  public static Map<String, Object> queryOnly(Path index, long seed, int queries, int warmup, long exactCountsUpTo)
      throws IOException {
    try (Broadsheet b = QueryBench.open(index, exactCountsUpTo)) {
      QueryMix mix = QueryMix.build(b, index.resolve("lucene"), seed, queries);
      Map<String, Object> m = QueryBench.inProcess(b, mix, warmup, 1);
      m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576);
      m.put("index_bytes", IngestBench.sizeOf(index.resolve("lucene")));
      return m;
    }
  }

  static Map<String, Object> run(Path index, List<String> heaps, long seed, int queries, int warmup, PrintStream log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("java.class.path");
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> children = new LinkedHashMap<>();
    Double reference = null;
    String smallest = null;
    for (String heap : heaps) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
          "-cp", classpath, BenchCommand.class.getName(), "bench", "--query-only",
          "--index", index.toString(), "--seed", Long.toString(seed), "--queries", Integer.toString(queries),
          "--warmup", Integer.toString(warmup)));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code;
      try {
        code = p.waitFor();
      } catch (InterruptedException e) {
        p.destroy();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      Map<String, Object> child = new LinkedHashMap<>();
      child.put("exit", code);
      Double p99 = null;
      if (code == 0) {
        String last = stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
        @SuppressWarnings("unchecked")
        Map<String, Object> res = new ObjectMapper().readValue(last, Map.class);
        child.putAll(res);
        if (((Number) res.getOrDefault("errors", 0)).intValue() == 0) {
          p99 = ((Number) res.get("p99_ms")).doubleValue();
        }
      }
      if (reference == null && p99 != null) {
        reference = p99;
      }
      boolean keeps = p99 != null && reference != null && p99 <= 1.5 * reference;
      child.put("keeps_p99", keeps);
      children.put(heap, child);
      log.printf("  -Xmx%s: exit %d, p99 %s ms%n", heap, code, p99);
      if (keeps) {
        smallest = heap;
      } else {
        break; // smaller heaps will not do better
      }
    }
    out.put("children", children);
    out.put("smallest_xmx_keeping_p99", smallest);
    out.put("rule", "p99 within 1.5x of the largest heap's p99, no errors");
    return out;
  }
}
