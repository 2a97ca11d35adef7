package org.broadsheet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.ExtractionCache;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.CorpusWalker;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.ingest.SourceFile;

/**
 * Brings the index up to date with folders of articles. Incremental by default: a file
 * whose size and modification time are unchanged is not read; one whose content hash is
 * unchanged is not parsed; articles whose files are gone are deleted. Commits every
 * {@link IndexSettings#commitInterval()}, so a crash loses little and a rerun finishes the
 * job (updates are by id, so nothing is duplicated). A full rebuild writes a fresh index
 * that becomes visible only with its single final commit.
 */
public final class ArchiveIndexer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArchiveIndexer.class);
  private final IndexLayout layout;
  private final ArticleParser parser;
  private final EntityExtractor extractor;
  private final ExtractionCache cache;
  private final IndexSettings settings;

  /**
   * @param extractor finds entities; null when the settings turn extraction off
   * @param cache     extraction results by content hash; null to extract every article afresh
   */
  public ArchiveIndexer(IndexLayout layout, ArticleParser parser, EntityExtractor extractor, ExtractionCache cache,
                        IndexSettings settings) {
    this.layout = layout;
    this.parser = parser;
    this.extractor = extractor;
    this.cache = cache;
    this.settings = settings;
  }

  /** What the index knew of a file when it was last indexed. */
  private record Known(String root, String hash, String fileStamp) {
  }

  public IndexReport index(List<Path> roots, boolean full, IndexListener listener) throws IOException {
    List<Path> stale = staleSchemaRoots();
    if (!full && stale != null) {
      // Built by an older Broadsheet: rebuild everything it holds, with the new schema.
      LOG.info("the index at {} has an older schema; rebuilding it", layout.root());
      List<Path> all = new ArrayList<>(roots);
      stale.stream().filter(Files::exists).filter(r -> !all.contains(r)).forEach(all::add);
      return index(all, true, listener);
    }
    long start = System.nanoTime();
    List<IndexReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    java.util.function.Consumer<SkippedFileException> skip = e -> {
      failures.add(new IndexReport.Failure(e.file().toString(), e.kind(), e.getMessage()));
      listener.skipped(e);
    };
    List<SourceFile> files = CorpusWalker.walk(roots, skip);
    Set<String> rootNames = new HashSet<>();
    for (Path r : roots) {
      Path abs = r.toAbsolutePath().normalize();
      rootNames.add((Files.isRegularFile(abs) ? abs.getParent() : abs).toString());
    }
    Files.createDirectories(layout.lucene());
    int indexed = 0;
    int unchanged = 0;
    int deleted = 0;
    AtomicLong bytes = new AtomicLong();
    try (Directory dir = FSDirectory.open(layout.lucene());
         IndexWriter writer = openWriter(dir, full)) {
      writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION).entrySet());
      writePid();
      try {
        Map<String, Known> known = full ? Map.of() : known(writer);
        listener.started(files.size());
        DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
          Thread t = new Thread(r, "indexer");
          t.setDaemon(true);
          return t;
        });
        try {
          ExecutorCompletionService<IndexReport.Outcome> done = new ExecutorCompletionService<>(pool);
          Map<Future<IndexReport.Outcome>, SourceFile> tasks = new HashMap<>();
          for (SourceFile f : files) {
            tasks.put(done.submit(() -> indexOne(f, known.get(f.id()), writer, builder, skip, bytes)), f);
          }
          long lastCommit = System.nanoTime();
          for (int i = 0; i < files.size(); i++) {
            Future<IndexReport.Outcome> future = done.take();
            SourceFile f = tasks.remove(future);
            IndexReport.Outcome outcome = outcomeOf(future, f, skip);
            switch (outcome) {
              case INDEXED -> indexed++;
              case UNCHANGED -> unchanged++;
              default -> { }
            }
            listener.fileDone(f.id(), outcome);
            if (!full && elapsedSince(lastCommit).compareTo(settings.commitInterval()) >= 0) {
              writer.commit();
              lastCommit = System.nanoTime();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("indexing interrupted", e);
        } finally {
          pool.shutdownNow();
        }
        Set<String> seen = new HashSet<>();
        files.forEach(f -> seen.add(f.id()));
        for (Map.Entry<String, Known> e : known.entrySet()) {
          if (rootNames.contains(e.getValue().root()) && !seen.contains(e.getKey())) {
            writer.deleteDocuments(new Term(Fields.ID, e.getKey()));
            deleted++;
          }
        }
        writer.commit();
      } finally {
        Files.deleteIfExists(layout.writerPidFile());
      }
    }
    IndexReport report = new IndexReport(indexed, unchanged, deleted, List.copyOf(failures), bytes.get(),
        elapsedSince(start));
    listener.finished(report);
    return report;
  }

  private IndexReport.Outcome indexOne(SourceFile f, Known known, IndexWriter writer, DocumentBuilder builder,
                                       java.util.function.Consumer<SkippedFileException> skip, AtomicLong bytes)
      throws IOException {
    String stamp;
    try {
      BasicFileAttributes attrs = Files.readAttributes(f.file(), BasicFileAttributes.class);
      stamp = attrs.size() + ":" + attrs.lastModifiedTime().toMillis();
      if (known != null && stamp.equals(known.fileStamp())) {
        return IndexReport.Outcome.UNCHANGED;
      }
      if (known != null && ArticleParser.sha256(f.file()).equals(known.hash())) {
        return IndexReport.Outcome.UNCHANGED;
      }
      bytes.addAndGet(attrs.size());
    } catch (IOException e) {
      skip.accept(new SkippedFileException.Unreadable(f.file(), "cannot read: " + e.getMessage(), e));
      return IndexReport.Outcome.FAILED;
    }
    Article article;
    try {
      article = parser.parse(f.root(), f.file());
    } catch (SkippedFileException e) {
      skip.accept(e);
      if (known != null) {
        // The file changed into something unreadable: its old article must not linger.
        writer.deleteDocuments(new Term(Fields.ID, f.id()));
      }
      return IndexReport.Outcome.FAILED;
    }
    Extraction x = !settings.extract() || extractor == null ? Extraction.EMPTY
        : cache != null ? cache.extract(article, extractor)
        : extractor.extract(article);
    Document doc = builder.build(article, x, f.root().toString(), stamp);
    writer.updateDocument(new Term(Fields.ID, article.id()), doc);
    return IndexReport.Outcome.INDEXED;
  }

  /** Unexpected errors in one file's task are that file's failure, not the run's. */
  private static IndexReport.Outcome outcomeOf(Future<IndexReport.Outcome> future, SourceFile f,
                                               java.util.function.Consumer<SkippedFileException> skip)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      skip.accept(new SkippedFileException.Corrupt(f.file(), "failed: " + cause, cause));
      return IndexReport.Outcome.FAILED;
    }
  }

  /** The roots of an existing index whose schema is not this version's, or null when it is current or absent. */
  private List<Path> staleSchemaRoots() throws IOException {
    if (!layout.exists()) {
      return null;
    }
    try (Directory dir = FSDirectory.open(layout.lucene());
         DirectoryReader reader = DirectoryReader.open(dir)) {
      String schema = reader.getIndexCommit().getUserData().get(Fields.SCHEMA_KEY);
      if (Fields.SCHEMA_VERSION.equals(schema) || reader.numDocs() == 0) {
        return null;
      }
      return IndexedRoots.of(reader);
    }
  }

  private IndexWriter openWriter(Directory dir, boolean full) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzer.forIndexing());
    config.setOpenMode(full ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // A larger buffer than the 16 MB default means fewer, larger segments while bulk indexing.
    config.setRAMBufferSizeMB(128);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      String pid = "another process";
      try {
        pid = "process " + Files.readString(layout.writerPidFile()).strip();
      } catch (IOException ignored) {
        // no pid file: the generic wording stands
      }
      throw new IndexInUseException("the index at " + layout.root() + " is in use by " + pid
          + " (one indexing run at a time)", e);
    }
  }

  private void writePid() throws IOException {
    Files.writeString(layout.writerPidFile(), Long.toString(ProcessHandle.current().pid()));
  }

  /** Id → what was indexed, for every live document. */
  private static Map<String, Known> known(IndexWriter writer) throws IOException {
    Map<String, Known> known = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      Set<String> fields = Set.of(Fields.ID, Fields.ROOT, Fields.HASH, Fields.FILE_STAMP);
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        org.apache.lucene.index.BinaryDocValues column = leaf.reader().getBinaryDocValues(Fields.BOOKKEEPING);
        if (column != null) {
          for (int d = column.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = column.nextDoc()) {
            if (live == null || live.get(d)) {
              String[] v = column.binaryValue().utf8ToString().split("\0", 4);
              known.put(v[0], new Known(v[1], v[2], v[3]));
            }
          }
          continue;
        }
        // A segment written before the bookkeeping column: its stored fields.
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          Document doc = stored.document(d, fields);
          known.put(doc.get(Fields.ID), new Known(doc.get(Fields.ROOT), doc.get(Fields.HASH), doc.get(Fields.FILE_STAMP)));
        }
      }
    }
    return known;
  }

  private static Duration elapsedSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
