package org.broadsheet.ingest;

import java.nio.file.Path;

/**
 * Thrown on the thread of a parse that the run gave up on ({@link ArticleParser#overrun}) when it
 * returns at last: its file was reported as timed out then, and the task that parsed it must end
 * without writing anything or reporting the file again. Unchecked: nothing on the way catches it.
 */
public final class ParseOverrun extends RuntimeException {
  public ParseOverrun(Path file) {
    super("parse of " + file + " was given up after the timeout", null, false, false);
  }
}
