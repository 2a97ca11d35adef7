package org.broadsheet.index;

import java.time.Duration;

/**
 * How an indexing run behaves.
 *
 * @param threads        parse and extraction threads; default: every core, as parsing and NER are CPU-bound
 * @param commitInterval how often an incremental run commits, so a crash loses at most this much work;
 *                       30 s keeps commit overhead small next to parsing while bounding the loss
 * @param extract        run entity extraction; off gives a text-only index (faster, no entity facets)
 * @param followLinks    follow symbolic links inside the roots; off by default, so that nothing outside
 *                       the paths given is read unless the user asks for it
 */
public record IndexSettings(int threads, Duration commitInterval, boolean extract, boolean followLinks) {
  public IndexSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
    }
  }

  public static IndexSettings defaults() {
    return new IndexSettings(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(30), true, false);
  }

  public IndexSettings withThreads(int n) {
    return new IndexSettings(n, commitInterval, extract, followLinks);
  }

  public IndexSettings withExtract(boolean on) {
    return new IndexSettings(threads, commitInterval, on, followLinks);
  }

  public IndexSettings withCommitInterval(Duration d) {
    return new IndexSettings(threads, d, extract, followLinks);
  }

  public IndexSettings withFollowLinks(boolean on) {
    return new IndexSettings(threads, commitInterval, extract, on);
  }
}
