package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** At most N searches run at once; the rest wait their turn, and give up with "busy" after the timeout. */
class SearchSlotsTest {
  @Test
  void noMoreThanTheSlotsRunAtOnce() throws Exception {
    SearchSlots slots = new SearchSlots(2, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        done.add(pool.submit(() -> slots.inTurn(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            go.await();
            Thread.sleep(20);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          running.decrementAndGet();
          return n;
        })));
      }
      Thread.sleep(200); // every task has asked for a slot by now
      assertEquals(2, running.get(), "two running, six waiting");
      go.countDown();
      for (int i = 0; i < 8; i++) {
        assertEquals(i, done.get(i).get(10, TimeUnit.SECONDS), "every request is answered");
      }
      assertEquals(2, most.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestThatWaitsTooLongIsToldTheServerIsBusy() throws Exception {
    SearchSlots slots = new SearchSlots(1, Duration.ofMillis(100));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try {
        slots.inTurn(() -> {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    holder.start();
    assertTrue(holding.await(5, TimeUnit.SECONDS));
    SearchBusyException busy = assertThrows(SearchBusyException.class, () -> slots.inTurn(() -> "never run"));
    assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
    release.countDown();
    holder.join();
    assertEquals("runs once free", slots.inTurn(() -> "runs once free"));
  }
}
