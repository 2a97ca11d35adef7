package org.broadsheet.index;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.broadsheet.ingest.ParseOverrun;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.ingest.SourceFile;

/**
 * The worker threads of an indexing run: each file's task (parse, extract, write) runs whole on
 * one of them, the parse included ({@link org.broadsheet.ingest.ArticleParser#parseHere}). A task
 * whose parse ignores the timeout's interrupt is given up when the parser reports it overrun: it
 * is returned failed, with the parser's timeout, and a new thread takes its place, so the files
 * after it keep every core. Used by one thread, the run's; thread-safe toward its workers.
 *
 * @param <T> what a task returns
 */
public final class Workers<T> implements AutoCloseable {
  /** How often {@link #take} asks the parser for overrun parses, whether or not other tasks finish. */
  private static final long CHECK_MILLIS = 1_000;

  private final ThreadPoolExecutor pool;
  private final Supplier<Map<Thread, SkippedFileException>> overrun;
  private final BlockingQueue<Task<T>> finished = new LinkedBlockingQueue<>();
  private final Set<Task<T>> running = ConcurrentHashMap.newKeySet();
  private long nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS);

  /** A task finished (or given up): its file and its result. */
  public record Done<T>(SourceFile file, Future<T> result) {
  }

  private static final class Task<T> {
    final SourceFile file;
    final CompletableFuture<T> result = new CompletableFuture<>();
    volatile Thread thread;

    Task(SourceFile file) {
      this.file = file;
    }
  }

  /**
   * @param threads the workers
   * @param overrun the parser's overrun parses ({@link org.broadsheet.ingest.ArticleParser#overrun}): thread → the failure to report
   */
  public Workers(int threads, Supplier<Map<Thread, SkippedFileException>> overrun) {
    int n = Math.max(1, threads);
    this.pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "indexer");
      t.setDaemon(true);
      return t;
    });
    this.overrun = overrun;
  }

  /** Runs {@code work} for {@code file} on a worker. */
  public void submit(SourceFile file, Callable<T> work) {
    Task<T> task = new Task<>(file);
    task.result.whenComplete((v, e) -> finished.add(task)); // once: by the worker, or by the give-up
    pool.execute(() -> {
      task.thread = Thread.currentThread();
      running.add(task);
      try {
        task.result.complete(work.call());
      } catch (ParseOverrun e) {
        // given up already: reported, and replaced
      } catch (Throwable e) {
        task.result.completeExceptionally(e);
      } finally {
        running.remove(task);
        task.thread = null;
      }
    });
  }

  /** The next task to finish; one whose parse overran comes back failed with its timeout. */
  public Done<T> take() throws InterruptedException {
    while (true) {
      // On the clock, not only when nothing finishes: while the other workers keep finishing files, a
      // stuck one would otherwise be given up, and its thread replaced, only once they run out of work.
      if (System.nanoTime() - nextCheck >= 0) {
        giveUpOverrunParses();
        nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS);
      }
      Task<T> t = finished.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
      if (t != null) {
        return new Done<>(t.file, t.result);
      }
    }
  }

  private void giveUpOverrunParses() {
    Map<Thread, SkippedFileException> stuck = overrun.get();
    if (stuck.isEmpty()) {
      return;
    }
    for (Task<T> r : running) {
      SkippedFileException e = stuck.get(r.thread);
      if (e != null && r.result.completeExceptionally(e)) {
        // Its thread is lost to the parse: one more keeps the rest of the run at full strength.
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
      }
    }
  }

  /**
   * Runs {@code job} on {@code copies} workers at once and waits for them all: work that is done
   * faster by several threads than by the run's one (the last segments' flush).
   */
  public void together(int copies, Callable<?> job) throws InterruptedException, ExecutionException {
    for (Future<?> f : pool.invokeAll(java.util.Collections.nCopies(copies, job))) {
      f.get();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
