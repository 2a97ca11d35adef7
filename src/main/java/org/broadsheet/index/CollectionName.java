package org.broadsheet.index;

import java.nio.file.Path;
import org.broadsheet.ingest.ArticleId;

/**
 * The collection of an article ({@link Fields#FACET_COLLECTION}): the first folder below the root it
 * was indexed through ({@code corpus/politics/2024/a.txt} under {@code corpus} is in
 * {@code politics}), or the root folder's own name for a file directly in it ({@code corpus}). A
 * file indexed by naming it alone is in its folder's collection. Derived from the
 * {@link Bookkeeping} alone, so a document rebuilt from stored values gets the same one.
 */
public final class CollectionName {
  private CollectionName() {
  }

  /** The collection of the file {@code file} names, or null when it has none (a file in the file system's root). */
  public static String of(Bookkeeping file) {
    try {
      Path article = ArticleId.file(file.uri());
      Path root = ArticleId.file(file.root());
      if (article.startsWith(root) && !article.equals(root)) {
        Path relative = root.relativize(article);
        return nameOf(relative.getNameCount() > 1 ? relative.getName(0) : root.getFileName());
      }
      return nameOf(article.getParent() == null ? null : article.getParent().getFileName());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null; // not a file: URI (a hand-made one in a test)
    }
  }

  private static String nameOf(Path name) {
    if (name == null) {
      return null;
    }
    String s = name.toString();
    return s.isBlank() ? null : s;
  }
}
