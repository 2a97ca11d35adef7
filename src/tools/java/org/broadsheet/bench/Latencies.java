package org.broadsheet.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in nanoseconds, summarised as milliseconds. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int n;

  synchronized void add(long ns) {
    if (n == nanos.length) {
      nanos = Arrays.copyOf(nanos, n * 2);
    }
    nanos[n++] = ns;
  }

  synchronized int count() {
    return n;
  }

  synchronized double percentileMs(double p) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, i))] / 1e6;
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count());
    m.put("p50_ms", round(percentileMs(50)));
    m.put("p99_ms", round(percentileMs(99)));
    m.put("max_ms", round(percentileMs(100)));
    return m;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
