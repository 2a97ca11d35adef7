package org.broadsheet.search;

/** Waits, without sleeping, until a thread blocks (parked in a wait) or ends. */
final class Waiting {
  private Waiting() {
  }

  /** The state {@code t} is in once it waits or has ended: WAITING, TIMED_WAITING or TERMINATED. */
  static Thread.State blockedOrEnded(Thread t) {
    while (true) {
      Thread.State s = t.getState();
      if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) {
        return s;
      }
      Thread.onSpinWait();
    }
  }
}
