package org.broadsheet.index;

import java.io.IOException;

/** The index on disk cannot be read (a truncated or corrupted file); {@code index --full} rebuilds it. */
public final class IndexDamagedException extends IOException {
  public IndexDamagedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The one-line message for a damaged index at {@code where}. */
  public static IndexDamagedException at(java.nio.file.Path where, Throwable cause) {
    return new IndexDamagedException("the index at " + where + " is damaged (" + cause.getMessage()
        + "); rebuild it from the files with 'broadsheet index --full PATH...'", cause);
  }

  /** What to throw for {@code e}, met reading the index at {@code where}: the one-line damage message, or {@code e} itself. */
  public static IOException named(java.nio.file.Path where, IOException e) {
    return isDamage(e) ? at(where, e) : e;
  }

  /** True for the exceptions Lucene throws on a damaged index. */
  public static boolean isDamage(Throwable e) {
    return e instanceof org.apache.lucene.index.CorruptIndexException
        || e instanceof org.apache.lucene.index.IndexFormatTooOldException
        || e instanceof org.apache.lucene.index.IndexFormatTooNewException
        || e instanceof java.io.EOFException
        || e instanceof java.nio.file.NoSuchFileException;
  }
}
