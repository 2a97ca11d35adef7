package org.broadsheet.search;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs at most N searches at once; the rest wait in arrival order (a fair semaphore).
 * Without it every request in flight shares the cores, and under load a search that takes
 * 50 ms alone takes 50 ms times the number in flight.
 */
final class SearchSlots {
  /** A piece of search work that may read the index. */
  interface Work<T> {
    T run() throws IOException;
  }

  private final Semaphore slots;
  private final Duration timeout;

  SearchSlots(int concurrent, Duration timeout) {
    this.slots = new Semaphore(concurrent, true);
    this.timeout = timeout;
  }

  <T> T inTurn(Work<T> work) throws IOException {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchBusyException("the search was interrupted while waiting for its turn");
    }
    if (!acquired) {
      throw new SearchBusyException("the server is busy: the search could not start within "
          + timeout.toSeconds() + " s; try again shortly");
    }
    try {
      return work.run();
    } finally {
      slots.release();
    }
  }
}
