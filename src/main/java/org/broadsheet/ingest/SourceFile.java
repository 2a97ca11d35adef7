package org.broadsheet.ingest;

import java.nio.file.Path;

/** A file found under an indexed root, with the id its article will have. */
public record SourceFile(Path root, Path file, String id) {
  public static SourceFile of(Path root, Path file) {
    return new SourceFile(root, file, ArticleParser.idOf(root, file));
  }
}
