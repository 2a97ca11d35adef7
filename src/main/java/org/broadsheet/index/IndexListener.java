package org.broadsheet.index;

import org.broadsheet.ingest.SkippedFileException;

/** Hears an indexing run's progress: the command line draws a bar or logs lines with it. */
public interface IndexListener {
  IndexListener NONE = new IndexListener() {
  };

  /** The run found {@code files} files to look at. */
  default void started(int files) {
  }

  /** One file is done: indexed, unchanged or failed. */
  default void fileDone(String id, IndexReport.Outcome outcome) {
  }

  default void skipped(SkippedFileException e) {
  }

  default void finished(IndexReport report) {
  }
}
