package org.broadsheet.index;

import java.time.Duration;

/**
 * How an indexing run behaves.
 *
 * @param threads        parse and extraction threads; default: every core, as parsing and NER are CPU-bound
 * @param commitInterval how often an incremental run commits, so a crash loses at most this much work;
 *                       30 s keeps commit overhead small next to parsing while bounding the loss
 * @param extract        run entity extraction; off gives a text-only index (faster, no entity facets)
 */
public record IndexSettings(int threads, Duration commitInterval, boolean extract) {
  public static IndexSettings defaults() {
    return new IndexSettings(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(30), true);
  }

  public IndexSettings withThreads(int n) {
    return new IndexSettings(n, commitInterval, extract);
  }

  public IndexSettings withExtract(boolean on) {
    return new IndexSettings(threads, commitInterval, on);
  }

  public IndexSettings withCommitInterval(Duration d) {
    return new IndexSettings(threads, d, extract);
  }
}
