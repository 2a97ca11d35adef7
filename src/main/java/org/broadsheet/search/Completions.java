package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexReader;
import org.slf4j.LoggerFactory;

/**
 * The search box's completions, kept current with the index: a {@link CompletionIndex} is built
 * for each new reader on a thread of its own, when a refresh brings the reader (once anyone has asked
 * for completions), and look-ups answer from the newest one built. Only the very first look-up waits
 * for a build; after a commit, look-ups answer from the previous reader's until the new one is ready.
 */
final class Completions implements AutoCloseable {
  /** Builds the completions of the reader current when it runs. */
  interface Builder {
    Built build() throws IOException;
  }

  /** A reader's completions. */
  record Built(IndexReader reader, CompletionIndex index) {
  }

  private final Builder builder;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "completions");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean queued = new AtomicBoolean();
  private final CompletableFuture<Built> first = new CompletableFuture<>();
  private volatile Built current;
  private volatile boolean used;

  Completions(Builder builder) {
    this.builder = builder;
  }

  /** Completions of {@code prefix} from the newest index built; builds the first one if there is none. */
  List<Completion> lookup(IndexReader reader, String prefix, int limit) throws IOException {
    used = true;
    Built b = current;
    if (b == null || b.reader() != reader) {
      rebuild();
    }
    if (b == null) {
      try {
        b = first.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while building completions", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
    }
    return b.index().lookup(prefix, limit);
  }

  /** A reader came: build its completions, if completions are in use and no build is waiting. */
  void readerChanged() {
    if (used) {
      rebuild();
    }
  }

  private void rebuild() {
    if (!queued.compareAndSet(false, true)) {
      return; // a build that will see the newest reader is waiting
    }
    thread.execute(() -> {
      queued.set(false);
      try {
        Built b = builder.build();
        current = b;
        first.complete(b);
      } catch (IOException | UncheckedIOException | org.apache.lucene.store.AlreadyClosedException e) {
        LoggerFactory.getLogger(Completions.class).warn("building completions failed: {}", e.toString());
        if (current == null) {
          first.completeExceptionally(e instanceof IOException ? e : new IOException(e));
        }
      }
    });
  }

  /** Stops building, and waits (a few seconds at most) for a build in progress to let go of its searcher. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
