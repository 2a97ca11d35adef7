package org.broadsheet.index;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.broadsheet.extract.ArchiveAliases;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.ExtractionCache;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.CorpusWalker;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.ingest.SourceFile;

/**
 * Brings the index up to date with the paths given. Incremental by default: a file whose size
 * and modification time are unchanged is not read; one whose content hash is unchanged is not
 * parsed; which articles leave the index is {@link Deletions}' rule (only what was under the
 * paths given, plus articles that moved there). An article's identity is its file
 * ({@link ArticleId}), so the same file reached through two roots, a nested root or a file
 * argument is one article. Commits every {@link IndexSettings#commitInterval()}, so a crash
 * loses little and a rerun finishes the job (updates are by id, so nothing is duplicated). A
 * full rebuild writes a fresh index that becomes visible only with its single final commit.
 */
public final class ArchiveIndexer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArchiveIndexer.class);
  private final IndexLayout layout;
  private final ArticleParser parser;
  private final EntityExtractor extractor;
  private final ExtractionCache cache;
  private final IndexSettings settings;
  private final AliasDerivation aliases;

  /** An indexer deriving the archive-wide aliases with the production settings ({@link ArchiveAliases#defaults()}). */
  public ArchiveIndexer(IndexLayout layout, ArticleParser parser, EntityExtractor extractor, ExtractionCache cache,
                        IndexSettings settings) {
    this(layout, parser, extractor, cache, settings, ArchiveAliases.defaults());
  }

  /**
   * @param extractor finds entities; null when the settings turn extraction off
   * @param cache     extraction results by content hash; null to extract every article afresh
   * @param aliases   derives the archive-wide merges at the end of a run that changed something
   */
  public ArchiveIndexer(IndexLayout layout, ArticleParser parser, EntityExtractor extractor, ExtractionCache cache,
                        IndexSettings settings, ArchiveAliases aliases) {
    this.layout = layout;
    this.parser = parser;
    this.extractor = extractor;
    this.cache = cache;
    this.settings = settings;
    this.aliases = new AliasDerivation(aliases);
  }

  public IndexReport index(List<Path> roots, boolean full, IndexListener listener) throws IOException {
    List<Path> stale = full ? null : staleSchemaRoots();
    if (stale != null) {
      // Built by an older Broadsheet: rebuild everything it holds, with the new schema.
      LOG.info("the index at {} has an older schema; rebuilding it", layout.root());
      List<Path> all = new ArrayList<>(roots);
      stale.stream().filter(Files::exists).filter(r -> !all.contains(r)).forEach(all::add);
      return index(all, true, listener);
    }
    long start = System.nanoTime();
    List<IndexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stopping = new AtomicBoolean();
    Consumer<SkippedFileException> skip = e -> {
      if (stopping.get()) {
        return; // the run is stopping: a file cut short is not a file that failed
      }
      failures.add(new IndexReport.Failure(e.file().toString(), e.kind(), e.getMessage()));
      listener.skipped(e);
    };
    Files.createDirectories(layout.lucene());
    CorpusWalker.Walk walk = CorpusWalker.walk(roots, settings.followLinks(), Set.of(layout.root().toRealPath()), skip);
    List<SourceFile> files = walk.files();
    int indexed = 0;
    int unchanged = 0;
    int deleted;
    int dropped = 0;
    AliasDerivation.Outcome derived = null;
    AtomicLong bytes = new AtomicLong();
    try (Directory dir = FSDirectory.open(layout.lucene());
         IndexWriter writer = openWriter(dir, full)) {
      if (!Fields.SCHEMA_VERSION.equals(schemaOf(writer))) {
        // Set only when it differs: a run that changes nothing then commits nothing (no new commit, no sync).
        writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION).entrySet());
      }
      WriterLock.claim(layout);
      try {
        // Read under the writer lock: a correction changes the rules only while it holds it.
        ArchiveCorrections corrections = ArchiveCorrections.read(layout);
        Map<String, Bookkeeping> known = full ? Map.of() : Bookkeeping.read(writer);
        List<String> walkedFolders = Deletions.walkedFolders(walk, known);
        Map<String, String> seen = new ConcurrentHashMap<>(files.size() * 2);
        listener.started(files.size());
        DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig(), corrections);
        CopyGroups groups = new CopyGroups(writer, files.size());
        Workers<IndexReport.Outcome> workers = new Workers<>(settings.threads(), parser::overrun);
        try {
          int submitted = 0;
          for (SourceFile f : files) {
            Bookkeeping k = known.get(f.id());
            if (FileRead.unchanged(f, k, seen)) {
              unchanged++;
              listener.fileDone(f.id(), IndexReport.Outcome.UNCHANGED);
            } else {
              workers.submit(f, () -> indexOne(f, k, writer, builder, groups, skip, bytes, seen));
              submitted++;
            }
          }
          long lastCommit = System.nanoTime();
          for (int i = 0; i < submitted; i++) {
            Workers.Done<IndexReport.Outcome> next = workers.take();
            SourceFile f = next.file();
            IndexReport.Outcome outcome;
            try {
              outcome = FileRead.resultOf(next.result(), f, skip, IndexReport.Outcome.FAILED);
            } catch (IndexingStoppedException e) {
              stopping.set(true);
              throw e;
            }
            switch (outcome) {
              case INDEXED -> indexed++;
              case UNCHANGED -> unchanged++;
              default -> dropped += known.containsKey(f.id()) && !seen.containsKey(f.id()) ? 1 : 0;
            }
            listener.fileDone(f.id(), outcome);
            if (!full && elapsedSince(lastCommit).compareTo(settings.commitInterval()) >= 0) {
              writer.commit();
              lastCommit = System.nanoTime();
            }
          }
          if (indexed > 0) {
            // The articles still in the writer's buffers are written by the workers side by side; left to
            // the commit, one thread writes them all while the other cores wait (a tenth of a short run).
            workers.together(settings.threads(), () -> {
              while (writer.flushNextBuffer()) {
                // each call writes one buffer, the largest not being written
              }
              return null;
            });
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : new IOException("writing the index failed", e.getCause());
        } finally {
          workers.close();
          groups.close();
        }
        Set<String> gone = Deletions.of(known, seen, walkedFolders, walk.unreadable(), Deletions::fileGone);
        for (String id : gone) {
          writer.deleteDocuments(new Term(Fields.ID, id));
        }
        deleted = gone.size();
        boolean firstDerivation = !Files.exists(layout.derivedAliases());
        if (full || indexed > 0 || deleted > 0 || dropped > 0 || firstDerivation) {
          // The archive changed: its aliases may have too; the articles they move are rebuilt in this commit.
          derived = aliases.derive(writer, corrections);
        }
        if (writer.hasUncommittedChanges()) {
          writer.commit(); // nothing changed, nothing to commit: a commit syncs every file (0.5 s of a 0.9 s re-index)
        }
        if (derived != null && (derived.changed() > 0 || firstDerivation)) {
          // After the commit: should this write not happen, the next run finds the change again.
          DerivedAliasesFile.write(layout.derivedAliases(), derived.aliases());
        }
      } finally {
        WriterLock.release(layout);
      }
    }
    IndexReport report = new IndexReport(indexed, unchanged, deleted, List.copyOf(failures), bytes.get(),
        elapsedSince(start), derived == null ? null : derived.report());
    listener.finished(report);
    return report;
  }

  private IndexReport.Outcome indexOne(SourceFile f, Bookkeeping known, IndexWriter writer, DocumentBuilder builder,
                                       CopyGroups groups, Consumer<SkippedFileException> skip, AtomicLong bytes, Map<String, String> seen)
      throws IOException {
    FileRead.Result read = FileRead.read(f, known, parser, settings.extract() ? extractor : null, cache, skip, bytes,
        seen);
    switch (read) {
      case FileRead.Unchanged u -> {
        return IndexReport.Outcome.UNCHANGED;
      }
      case FileRead.Touched t -> {
        writer.updateBinaryDocValue(new Term(Fields.ID, f.id()), Fields.BOOKKEEPING, known.withStamp(t.stamp()).encode());
        return IndexReport.Outcome.UNCHANGED;
      }
      case FileRead.Failed failed -> {
        if (failed.dropOld()) {
          writer.deleteDocuments(new Term(Fields.ID, f.id()));
        }
        return IndexReport.Outcome.FAILED;
      }
      case FileRead.Read r -> {
        Article article = r.article();
        CopyMark copies = groups.assign(f.id(), article.contentHash(), article.title(), article.text(),
            System.currentTimeMillis());
        writer.updateDocument(new Term(Fields.ID, f.id()), builder.build(article, r.extraction(), r.bookkeeping(), copies));
        groups.written(f.id());
        r.written(seen);
        return IndexReport.Outcome.INDEXED;
      }
    }
  }

  private static String schemaOf(IndexWriter writer) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(Fields.SCHEMA_KEY)) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  /** The roots of an existing index whose schema is not this version's, or null when it is current or absent. */
  private List<Path> staleSchemaRoots() throws IOException {
    if (!layout.exists()) {
      return null;
    }
    try (Directory dir = FSDirectory.open(layout.lucene())) {
      // The last commit's user data, read without opening its segments: the usual answer is "current".
      SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
      if (Fields.SCHEMA_VERSION.equals(commit.getUserData().get(Fields.SCHEMA_KEY)) || commit.totalMaxDoc() == 0) {
        return null;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return reader.numDocs() == 0 ? null : IndexedRoots.of(reader);
      }
    } catch (IOException e) {
      throw IndexDamagedException.named(layout.root(), e);
    }
  }

  private IndexWriter openWriter(Directory dir, boolean full) throws IOException {
    try {
      return new IndexWriter(dir, writerConfig(full));
    } catch (LockObtainFailedException e) {
      throw WriterLock.inUse(layout, e, "one indexing run or correction at a time");
    } catch (IOException e) {
      if (!full || !IndexDamagedException.isDamage(e)) {
        throw IndexDamagedException.named(layout.root(), e);
      }
      // A full rebuild needs nothing from the old index: clear what is left of it and start afresh.
      LOG.warn("the index at {} is damaged ({}); rebuilding it from the files", layout.root(), e.getMessage());
      for (String name : dir.listAll()) {
        dir.deleteFile(name);
      }
      return new IndexWriter(dir, writerConfig(true));
    }
  }

  private static IndexWriterConfig writerConfig(boolean full) {
    IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzer.forIndexing());
    config.setOpenMode(full ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // A larger buffer than the 16 MB default means fewer, larger segments while bulk indexing.
    config.setRAMBufferSizeMB(128);
    // A run that fails half-way leaves the last commit as it was; only the run's own commits count.
    config.setCommitOnClose(false);
    return config;
  }

  private static Duration elapsedSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
