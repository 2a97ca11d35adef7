package org.broadsheet.export;

import java.io.IOException;
import org.broadsheet.search.ExportSink;

/** Writes hits one by one in an export format; {@link #close} finishes the output (and flushes it) but leaves the stream open. */
public interface HitWriter extends ExportSink, AutoCloseable {
  @Override
  void close() throws IOException;
}
