package org.broadsheet.ingest;

import java.nio.file.Path;

/**
 * A file found under an indexed root.
 *
 * @param root the root it was found through (a folder, or the file itself when it was named alone), absolute
 * @param file the file, absolute and normalised
 * @param uri  its identity, {@link ArticleId#uri}
 * @param id   its article id, {@link ArticleId#ofUri}
 */
public record SourceFile(Path root, Path file, String uri, String id) {
  /** @param file a regular file */
  public static SourceFile of(Path root, Path file) {
    String uri = ArticleId.fileUri(file);
    return new SourceFile(root, file, uri, ArticleId.ofUri(uri));
  }
}
