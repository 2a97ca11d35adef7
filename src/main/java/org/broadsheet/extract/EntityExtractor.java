package org.broadsheet.extract;

import org.broadsheet.ingest.Article;

/**
 * Finds the people, places, organisations and dates of an article. Implementations are
 * shared by all indexing threads, so {@link #extract} must be thread-safe.
 */
public interface EntityExtractor extends AutoCloseable {
  Extraction extract(Article article);

  /** A version string that changes whenever extraction would give different results; part of the cache key. */
  String version();

  @Override
  default void close() {
  }
}
