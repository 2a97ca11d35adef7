package org.broadsheet.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The parses running on their callers' own threads ({@link ArticleParser#parseHere}), and their
 * alarms: a parse is interrupted at the timeout, as one on the parser's own threads is, and one
 * still running {@code grace} later has ignored the interrupt and is given up ({@link #overrun}):
 * the run reports its file, replaces its thread, and the parse, should it ever return, ends in
 * {@link ParseOverrun}. Thread-safe.
 */
final class InlineParses implements AutoCloseable {
  private final Duration timeout;
  private final Duration grace;
  private final Map<Thread, Running> running = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "parse-alarm");
    t.setDaemon(true);
    return t;
  });

  InlineParses(Duration timeout, Duration grace) {
    this.timeout = timeout;
    this.grace = grace;
    alarms.setRemoveOnCancelPolicy(true); // an alarm cancelled is gone, not kept until it would have rung
  }

  /** One parse on the calling thread, from now until {@link Running#end}. */
  Running start(Path file) {
    Running r = new Running(Thread.currentThread(), file);
    running.put(r.thread, r);
    r.alarm = alarms.schedule(r::ring, timeout.toNanos(), TimeUnit.NANOSECONDS);
    return r;
  }

  /** The threads of the parses still running {@code grace} after their alarm, and their files: given up now. */
  Map<Thread, Path> overrun() {
    long late = timeout.plus(grace).toNanos();
    Map<Thread, Path> out = new HashMap<>();
    for (Running r : running.values()) {
      if (System.nanoTime() - r.started > late && r.giveUp()) {
        out.put(r.thread, r.file);
      }
    }
    return out;
  }

  @Override
  public void close() {
    alarms.shutdownNow();
  }

  /** A parse on its caller's thread. */
  final class Running {
    private final Thread thread;
    private final Path file;
    private final long started = System.nanoTime();
    private ScheduledFuture<?> alarm;
    private boolean over;
    private boolean rang;
    private boolean givenUp;

    private Running(Thread thread, Path file) {
      this.thread = thread;
      this.file = file;
    }

    /** The alarm: interrupts the parse, and only while it runs (never the work its thread goes on to). */
    private synchronized void ring() {
      if (!over) {
        rang = true;
        thread.interrupt();
      }
    }

    private synchronized boolean giveUp() {
      if (over || givenUp) {
        return false;
      }
      givenUp = true;
      return true;
    }

    /**
     * On the parse's thread, when it returns or throws: no interrupt comes after this, and the
     * alarm's is cleared, so that the thread's next work (writing the index) is not interrupted.
     */
    void end() {
      alarm.cancel(false);
      synchronized (this) {
        over = true;
        if (rang) {
          Thread.interrupted();
        }
      }
      running.remove(thread);
    }

    /** Whether the alarm interrupted the parse. */
    synchronized boolean rang() {
      return rang;
    }

    /** Whether the run gave the parse up ({@link #overrun}): its file has been reported already. */
    synchronized boolean givenUp() {
      return givenUp;
    }
  }
}
