package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.facet.LabelAndValue;
import org.broadsheet.index.FacetKeys;

/**
 * Merges facet labels that differ only in case, diacritics or spacing into one value,
 * shown with the best spelling (see {@link Spellings}). Counts add up exactly because
 * the index gives an article at most one spelling per key (see DocumentBuilder).
 */
final class MergedFacetValues {
  private MergedFacetValues() {
  }

  /**
   * The merged values, most frequent first, ties by label.
   *
   * @param key     the merge key of a spelling ({@link FacetKeys#key}, memoised by the caller)
   * @param display the spelling to show for a value, given any of its spellings
   */
  static List<LabelAndValue> merge(LabelAndValue[] labels, UnaryOperator<String> key, UnaryOperator<String> display) {
    Map<String, List<LabelAndValue>> byKey = new LinkedHashMap<>();
    for (LabelAndValue lv : labels) {
      byKey.computeIfAbsent(key.apply(lv.label), k -> new ArrayList<>()).add(lv);
    }
    List<LabelAndValue> out = new ArrayList<>(byKey.size());
    for (List<LabelAndValue> spellings : byKey.values()) {
      LabelAndValue best = spellings.get(0);
      long total = 0;
      for (LabelAndValue lv : spellings) {
        total += lv.value.longValue();
        if (FacetKeys.better(lv.label, lv.value.longValue(), best.label, best.value.longValue())) {
          best = lv;
        }
      }
      out.add(new LabelAndValue(display.apply(best.label), total));
    }
    out.sort(Comparator.comparingLong((LabelAndValue lv) -> lv.value.longValue()).reversed()
        .thenComparing(lv -> lv.label));
    return out;
  }
}
