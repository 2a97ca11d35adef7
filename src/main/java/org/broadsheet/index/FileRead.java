package org.broadsheet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.broadsheet.extract.EntityExtractor;
import org.broadsheet.extract.Extraction;
import org.broadsheet.extract.ExtractionCache;
import org.broadsheet.ingest.Article;
import org.broadsheet.ingest.ArticleId;
import org.broadsheet.ingest.ArticleParser;
import org.broadsheet.ingest.SkippedFileException;
import org.broadsheet.ingest.SourceFile;

/**
 * One file of an indexing run under the incremental rules, whichever engine writes it: a file whose
 * stamp (size and modification time) is the one recorded is not read; one whose content hash is
 * the one recorded is not parsed (only its new stamp is to be written); otherwise it is parsed and
 * its entities found. A file that cannot be read this time keeps the article it was; one that is no
 * longer an article loses it. What the file leaves in the index goes into {@code seen} (id → content
 * hash), which {@link Deletions} reads at the end of the run; a read article goes there once it is
 * written ({@link Read#written}).
 */
public final class FileRead {
  private FileRead() {
  }

  /** What reading one file came to. */
  public sealed interface Result permits Unchanged, Touched, Failed, Read {
  }

  /** The stamp is the one recorded: the file was not read. */
  public record Unchanged() implements Result {
  }

  /** Touched but not changed (the content hash is the one recorded): its new {@code stamp} is to be written. */
  public record Touched(String stamp) implements Result {
  }

  /** Skipped, and reported; {@code dropOld}: the file is no longer an article, so its old article must go. */
  public record Failed(boolean dropOld) implements Result {
  }

  /** Parsed and its entities found: to be written. */
  public record Read(Article article, Extraction extraction, Bookkeeping bookkeeping) implements Result {
    /** Records that the article is in the index now, for the deletions at the end of the run. */
    public void written(Map<String, String> seen) {
      seen.put(bookkeeping.id(), article.contentHash());
    }
  }

  /**
   * @param known     the file's bookkeeping from the index, or null for a new file
   * @param extractor null when extraction is off
   * @param cache     extraction results by content hash; null to extract afresh
   * @param skip      where a skipped file is reported
   * @param bytes     bytes of the files read, added to
   * @param seen      id → content hash of what stays in the index
   */
  public static Result read(SourceFile f, Bookkeeping known, ArticleParser parser, EntityExtractor extractor,
                            ExtractionCache cache, Consumer<SkippedFileException> skip, AtomicLong bytes,
                            Map<String, String> seen) throws IOException {
    String stamp;
    try {
      BasicFileAttributes attrs = Files.readAttributes(f.file(), BasicFileAttributes.class);
      stamp = SourceFile.stampOf(attrs);
      if (known != null && stamp.equals(known.stamp())) {
        seen.put(f.id(), known.hash());
        return new Unchanged();
      }
      if (known != null && ArticleParser.sha256(f.file()).equals(known.hash())) {
        seen.put(f.id(), known.hash());
        return new Touched(stamp); // the next run need not hash it again
      }
      bytes.addAndGet(attrs.size());
    } catch (IOException e) {
      skip.accept(new SkippedFileException.Unreadable(f.file(), "cannot read: " + e.getMessage(), e));
      keepIfKnown(f, known, seen);
      return new Failed(false);
    }
    Article article;
    try {
      article = parser.parseHere(f.file()); // on this worker thread: see Workers
    } catch (SkippedFileException e) {
      skip.accept(e);
      if (e instanceof SkippedFileException.Unreadable) {
        keepIfKnown(f, known, seen); // could not be read this time: the article it was stays
        return new Failed(false);
      }
      return new Failed(known != null); // no longer an article: its old one must not linger
    }
    Extraction x = extractor == null ? Extraction.EMPTY
        : cache != null ? cache.extract(article, extractor)
        : extractor.extract(article);
    return new Read(article, x,
        new Bookkeeping(f.id(), f.uri(), ArticleId.uri(f.root()), article.contentHash(), stamp));
  }

  /**
   * Whether the stamp the walk read is the one recorded, so the file need not be read (nor handed
   * to a task: on an unchanged archive that is all a run does); if so it goes into {@code seen}.
   * A stamp the walk read before the file changed again is caught by the next run, which sees a
   * stamp that is not the recorded one.
   */
  public static boolean unchanged(SourceFile f, Bookkeeping known, Map<String, String> seen) {
    if (known == null || f.stamp() == null || !f.stamp().equals(known.stamp())) {
      return false;
    }
    seen.put(f.id(), known.hash());
    return true;
  }

  /**
   * The result of one file's task. An unexpected exception in it is that file's failure, not the
   * run's; an {@link Error} (a class missing from the classpath, a broken installation) would fail
   * every file alike: it stops the run, loudly, instead of marking good files corrupt.
   *
   * @param failed what the task came to when it failed
   */
  public static <T> T resultOf(Future<T> future, SourceFile f, Consumer<SkippedFileException> skip, T failed)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SkippedFileException skipped) { // a parse given up (Workers)
        skip.accept(skipped);
        return failed;
      }
      if (cause instanceof Error error) {
        throw new IndexingStoppedException("indexing stopped at " + f.file() + ": " + error
            + " (a broken installation or classpath, not a bad file)", error);
      }
      skip.accept(new SkippedFileException.Corrupt(f.file(), "failed: " + cause, cause));
      return failed;
    }
  }

  private static void keepIfKnown(SourceFile f, Bookkeeping known, Map<String, String> seen) {
    if (known != null) {
      seen.put(f.id(), known.hash());
    }
  }
}
