package org.broadsheet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.broadsheet.ingest.SourceFile;

/**
 * What a user would write instead of Broadsheet to get a searchable index of a folder of articles:
 * Tika's {@code AutoDetectParser} on each file (detection, charset, parsing) and a plain Lucene
 * {@code IndexWriter} with {@code StandardAnalyzer} (id, stored title and body), on the same
 * threads with the same 128 MB buffer. A file Tika cannot read is counted and skipped, as a
 * careful script would. Timed from the first file to the commit.
 */
final class TikaLuceneBaseline {
  /** The timing (wall and process CPU seconds) and what was indexed. */
  record Run(double seconds, double cpuSeconds, int indexed, int failed) {
    /** Two runs over the same files: their mean times (the counts are the first's; they are the same files). */
    static Run mean(Run a, Run b) {
      return new Run((a.seconds + b.seconds) / 2, (a.cpuSeconds + b.cpuSeconds) / 2, a.indexed, a.failed);
    }
  }

  private TikaLuceneBaseline() {
  }

  static Run index(List<SourceFile> files, Path dir, int threads) throws IOException {
    AutoDetectParser parser = new AutoDetectParser();
    long t0 = System.nanoTime();
    long cpu0 = ExtractBench.processCpuNanos();
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(128);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger indexed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong writeErrors = new AtomicLong();
    try (var d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
      QueryBench.runOn(threads, () -> {
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
          Path file = files.get(i).file();
          Document doc;
          try {
            doc = parse(parser, file);
          } catch (Exception | StackOverflowError e) {
            failed.incrementAndGet();
            continue;
          }
          try {
            writer.addDocument(doc);
            indexed.incrementAndGet();
          } catch (IOException e) {
            writeErrors.incrementAndGet();
          }
        }
      });
      if (writeErrors.get() > 0) {
        throw new IOException(writeErrors.get() + " documents could not be written");
      }
      writer.commit();
    }
    return new Run((System.nanoTime() - t0) / 1e9, (ExtractBench.processCpuNanos() - cpu0) / 1e9, indexed.get(),
        failed.get());
  }

  private static Document parse(AutoDetectParser parser, Path file) throws Exception {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    BodyContentHandler text = new BodyContentHandler(-1);
    try (InputStream in = TikaInputStream.get(file, md)) {
      parser.parse(in, text, md, new ParseContext());
    }
    String title = md.get(TikaCoreProperties.TITLE);
    Document doc = new Document();
    doc.add(new StringField("id", file.toString(), Field.Store.YES));
    doc.add(new TextField("title", title == null ? "" : title, Field.Store.YES));
    doc.add(new TextField("body", text.toString(), Field.Store.YES));
    return doc;
  }
}
