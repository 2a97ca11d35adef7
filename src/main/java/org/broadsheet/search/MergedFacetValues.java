package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Merges facet labels that differ only in case, diacritics or spacing into one value,
 * shown with the best spelling in the index (see {@link Spellings}). Counts add up exactly
 * because the index gives an article at most one spelling per key (see DocumentBuilder).
 */
final class MergedFacetValues {
  private MergedFacetValues() {
  }

  /** The merged values of {@code dim}, most frequent first, ties by label. */
  static List<LabelAndValue> merge(LabelAndValue[] labels, Spellings spellings, String dim) {
    Map<String, LabelAndValue> byKey = new LinkedHashMap<>();
    for (LabelAndValue lv : labels) {
      byKey.merge(spellings.key(lv.label), lv,
          (a, b) -> new LabelAndValue(a.label, a.value.longValue() + b.value.longValue()));
    }
    List<LabelAndValue> out = new ArrayList<>(byKey.size());
    for (LabelAndValue merged : byKey.values()) {
      out.add(new LabelAndValue(spellings.best(dim, merged.label), merged.value));
    }
    out.sort(Comparator.comparingLong((LabelAndValue lv) -> lv.value.longValue()).reversed()
        .thenComparing(lv -> lv.label));
    return out;
  }
}
