package org.broadsheet.index;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index's one writer at a time, as people see it: whoever opens the Lucene writer records its
 * process id beside the index, and whoever finds the lock taken says which process holds it.
 */
final class WriterLock {
  private WriterLock() {
  }

  /** The one-line error for a writer lock that {@code layout}'s index holds already. */
  static IndexInUseException inUse(IndexLayout layout, LockObtainFailedException e, String what) {
    String pid = "another process";
    try {
      pid = "process " + Files.readString(layout.writerPidFile()).strip();
    } catch (IOException ignored) {
      // no pid file: the generic wording stands
    }
    return new IndexInUseException("the index at " + layout.root() + " is in use by " + pid + " (" + what + ")", e);
  }

  /** Records this process as the writer. */
  static void claim(IndexLayout layout) throws IOException {
    Files.writeString(layout.writerPidFile(), Long.toString(ProcessHandle.current().pid()));
  }

  /** Forgets the writer's process id once it is done. */
  static void release(IndexLayout layout) throws IOException {
    Files.deleteIfExists(layout.writerPidFile());
  }
}
