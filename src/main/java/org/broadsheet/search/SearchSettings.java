package org.broadsheet.search;

import java.time.Duration;

/**
 * How the searcher shares the machine among concurrent requests.
 *
 * @param concurrentSearches searches computed at once; default one per core. A search is CPU-bound
 *                           (postings, facet counting, highlighting), so more at once only share the
 *                           cores and stretch every one of them; the others wait their turn in
 *                           arrival order, so under load each request waits about as long as the
 *                           next instead of long searches taking many times their own time
 * @param queueTimeout       how long a request waits for its turn before it is answered "busy";
 *                           10 s is far beyond any wait at the load the server is built for (64 clients
 *                           on 2 cores wait well under a second) and frees the connection of a flood
 * @param cacheMegabytes     size of the cache of computed results (searches and facet lists), by
 *                           estimated size; 0 turns it off. The cache belongs to one index reader and is
 *                           dropped when a commit brings a new one, so it never serves stale results.
 *                           32 MB holds some thousands of result pages: the recent searches of many
 *                           readers, and every page a reader goes back to
 * @param exactCountsUpTo    a search matching more articles than this gives its total and facet counts
 *                           from a sample, as estimates, unless the request asks for them exactly
 *                           ({@link SearchRequest#exact()}); its page of hits is exact either way. Counting
 *                           every match in every facet is linear in the archive: 100,000 keeps a search
 *                           of a frequent word on a million articles near its cost on 100,000
 *                           ({@link BroadSearch}). {@code Long.MAX_VALUE}: always exact
 */
public record SearchSettings(int concurrentSearches, Duration queueTimeout, int cacheMegabytes,
                             long exactCountsUpTo) {
  /** Counts exact up to {@link #EXACT_COUNTS_UP_TO}. */
  public SearchSettings(int concurrentSearches, Duration queueTimeout, int cacheMegabytes) {
    this(concurrentSearches, queueTimeout, cacheMegabytes, EXACT_COUNTS_UP_TO);
  }

  /** The default of {@link #exactCountsUpTo()}. */
  public static final long EXACT_COUNTS_UP_TO = 100_000;

  public SearchSettings {
    if (concurrentSearches < 1) {
      throw new IllegalArgumentException("concurrentSearches must be 1 or more");
    }
    if (cacheMegabytes < 0) {
      throw new IllegalArgumentException("cacheMegabytes must be 0 or more");
    }
    if (exactCountsUpTo < 1) {
      throw new IllegalArgumentException("exactCountsUpTo must be 1 or more");
    }
  }

  public static SearchSettings defaults() {
    return new SearchSettings(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10), 32);
  }

  public SearchSettings withConcurrentSearches(int n) {
    return new SearchSettings(n, queueTimeout, cacheMegabytes, exactCountsUpTo);
  }

  public SearchSettings withCacheMegabytes(int mb) {
    return new SearchSettings(concurrentSearches, queueTimeout, mb, exactCountsUpTo);
  }

  public SearchSettings withExactCountsUpTo(long n) {
    return new SearchSettings(concurrentSearches, queueTimeout, cacheMegabytes, n);
  }
}
