package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * At most N searches run at once; the rest wait their turn, and give up with "busy" after the timeout.
 * No sleeps: the searches inside hold their slots on latches until the test lets them go.
 */
class SearchSlotsTest {
  @Test
  void noMoreThanTheSlotsRunAtOnce() throws Exception {
    // Two slots, eight requests. The two that get in hold their slots until all six others have
    // given up (their 300 ms wait runs out), so a third request getting in is never hidden by timing:
    // it would be counted, and six "busy" would never come.
    SearchSlots slots = new SearchSlots(2, Duration.ofMillis(300));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch busy = new CountDownLatch(6);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        done.add(pool.submit(() -> {
          try {
            return slots.inTurn(() -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                go.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              running.decrementAndGet();
              return "ran";
            });
          } catch (SearchBusyException e) {
            busy.countDown();
            return "busy";
          }
        }));
      }
      assertTrue(busy.await(30, TimeUnit.SECONDS), "six requests are told the server is busy; "
          + most.get() + " ran at once");
      assertEquals(2, running.get(), "two hold the slots");
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : done) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(2, results.stream().filter("ran"::equals).count(), results.toString());
      assertEquals(2, most.get());
      assertEquals("free again", slots.inTurn(() -> "free again"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestWaitsForASlotAndRunsWhenOneIsFree() throws Exception {
    SearchSlots slots = new SearchSlots(1, Duration.ofMinutes(5));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holderDone = new AtomicBoolean();
    Thread holder = new Thread(() -> {
      try {
        slots.inTurn(() -> {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          holderDone.set(true);
          return null;
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    holder.start();
    assertTrue(holding.await(30, TimeUnit.SECONDS));

    AtomicReference<Object> waiterGot = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        waiterGot.set(slots.inTurn(() -> holderDone.get() ? "ran after the holder" : "ran beside the holder"));
      } catch (Exception e) {
        waiterGot.set(e);
      }
    });
    waiter.start();
    // Neither let in beside the holder nor turned away: blocked, waiting for the slot.
    assertNotEquals(Thread.State.TERMINATED, Waiting.blockedOrEnded(waiter), "answered while the slot was taken: "
        + waiterGot.get());
    release.countDown();
    waiter.join();
    holder.join();
    assertEquals("ran after the holder", waiterGot.get());
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
    assertTrue(holding.await(30, TimeUnit.SECONDS));
    SearchBusyException busy = assertThrows(SearchBusyException.class, () -> slots.inTurn(() -> "never run"));
    assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
    release.countDown();
    holder.join();
    assertEquals("runs once free", slots.inTurn(() -> "runs once free"));
  }
}
