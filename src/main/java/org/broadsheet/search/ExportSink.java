package org.broadsheet.search;

import java.io.IOException;

/** Where an export's hits go, one at a time as they are read (a CSV or JSON Lines writer, a counter). */
@FunctionalInterface
public interface ExportSink {
  void accept(SearchResult.Hit hit) throws IOException;
}
