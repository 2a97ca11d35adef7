package org.broadsheet.search;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Computed results of one index reader, by request: a reader paging back, a popular search
 * or a facet list asked for again is answered without searching. Requests for the same
 * result that arrive while it is being computed wait for that one computation instead of
 * each running it. Belongs to one reader and is dropped with it, so a commit is seen at once.
 */
final class ResultCache {
  /** Null when the cache is turned off. */
  private final AsyncCache<Object, Object> cache;

  ResultCache(int megabytes) {
    this.cache = megabytes == 0 ? null : Caffeine.newBuilder()
        .maximumWeight(megabytes * 1024L)
        .weigher((Object key, Object value) -> kilobytes(value))
        .executor(Runnable::run) // evict on the caller's thread, no pool of our own
        .buildAsync();
  }

  /** The cached result for {@code key}, or {@code compute}'s, which is then cached unless it throws. */
  @SuppressWarnings("unchecked")
  <T> T get(Object key, SearchSlots.Work<T> compute) throws IOException {
    if (cache == null) {
      return compute.run();
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> theirs = cache.asMap().putIfAbsent(key, mine);
    if (theirs != null) {
      return (T) join(theirs);
    }
    try {
      T value = compute.run();
      mine.complete(value);
      return value;
    } catch (IOException | RuntimeException | Error e) {
      // Dropped, so a later request tries again. Completed normally with the failure inside, not
      // exceptionally: Caffeine logs a stack trace for every failed future, and a bad query is not
      // worth one.
      cache.asMap().remove(key, mine);
      mine.complete(new Failed(e));
      throw e;
    }
  }

  /** A computation that threw: what the requests waiting for it throw too. */
  private record Failed(Throwable cause) {
  }

  private static Object join(CompletableFuture<Object> f) throws IOException {
    try {
      Object value = f.join();
      if (value instanceof Failed failed) {
        throw new CompletionException(failed.cause());
      }
      return value;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /**
   * A generous estimate of a result's heap size in KB: a page's facets and timeline about
   * 4 KB, each hit (title, two snippets, entity lists) about 2 KB, a facet value 0.1 KB.
   */
  private static int kilobytes(Object value) {
    return switch (value) {
      case SearchResult r -> 4 + 2 * r.hits().size() + r.map().size() / 10;
      case java.util.Optional<?> o -> o.isPresent() && o.get() instanceof EntityPage e ? 8 + 2 * e.articles().size() : 1;
      case List<?> values -> 1 + values.size() / 10;
      default -> 4;
    };
  }
}
