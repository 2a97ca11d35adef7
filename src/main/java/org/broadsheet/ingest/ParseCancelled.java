package org.broadsheet.ingest;

/**
 * Thrown inside a parse once its thread is interrupted: the parse was abandoned after the
 * timeout and must stop, not run on holding a core. Unchecked, so that it can leave
 * {@link CharSequence#charAt} in the middle of a regex match.
 */
final class ParseCancelled extends RuntimeException {
  ParseCancelled() {
    super("parse abandoned after the timeout", null, false, false);
  }

  /** Throws when the current thread has been interrupted. */
  static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new ParseCancelled();
    }
  }
}
