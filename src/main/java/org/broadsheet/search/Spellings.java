package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.broadsheet.index.FacetKeys;

/**
 * The spelling shown for each merged facet value, chosen once per index reader from
 * every spelling in the index, not per result set: a selected "Erdoğan" must not come
 * back as "Erdogan" because the hits of one query happen to spell it so. Built per
 * dimension on first use (one pass over that dimension's labels) and dropped with the
 * reader. Among spellings, diacritics win, then the spelling more articles use.
 */
public final class Spellings {
  private final SortedSetDocValuesReaderState state;
  /** Every value of a dimension with its article count, when they come from elsewhere than {@link #state}. */
  private final java.util.function.Function<String, List<LabelAndValue>> counted;
  private final Map<String, Map<String, String>> byDim = new ConcurrentHashMap<>();
  private Facets allCounts;
  /**
   * Label → merge key, kept for the reader's life: folding a name (Unicode decomposition and
   * two regular expressions) for every facet label of every search was a third of a search's
   * time on an index with entities.
   */
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  Spellings(SortedSetDocValuesReaderState state) {
    this.state = state;
    this.counted = null;
  }

  private Spellings(java.util.function.Function<String, List<LabelAndValue>> counted) {
    this.state = null;
    this.counted = counted;
  }

  /**
   * Spellings chosen by the same rule from counts another engine made: {@code counted} gives every
   * value of a dimension in the whole archive with its article count (asked once per dimension).
   */
  public static Spellings of(java.util.function.Function<String, List<LabelAndValue>> counted) {
    return new Spellings(java.util.Objects.requireNonNull(counted));
  }

  /** The best spelling in the index of the value {@code label} is one spelling of. */
  public String best(String dim, String label) {
    return byDim.computeIfAbsent(dim, this::load).getOrDefault(key(label), label);
  }

  /** Every value of {@code dim} in the index with its article count (one count over the index, kept). */
  List<LabelAndValue> all(String dim) {
    if (counted != null) {
      return counted.apply(dim);
    }
    if (state == null || state.getOrdRange(dim) == null) {
      return List.of();
    }
    try {
      FacetResult all = allCounts().getAllChildren(dim);
      return all == null ? List.of() : List.of(all.labelValues);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link FacetKeys#key} of a facet label, computed once per label. */
  String key(String label) {
    return keys.computeIfAbsent(label, FacetKeys::key);
  }

  private Map<String, String> load(String dim) {
    Map<String, String> best = new HashMap<>();
    Map<String, Long> bestCount = new HashMap<>();
    // Counted over the whole index once per reader: the spelling more articles use wins a tie
    // on diacritics ("OPEC" in most stories over "Opec" in a few title-case headlines).
    for (LabelAndValue lv : all(dim)) {
      String key = key(lv.label);
      long count = lv.value.longValue();
      String current = best.get(key);
      if (current == null || FacetKeys.better(lv.label, count, current, bestCount.get(key))) {
        best.put(key, lv.label);
        bestCount.put(key, count);
      }
    }
    return best;
  }

  private synchronized Facets allCounts() throws IOException {
    if (allCounts == null) {
      allCounts = new SortedSetDocValuesFacetCounts(state);
    }
    return allCounts;
  }
}
