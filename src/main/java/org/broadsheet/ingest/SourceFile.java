package org.broadsheet.ingest;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file found under an indexed root.
 *
 * @param root the root it was found through (a folder, or the file itself when it was named alone), absolute
 * @param file the file, absolute and normalised
 * @param uri  its identity, {@link ArticleId#uri}
 * @param id   its article id, {@link ArticleId#ofUri}
 * @param stamp its {@link #stampOf stamp} when the walk that found it read its attributes, else null
 */
public record SourceFile(Path root, Path file, String uri, String id, String stamp) {
  /** @param file a regular file */
  public static SourceFile of(Path root, Path file) {
    return of(root, file, null);
  }

  /** @param attrs the file's attributes as the walk read them, or null */
  public static SourceFile of(Path root, Path file, BasicFileAttributes attrs) {
    String uri = ArticleId.fileUri(file);
    return new SourceFile(root, file, uri, ArticleId.ofUri(uri), attrs == null ? null : stampOf(attrs));
  }

  /**
   * "size:lastModifiedMillis": what an incremental run compares with the recorded stamp to leave a
   * file unread.
   */
  public static String stampOf(BasicFileAttributes attrs) {
    return attrs.size() + ":" + attrs.lastModifiedTime().toMillis();
  }
}
