package org.broadsheet.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.LoggerFactory;

/**
 * The index directory and its searcher manager. A background refresh picks up whatever an
 * indexing run commits within a second, so the server never needs restarting.
 */
final class SearcherLifecycle implements AutoCloseable {
  /** Work done with one acquired searcher. */
  interface Work<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private final Directory dir;
  private final SearcherManager manager;
  private final ScheduledExecutorService refresher;

  SearcherLifecycle(Path luceneDir) throws IOException {
    this.dir = FSDirectory.open(luceneDir);
    try {
      this.manager = new SearcherManager(dir, null);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "searcher-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /** Calls {@code listener} after each refresh that brought a new reader (on the refreshing thread). */
  void onNewReader(Runnable listener) {
    manager.addListener(new org.apache.lucene.search.ReferenceManager.RefreshListener() {
      @Override
      public void beforeRefresh() {
      }

      @Override
      public void afterRefresh(boolean didRefresh) {
        if (didRefresh) {
          listener.run();
        }
      }
    });
  }

  /** Runs {@code work} with the current searcher, released afterwards. */
  <T> T withSearcher(Work<T> work) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return work.run(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /** Sees the latest commit now rather than within a second. */
  void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(SearcherLifecycle.class).warn("index refresh failed: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      // A refresh in flight must finish before the manager it uses is closed.
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (dir) {
      manager.close();
    }
  }
}
