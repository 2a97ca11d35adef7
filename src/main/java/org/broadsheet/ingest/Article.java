package org.broadsheet.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One news article as read from a source file. A source document is not a Lucene
 * document: this record knows nothing of fields or analysis; {@code index} turns it
 * into one.
 *
 * @param id            stable identifier of the file it was read from, {@link ArticleId}
 * @param path          the file on disk
 * @param title         the headline; never null, may be empty when the file has none
 * @param text          the extracted text (headline included); entity offsets point into this string.
 *                      For a plain-text file it is the file's text unchanged.
 * @param published     publication time from the file's metadata, a dateline or the file name; null when unknown
 * @param publishedFrom where {@code published} came from; null exactly when {@code published} is
 * @param byline        author(s) as written, or null
 * @param source        publisher or news agency, or null
 * @param language      ISO 639-1 code, or null when unknown
 * @param contentType   media type detected from the content, e.g. {@code text/html}, with the charset the text
 *                      was read with for text ({@code text/plain; charset=UTF-8})
 * @param contentHash   SHA-256 of the file's bytes, hex; the key for incremental indexing and the extraction cache
 * @param bodyStart     offset in {@code text} where the story begins, after the headline, byline and dateline
 *                      the text repeats ({@link BodyStart}); 0 when the text begins with the story
 */
public record Article(String id, String path, String title, String text, Instant published,
                      DateSource publishedFrom, String byline, String source, String language,
                      String contentType, String contentHash, int bodyStart) {
  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    title = title == null ? "" : title;
    if ((published == null) != (publishedFrom == null)) {
      throw new IllegalArgumentException("a published date needs its source, and a source its date");
    }
    if (bodyStart < 0 || bodyStart > text.length()) {
      throw new IllegalArgumentException("body start " + bodyStart + " is outside the text");
    }
  }

  /** An article whose text begins with the story (no headline or dateline before it). */
  public Article(String id, String path, String title, String text, Instant published, DateSource publishedFrom,
                 String byline, String source, String language, String contentType, String contentHash) {
    this(id, path, title, text, published, publishedFrom, byline, source, language, contentType, contentHash, 0);
  }
}
