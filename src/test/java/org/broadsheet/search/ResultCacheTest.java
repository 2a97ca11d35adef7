package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Results computed once per request; failures are not kept; turned off, every request computes. */
class ResultCacheTest {
  private static SearchResult result(String q) {
    return new SearchResult(q, 1, 1, 10, 5, List.of(), java.util.Map.of(), new SearchResult.Histogram("year", List.of()), List.of());
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
    AtomicReference<Object> first = new AtomicReference<>();
    AtomicReference<Object> second = new AtomicReference<>();
    // Threads of our own: on a small machine the common pool runs one task at a time, and the
    // second request would only start once the first had finished.
    Thread firstThread = new Thread(() -> first.set(get(cache, "oil", () -> {
      computed.incrementAndGet();
      started.countDown();
      finish.await();
      return result("oil");
    })));
    firstThread.start();
    assertTrue(started.await(30, TimeUnit.SECONDS));
    Thread secondThread = new Thread(() -> second.set(get(cache, "oil", () -> {
      computed.incrementAndGet();
      return result("oil, computed again");
    })));
    secondThread.start();
    // The first is still computing (it waits for finish): the second must wait for it, not compute.
    assertNotEquals(Thread.State.TERMINATED, Waiting.blockedOrEnded(secondThread),
        "the second did not wait for the first computation: " + second.get());
    finish.countDown();
    firstThread.join();
    secondThread.join();
    assertTrue(first.get() instanceof SearchResult, String.valueOf(first.get()));
    assertSame(first.get(), second.get());
    assertEquals(1, computed.get());
  }

  /** A cache lookup from a thread of the test's: the result, or what it threw. */
  private static Object get(ResultCache cache, String q, java.util.concurrent.Callable<SearchResult> compute) {
    try {
      return cache.get(SearchRequest.of(q), () -> {
        try {
          return compute.call();
        } catch (RuntimeException | java.io.IOException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (Exception | Error e) {
      return e;
    }
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
