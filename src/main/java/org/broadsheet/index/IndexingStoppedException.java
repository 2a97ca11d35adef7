package org.broadsheet.index;

/**
 * An indexing run stopped because the program itself is broken (a class missing from the classpath,
 * a model that cannot load), not because of a file: every file would fail the same way, so the run
 * stops at once instead of reporting good files as corrupt.
 */
public final class IndexingStoppedException extends RuntimeException {
  public IndexingStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
