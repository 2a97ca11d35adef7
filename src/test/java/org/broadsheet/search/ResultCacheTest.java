package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Results computed once per request; failures are not kept; turned off, every request computes. */
class ResultCacheTest {
  private static SearchResult result(String q) {
    return new SearchResult(q, 1, 1, 10, 5, List.of(), java.util.Map.of(), new SearchResult.Histogram("year", List.of()));
  }

  @Test
  void aRepeatedRequestIsAnsweredFromTheCache() throws Exception {
    ResultCache cache = new ResultCache(1);
    AtomicInteger computed = new AtomicInteger();
    SearchResult first = cache.get(SearchRequest.of("oil"), () -> {
      computed.incrementAndGet();
      return result("oil");
    });
    SearchResult again = cache.get(SearchRequest.of("oil"), () -> {
      computed.incrementAndGet();
      return result("oil");
    });
    assertSame(first, again);
    assertEquals(1, computed.get());
    cache.get(SearchRequest.of("gas"), () -> {
      computed.incrementAndGet();
      return result("gas");
    });
    assertEquals(2, computed.get(), "another request is computed");
  }

  @Test
  void requestsArrivingDuringAComputationWaitForIt() throws Exception {
    ResultCache cache = new ResultCache(1);
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<SearchResult> first = CompletableFuture.supplyAsync(() -> {
      try {
        return cache.get(SearchRequest.of("oil"), () -> {
          computed.incrementAndGet();
          started.countDown();
          try {
            finish.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return result("oil");
        });
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertTrue(started.await(5, TimeUnit.SECONDS));
    CompletableFuture<SearchResult> second = CompletableFuture.supplyAsync(() -> {
      try {
        return cache.get(SearchRequest.of("oil"), () -> {
          computed.incrementAndGet();
          return result("oil, again");
        });
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Thread.sleep(100);
    assertTrue(!second.isDone(), "the second waits for the first computation");
    finish.countDown();
    assertSame(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
    assertEquals(1, computed.get());
  }

  @Test
  void aFailedRequestIsNotKept() throws Exception {
    ResultCache cache = new ResultCache(1);
    assertThrows(BadQueryException.class, () -> cache.get(SearchRequest.of("oil"), () -> {
      throw new BadQueryException("no");
    }));
    assertEquals("oil", cache.get(SearchRequest.of("oil"), () -> result("oil")).query());
  }

  @Test
  void turnedOffEveryRequestComputes() throws Exception {
    ResultCache cache = new ResultCache(0);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      cache.get(SearchRequest.of("oil"), () -> {
        computed.incrementAndGet();
        return result("oil");
      });
    }
    assertEquals(3, computed.get());
  }
}
