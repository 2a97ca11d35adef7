package org.broadsheet.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Extractions by (content hash, extractor version), one small JSON file each, under the
 * directory given (the indexer gives {@code <index>/extractions}), so a rebuilt index does not
 * run CoreNLP again on articles it has seen. Layout: {@code <dir>/<version digest>/<2 hex>/<hash>.json}:
 * a new extractor version starts a new folder, and the old ones can be deleted as a whole.
 *
 * <p>Why files and not a Lucene index: each entry is written once and read by key, never
 * searched; a file written to a temporary name and moved into place is atomic, so threads and
 * even processes can share the cache without locks, and a crash leaves no half entry.
 */
public final class ExtractionCache implements AutoCloseable {
  private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{16,128}");

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractionCache.class);
  private final Path dir;
  private volatile boolean closed;
  /** Set once a write has failed, so that a full disk gives one warning, not one per article. */
  private volatile boolean writeFailed;

  public ExtractionCache(Path dir) {
    this.dir = dir;
  }

  /** The cached extraction, if any. A damaged entry counts as absent. */
  public Optional<Extraction> get(String contentHash, String version) {
    Path file = file(contentHash, version);
    try {
      return Optional.of(ExtractionJson.read(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // damaged or unreadable: extract again, and the put overwrites it
    }
  }

  /**
   * Writes the entry to a temporary name of this process and thread (no other writer can hold it at
   * the same time; one left by a crash is overwritten) and moves it into place. The entry's folder is
   * made when the write finds it missing, not checked before every entry.
   */
  public void put(String contentHash, String version, Extraction extraction) {
    Path file = file(contentHash, version);
    Path folder = file.getParent();
    Path tmp = folder.resolve(file.getFileName() + "." + PROCESS + "-" + Thread.currentThread().threadId() + ".tmp");
    try {
      String json = ExtractionJson.write(extraction);
      try {
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        Files.createDirectories(folder);
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp); // a half-written entry (a full disk) is not left behind
      } catch (IOException | RuntimeException ignored) {
        // the folder itself is unusable: nothing was left in it
      }
      throw new UncheckedIOException("cannot write extraction cache entry " + file, e);
    }
  }

  /** This process, in temporary names: processes sharing the cache never write the same temporary file. */
  private static final long PROCESS = ProcessHandle.current().pid();

  /**
   * The cached extraction, or the one {@code extract} computes, which is then cached. The cache is an
   * optimisation: when an entry cannot be written (a full disk, a read-only folder) the extraction is
   * still returned, and the failure is logged once as a warning.
   */
  public Extraction get(String contentHash, String version, Supplier<Extraction> extract) {
    Optional<Extraction> cached = get(contentHash, version);
    if (cached.isPresent()) {
      return cached.get();
    }
    Extraction fresh = extract.get();
    try {
      put(contentHash, version, fresh);
    } catch (UncheckedIOException e) {
      if (!writeFailed) {
        writeFailed = true;
        LOG.warn("extraction cache at {} not written ({}); articles are indexed all the same", dir,
            e.getCause().getMessage());
      }
    }
    return fresh;
  }

  /**
   * Shorthand for the indexer: the article's extraction by {@code extractor}, from the cache when
   * there. Keyed by what the extractor reads, the text and the published date (relative dates
   * resolve against it), not by the file's bytes alone: a parser that reads the same bytes better
   * (a charset, a date) or a renamed file must not get the extraction of the old text or date.
   */
  public Extraction extract(org.broadsheet.ingest.Article article, EntityExtractor extractor) {
    if (article.contentHash() == null) {
      return extractor.extract(article);
    }
    String input = article.contentHash() + '\0' + article.published() + '\0' + article.text();
    String key = org.broadsheet.ingest.ArticleParser.sha256(input.getBytes(StandardCharsets.UTF_8));
    return get(key, extractor.version(), () -> extractor.extract(article));
  }

  private Path file(String contentHash, String version) {
    if (closed) {
      throw new IllegalStateException("extraction cache is closed");
    }
    if (contentHash == null || !HASH.matcher(contentHash).matches()) {
      throw new IllegalArgumentException("not a hex content hash: " + contentHash);
    }
    String h = contentHash.toLowerCase(java.util.Locale.ROOT);
    return dir.resolve(versionDigest(version)).resolve(h.substring(0, 2)).resolve(h + ".json");
  }

  /** A version string may hold any character; its digest is a safe folder name. */
  private static String versionDigest(String version) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public Path directory() {
    return dir;
  }

  /** Nothing is held open between calls; closing only makes later use an error. */
  @Override
  public void close() {
    closed = true;
  }
}
