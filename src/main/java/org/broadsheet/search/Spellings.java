package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.broadsheet.index.FacetKeys;

/**
 * The spelling shown for each merged facet value, chosen once per index reader from
 * every spelling in the index, not per result set: a selected "Erdoğan" must not come
 * back as "Erdogan" because the hits of one query happen to spell it so. Built per
 * dimension on first use (one pass over that dimension's labels) and dropped with the
 * reader.
 */
final class Spellings {
  private final SortedSetDocValuesReaderState state;
  private final Map<String, Map<String, String>> byDim = new ConcurrentHashMap<>();

  Spellings(SortedSetDocValuesReaderState state) {
    this.state = state;
  }

  /** The best spelling in the index of the value {@code label} is one spelling of. */
  String best(String dim, String label) {
    return byDim.computeIfAbsent(dim, this::load).getOrDefault(FacetKeys.key(label), label);
  }

  private Map<String, String> load(String dim) {
    Map<String, String> best = new HashMap<>();
    SortedSetDocValuesReaderState.OrdRange range = state == null ? null : state.getOrdRange(dim);
    if (range == null) {
      return best;
    }
    try {
      SortedSetDocValues dv = state.getDocValues();
      for (int ord = range.start(); ord <= range.end(); ord++) {
        String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
        String label = path[path.length - 1];
        // No counts here: diacritics, then mixed case, then alphabetical decide (FacetKeys.better).
        best.merge(FacetKeys.key(label), label, (a, b) -> FacetKeys.better(b, 0, a, 0) ? b : a);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return best;
  }
}
