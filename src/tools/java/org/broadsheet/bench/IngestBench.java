package org.broadsheet.bench;

import java.util.Map;
import org.broadsheet.index.CopyGroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.extract.Extraction;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.DocumentBuilder;
import org.broadsheet.index.Fields;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.DateSource;

/** The pieces of the ingest benchmark that are not Broadsheet's own indexer: the baselines and their input. */
final class IngestBench {
  private IngestBench() {
  }

  /**
   * The articles as Broadsheet parsed them, read back from the stored fields of its index:
   * exactly the text the parser produced, without parsing the corpus a second time.
   */
  static List<Article> readBack(Path lucene) throws IOException {
    List<Article> out = new ArrayList<>();
    try (var d = FSDirectory.open(lucene);
         org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(d)) {
      java.util.Set<String> fields = java.util.Set.of(Fields.ID, Fields.PATH, Fields.TITLE, Fields.BODY,
          Fields.PUBLISHED, Fields.PUBLISHED_FROM, Fields.HASH);
      for (var leaf : reader.leaves()) {
        var live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d2 = stored.document(doc, fields);
          var published = d2.getField(Fields.PUBLISHED);
          out.add(new Article(d2.get(Fields.ID), d2.get(Fields.PATH), d2.get(Fields.TITLE), d2.get(Fields.BODY),
              published == null ? null : java.time.Instant.ofEpochMilli(published.numericValue().longValue()),
              published == null ? null : DateSource.ofLabel(d2.get(Fields.PUBLISHED_FROM)),
              null, null, null, null, d2.get(Fields.HASH)));
        }
      }
    }
    out.sort(java.util.Comparator.comparing(Article::id));
    return out;
  }

  /**
   * The baseline: plain Lucene with StandardAnalyzer, no facets, of the already-parsed text
   * (id, stored title and body), on {@code threads} threads with the same RAM buffer as
   * Broadsheet's writer; timed from opening the writer to the commit.
   *
   * @return seconds
   */
  static double baseline(List<Article> articles, Path dir, int threads) throws IOException {
    return timedIndex(articles, dir, new StandardAnalyzer(), threads, a -> {
      Document doc = new Document();
      doc.add(new StringField(Fields.ID, a.id(), Field.Store.YES));
      doc.add(new TextField(Fields.TITLE, a.title(), Field.Store.YES));
      doc.add(new TextField(Fields.BODY, a.text(), Field.Store.YES));
      return doc;
    });
  }

  /**
   * Broadsheet's documents (same analyzer, facets and stored fields, no entities) written
   * straight from parsed articles, with or without offsets in the body's postings: what the
   * offsets cost on disk and in indexing time, and what they save the highlighter.
   *
   * @return seconds to index and commit
   */
  static double broadsheetDocs(List<Article> articles, Path root, boolean bodyOffsets, int threads)
      throws IOException {
    Path lucene = root.resolve("lucene");
    Files.createDirectories(lucene);
    DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig());
    return timedIndex(articles, lucene, ArchiveAnalyzer.forIndexing(), threads, a -> {
      Document doc = builder.build(a, Extraction.EMPTY,
          new org.broadsheet.index.Bookkeeping(a.id(), a.path(), root.toUri().toString(), a.contentHash(), "0:0"));
      return bodyOffsets ? doc : withoutBodyOffsets(doc);
    });
  }

  /**
   * The same document with the body's words indexed without offsets: the same token stream (the
   * word pairs are made from it as it is read), only the index options differ.
   */
  private static Document withoutBodyOffsets(Document doc) {
    Document out = new Document();
    for (IndexableField f : doc.getFields()) {
      if (f.name().equals(Fields.BODY) && f.fieldType().indexOptions() != IndexOptions.NONE) {
        FieldType noOffsets = new FieldType(f.fieldType());
        noOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        noOffsets.freeze();
        out.add(new Field(Fields.BODY, ((Field) f).tokenStreamValue(), noOffsets));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * What grouping copies costs at ingest, on the parsed articles: Broadsheet's documents (no
   * entities) written on {@code threads} threads, once with {@link CopyGroups} (MinHash, band
   * lookups in the index and the run's table, candidates verified, bands indexed) and once with
   * every article in a group of its own and no signature. The difference is what grouping adds to
   * an ingest run; the other costs of a run (parsing, extraction) do not change.
   */
  static Map<String, Object> copyGroupCost(List<Article> articles, Path work, int threads) throws IOException {
    DocumentBuilder builder = new DocumentBuilder(Fields.facetsConfig());
    org.broadsheet.index.MinHash none = org.broadsheet.index.MinHash.of("");
    double without = 0;
    double with = 0;
    long groups = 0;
    for (int round = 0; round < 2; round++) { // the first round warms both paths
      Path off = work.resolve("off-" + round);
      Path on = work.resolve("on-" + round);
      without = timedIndex(articles, off, ArchiveAnalyzer.forIndexing(), threads, a -> builder.build(a,
          Extraction.EMPTY, bookkeeping(a, work), new org.broadsheet.index.CopyMark(a.id(), 0, none)));
      java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
      with = timedIndexWithGroups(articles, on, threads, builder, work, seen);
      groups = seen.size();
      discard(off);
      discard(on);
    }
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("articles", articles.size());
    m.put("groups", groups);
    m.put("without_s", Benchmark.round(without));
    m.put("with_s", Benchmark.round(with));
    m.put("grouping_s", Benchmark.round(Math.max(0, with - without)));
    m.put("ratio", Benchmark.round(with / without));
    return m;
  }

  private static org.broadsheet.index.Bookkeeping bookkeeping(Article a, Path root) {
    return new org.broadsheet.index.Bookkeeping(a.id(), a.path(), root.toUri().toString(), a.contentHash(), "0:0");
  }

  private static double timedIndexWithGroups(List<Article> articles, Path dir, int threads, DocumentBuilder builder,
                                             Path root, java.util.Set<String> groups) throws IOException {
    long t0 = System.nanoTime();
    try (var d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, newIndex(ArchiveAnalyzer.forIndexing()));
         CopyGroups copies = new CopyGroups(writer, articles.size())) {
      eachArticle(articles, threads, "with copy groups", a -> {
        var mark = copies.assign(a.id(), a.contentHash(), a.title(), a.text(), System.currentTimeMillis());
        groups.add(mark.group());
        writer.addDocument(builder.build(a, Extraction.EMPTY, bookkeeping(a, root), mark));
        copies.written(a.id());
      });
      writer.commit();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** One article's document; may fail as indexing does. */
  private interface DocumentMaker {
    Document make(Article a) throws IOException;
  }

  /** What is done with one article; may fail as indexing does. */
  private interface ArticleStep {
    void run(Article a) throws IOException;
  }

  /**
   * Runs {@code step} on every article, shared out among {@code threads} threads. A run in which an
   * article fails is a failed run, not a fast one: the first failure is thrown once all have ended.
   */
  private static void eachArticle(List<Article> articles, int threads, String what, ArticleStep step)
      throws IOException {
    AtomicInteger next = new AtomicInteger();
    List<Exception> failed = Collections.synchronizedList(new ArrayList<>());
    QueryBench.runOn(threads, () -> {
      for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
        try {
          step.run(articles.get(i));
        } catch (IOException | RuntimeException e) {
          failed.add(e);
        }
      }
    });
    if (!failed.isEmpty()) {
      throw new IOException("indexing " + what + " failed (" + failed.size() + " articles): " + failed.get(0),
          failed.get(0));
    }
  }

  /**
   * Indexes the articles into a new index at {@code dir} on {@code threads} threads with a
   * 128 MB RAM buffer (as Broadsheet's writer has), so that every variant is timed the same
   * way: from opening the writer to the commit.
   *
   * @return seconds
   */
  private static double timedIndex(List<Article> articles, Path dir, Analyzer analyzer, int threads,
                                   DocumentMaker maker) throws IOException {
    long t0 = System.nanoTime();
    try (var d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, newIndex(analyzer))) {
      eachArticle(articles, threads, "a variant", a -> writer.addDocument(maker.make(a)));
      writer.commit();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A new index with a 128 MB RAM buffer, as Broadsheet's writer has. */
  private static IndexWriterConfig newIndex(Analyzer analyzer) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(128);
    return config;
  }

  /** Reads every file once (into nothing), so that the runs after it all find them in the page cache. */
  static void readAll(List<org.broadsheet.ingest.SourceFile> files) throws IOException {
    for (var f : files) {
      Files.readAllBytes(f.file());
    }
  }

  static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /**
   * Puts {@code dir} out of the way, into {@code discarded/} beside it, to be deleted when the bench
   * ends ({@link #deleteDiscarded}). Deleting thousands of files just before a timed run made that run
   * slower than it would be for a user: ext4 looks through the inodes freed in the last half minute
   * each time it makes a file (the kernel's {@code recently_deleted}), which cost Broadsheet's
   * extraction run 1.1-1.8 s of system time per 1,000 Reuters articles after its warm-up archive
   * was deleted, and the CRF alone, which writes no files, nothing.
   */
  static void discard(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Path bin = Files.createDirectories(dir.toAbsolutePath().getParent().resolve(DISCARDED));
    BINS.add(bin);
    Files.move(dir, bin.resolve(DISCARDS.incrementAndGet() + "-" + dir.getFileName()));
  }

  /** Deletes every folder {@link #discard} moved aside, wherever it was. */
  static void deleteDiscarded() throws IOException {
    for (Path bin : BINS) {
      deleteTree(bin);
    }
    BINS.clear();
  }

  /** The folder {@link #discard} moves into, in the folder of what it discards. */
  private static final String DISCARDED = "discarded";

  /** The {@link #DISCARDED} folders made so far (one beside each folder that had something discarded). */
  private static final java.util.Set<Path> BINS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final java.util.concurrent.atomic.AtomicInteger DISCARDS = new java.util.concurrent.atomic.AtomicInteger();

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
