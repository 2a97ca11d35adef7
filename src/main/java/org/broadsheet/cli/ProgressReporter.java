package org.broadsheet.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.ingest.SkippedFileException;

/**
 * Shows an indexing run: a progress bar (files done, files/s, ETA) on a terminal, a
 * plain line every few seconds otherwise, and the closing summary.
 */
final class ProgressReporter implements IndexListener {
  /** How often a log line is written when not on a terminal. */
  private static final long LOG_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private ProgressBar bar;
  private final AtomicInteger done = new AtomicInteger();
  private int total;
  private long started;
  private volatile long lastLog;

  ProgressReporter(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void started(int files) {
    total = files;
    out.printf("indexing %d files%n", files);
  }

  /**
   * The clock and the bar start with the first file done, not with the run: the first file waits for
   * Tika and the NER models to load (tens of seconds), which would make every rate and time left
   * shown after it far too pessimistic.
   */
  @Override
  public synchronized void fileDone(String id, IndexReport.Outcome outcome) {
    int n = done.incrementAndGet();
    long now = System.nanoTime();
    if (n == 1) {
      started = now;
      lastLog = now;
      if (terminal) {
        bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setUnit(" files", 1).showSpeed().setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
            .build();
      }
    }
    if (bar != null) {
      bar.step();
      return;
    }
    if (now - lastLog >= LOG_EVERY_NANOS) {
      lastLog = now;
      double secs = (now - started) / 1e9;
      double rate = (n - 1) / Math.max(secs, 1e-9);
      long eta = Math.round((total - n) / Math.max(rate, 1e-9));
      out.printf("%d/%d files, %.1f files/s, about %d s left%n", n, total, rate, eta);
    }
  }

  @Override
  public void skipped(SkippedFileException e) {
    if (bar == null) {
      out.printf("skipped %s: %s%n", e.file(), e.getMessage());
    }
  }

  @Override
  public void finished(IndexReport r) {
    if (bar != null) {
      bar.close();
    }
    double secs = r.elapsed().toMillis() / 1000.0;
    out.printf("%nindexed %d, unchanged %d, deleted %d, failed %d in %.1f s (%.1f files/s)%n",
        r.indexed(), r.unchanged(), r.deleted(), r.failed(), secs,
        (r.indexed() + r.unchanged()) / Math.max(secs, 0.001));
    if (r.aliases() != null && r.aliases().changed() > 0) {
      out.printf("archive-wide aliases: %d (%d changed), %d articles rewritten%n",
          r.aliases().aliases(), r.aliases().changed(), r.aliases().rewritten());
    }
    if (r.failed() > 0) {
      StringBuilder kinds = new StringBuilder();
      r.failuresByKind().forEach((kind, count) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(kind).append(' ').append(count));
      out.println("failures by kind: " + kinds);
      for (IndexReport.Failure f : r.failures()) {
        out.printf("  %s: %s (%s)%n", f.file(), f.reason(), f.kind());
      }
    }
  }
}
