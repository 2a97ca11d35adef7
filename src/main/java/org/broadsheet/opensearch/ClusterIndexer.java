package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.broadsheet.engine.IndexPipeline;
import org.broadsheet.index.ArchiveCorrections;
import org.broadsheet.index.Bookkeeping;
import org.broadsheet.index.Corrections;
import org.broadsheet.index.Deletions;
import org.broadsheet.index.Fields;
import org.broadsheet.index.FileRead;
import org.broadsheet.index.Workers;
import org.broadsheet.index.IndexListener;
import org.broadsheet.index.IndexReport;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.CorpusWalker;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.ingest.SourceFile;

/**
 * An indexing run into the cluster, with the embedded indexer's rules
 * ({@link org.broadsheet.index.ArchiveIndexer}): a file whose stamp is unchanged is not read, one whose
 * content hash is unchanged is not parsed (only its stamp is written), what leaves the index is
 * {@link Deletions}' rule. Files are read and their entities found on {@link org.broadsheet.index.IndexSettings#threads()}
 * threads; this thread hands the documents to the {@link BulkWriter}. The bookkeeping is in each
 * article's document, so it reaches the cluster with the article or not at all; every
 * commit interval the writes so far are flushed and made searchable, so a crash loses at most that
 * interval's work, which a rerun redoes (writes are by id: nothing is duplicated). A full run (or a
 * first one, or one over an index of an older schema) writes a new generation that replaces the old
 * only when complete ({@link ClusterIndex#publish}). One run at a time, from any machine ({@link ClusterLock}).
 *
 * <p>The archive's corrections come from the cluster ({@link ClusterCorrections}), and a run that
 * changed something ends, as the embedded one, by deriving the archive-wide aliases. Copies of one
 * story are grouped as the embedded index groups them ({@link ClusterCopyGroups}), by the writing thread, a batch
 * of articles at a time ({@link CopyBatch}), so that the reading threads never wait for the cluster.
 */
final class ClusterIndexer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterIndexer.class);
  private final OpenSearchClient client;
  private final ClusterIndex index;

  ClusterIndexer(OpenSearchClient client, ClusterIndex index) {
    this.client = client;
    this.index = index;
  }

  /** What one file's task hands to the writing thread: a document to group ({@code article}) and write, a stamp, a deletion. */
  private record Done(IndexReport.Outcome outcome, ObjectNode document, ClusterCopyGroups.Arrival article, String stamp,
                      boolean delete) {
    static Done unchanged() {
      return new Done(IndexReport.Outcome.UNCHANGED, null, null, null, false);
    }

    static Done failed(boolean delete) {
      return new Done(IndexReport.Outcome.FAILED, null, null, null, delete);
    }
  }

  /** @param corrections the archive's corrections in the cluster: read under the run's lock, the aliases derived at its end */
  IndexReport index(IndexPipeline pipeline, List<Path> roots, boolean full, IndexListener listener,
                    ClusterCorrections corrections) throws IOException {
    try (ClusterLock lock = ClusterLock.claim(client)) {
      return index(pipeline, roots, full, listener, corrections, lock);
    }
  }

  private IndexReport index(IndexPipeline pipeline, List<Path> roots, boolean full, IndexListener listener,
                            ClusterCorrections corrections, ClusterLock lock) throws IOException {
    long start = System.nanoTime();
    String current = index.current();
    String schema = current == null ? null : index.schema();
    List<Path> all = new ArrayList<>(roots);
    if (current != null && !full && !Fields.SCHEMA_VERSION.equals(schema)) {
      LOG.info("the index {} has an older schema; rebuilding it", client.target().location());
      index.roots().stream().map(ArticleId::file).filter(Files::exists).filter(r -> !all.contains(r)).forEach(all::add);
    }
    boolean rebuild = full || current == null || !Fields.SCHEMA_VERSION.equals(schema);
    if (rebuild) {
      index.dropOrphans(); // a rebuild killed before it published leaves its generation behind
    }
    String target = rebuild ? index.newGeneration() : current;
    try {
      ArchiveCorrections now = corrections.current(); // under the lock: a correction changes them only while it holds it
      IndexReport report = run(pipeline, all, rebuild ? Map.of() : index.bookkeeping(current), target, listener,
          now, start, lock, new ClusterCopyGroups(client, target, rebuild));
      ClusterAliasDerivation.Outcome derived = corrections.deriveAliases(target, now,
          rebuild || report.indexed() > 0 || report.deleted() > 0 || report.failed() > 0);
      if (rebuild) {
        index.publish(target);
      }
      corrections.keep(derived); // after the publication; never fails the run (the next one derives them again)
      if (derived != null) {
        report = new IndexReport(report.indexed(), report.unchanged(), report.deleted(), report.failures(),
            report.bytesParsed(), report.elapsed(), derived.run());
      }
      listener.finished(report);
      return report;
    } catch (IOException | RuntimeException e) {
      if (rebuild) {
        try {
          client.send("DELETE", "/" + target, null); // the half-built generation; the old one stays
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  private IndexReport run(IndexPipeline pipeline, List<Path> roots, Map<String, Bookkeeping> known, String target,
                          IndexListener listener, Corrections corrections, long start, ClusterLock lock,
                          ClusterCopyGroups groups) throws IOException {
    List<IndexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    Consumer<SkippedFileException> skip = e -> {
      failures.add(new IndexReport.Failure(e.file().toString(), e.kind(), e.getMessage()));
      listener.skipped(e);
    };
    CorpusWalker.Walk walk = CorpusWalker.walk(roots, pipeline.settings().followLinks(), Set.of(), skip);
    List<String> walkedFolders = Deletions.walkedFolders(walk, known);
    List<SourceFile> files = walk.files();
    listener.started(files.size());
    Map<String, String> seen = new ConcurrentHashMap<>(files.size() * 2);
    AtomicLong bytes = new AtomicLong();
    ArticleDocument documents = new ArticleDocument(corrections);
    BulkWriter writer = new BulkWriter(client, target);
    CopyBatch grouping = new CopyBatch(groups, writer);
    int indexed = 0;
    int unchanged = 0;
    Workers<Done> workers = new Workers<>(pipeline.settings().threads(), pipeline.parser()::overrun);
    try {
      int submitted = 0;
      for (SourceFile f : files) {
        Bookkeeping k = known.get(f.id());
        if (FileRead.unchanged(f, k, seen)) {
          unchanged++;
          listener.fileDone(f.id(), IndexReport.Outcome.UNCHANGED);
        } else {
          workers.submit(f, () -> readOne(pipeline, f, k, documents, skip, bytes, seen));
          submitted++;
        }
      }
      long lastCommit = System.nanoTime();
      for (int i = 0; i < submitted; i++) {
        Workers.Done<Done> next = workers.take();
        SourceFile f = next.file();
        Done d = FileRead.resultOf(next.result(), f, skip, Done.failed(false));
        boolean refreshNow = false;
        if (d.document() != null) {
          refreshNow = grouping.add(d.document(), d.article());
        } else if (d.stamp() != null) {
          writer.update(f.id(), client.json().createObjectNode().put(Fields.STAMP, d.stamp()));
        } else if (d.delete()) {
          writer.delete(f.id());
        }
        switch (d.outcome()) {
          case INDEXED -> indexed++;
          case UNCHANGED -> unchanged++;
          default -> { }
        }
        listener.fileDone(f.id(), d.outcome());
        if (refreshNow
            || Duration.ofNanos(System.nanoTime() - lastCommit).compareTo(pipeline.settings().commitInterval()) >= 0) {
          grouping.flush();
          writer.flush();
          index.refresh(target);
          groups.refreshed(); // the grouping may let go of what the cluster shows now
          lock.renew();
          lastCommit = System.nanoTime();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing interrupted", e);
    } finally {
      workers.close();
    }
    grouping.flush();
    Set<String> gone = Deletions.of(known, seen, walkedFolders, walk.unreadable(), Deletions::fileGone);
    for (String id : gone) {
      writer.delete(id);
    }
    writer.flush();
    index.refresh(target);
    return new IndexReport(indexed, unchanged, gone.size(), List.copyOf(failures), bytes.get(),
        Duration.ofNanos(System.nanoTime() - start), null);
  }

  private static Done readOne(IndexPipeline pipeline, SourceFile f, Bookkeeping known, ArticleDocument documents,
                              Consumer<SkippedFileException> skip, AtomicLong bytes, Map<String, String> seen)
      throws IOException {
    FileRead.Result read = FileRead.read(f, known, pipeline.parser(),
        pipeline.settings().extract() ? pipeline.extractor() : null, pipeline.cache(), skip, bytes, seen);
    return switch (read) {
      case FileRead.Unchanged u -> Done.unchanged();
      case FileRead.Touched t -> new Done(IndexReport.Outcome.UNCHANGED, null, null, t.stamp(), false);
      case FileRead.Failed failed -> Done.failed(failed.dropOld());
      case FileRead.Read r -> {
        Article article = r.article();
        ClusterCopyGroups.Arrival copies = ClusterCopyGroups.Arrival.of(f.id(), article.contentHash(), article.title(),
            article.text(), System.currentTimeMillis());
        ObjectNode doc = documents.build(article, r.extraction(), r.bookkeeping());
        r.written(seen);
        yield new Done(IndexReport.Outcome.INDEXED, doc, copies, null, false);
      }
    };
  }
}
