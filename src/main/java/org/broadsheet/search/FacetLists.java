package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.broadsheet.extract.Countries;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;

/**
 * Facet counts as the values a reader picks from: the top entities of each dimension (spellings
 * merged by key), dates newest first, and the full list of one dimension filtered by a prefix.
 */
final class FacetLists {
  /** Facet values returned per dimension; "more" in the front end asks the facet endpoint. */
  private static final int FACET_LIMIT = 10;
  /** Countries are indexed by ISO code and shown by the name the extractor knows them by ("TR" → "Türkiye"). */
  private static final Countries COUNTRIES = new Countries();

  private FacetLists() {
  }

  /** Every dimension's values for a result, in {@link Fields#FACET_DIMS} order; {@code published} drills the date. */
  static Map<String, List<SearchResult.FacetValue>> of(Facets facets, ReaderState rs, String[] published)
      throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMS) {
      out.put(dim, rs.has(dim) ? values(facets, rs.spellings(), dim, published) : List.of());
    }
    return out;
  }

  /** Every dimension with no values, for an index without facets. */
  static Map<String, List<SearchResult.FacetValue>> empty() {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    Fields.FACET_DIMS.forEach(d -> out.put(d, List.of()));
    return out;
  }

  /**
   * Up to {@code limit} values of one dimension, merged by spelling, optionally only those whose
   * value or a word in it starts with {@code prefix}: "erd" finds "Recep Tayyip Erdoğan".
   */
  static List<SearchResult.FacetValue> matching(LabelAndValue[] all, Spellings spellings, String dim, String prefix,
                                                int limit) {
    String folded = prefix == null ? "" : FacetKeys.key(prefix);
    return byCount(all, spellings, dim).stream()
        .filter(lv -> folded.isEmpty() || matchesPrefix(spellings.key(lv.label), folded))
        .limit(limit)
        .map(lv -> facetValue(dim, lv))
        .toList();
  }

  private static List<SearchResult.FacetValue> values(Facets facets, Spellings spellings, String dim,
                                                      String[] published) throws IOException {
    String[] path = dim.equals(Fields.FACET_PUBLISHED) ? published : new String[0];
    FacetResult res;
    try {
      // All children, not the top ten: spellings merged by key may add up to a top value.
      res = facets.getAllChildren(dim, path);
    } catch (IllegalArgumentException e) {
      res = null; // no article has this dimension yet
    }
    if (res == null) {
      return List.of();
    }
    List<LabelAndValue> lvs;
    if (dim.equals(Fields.FACET_PUBLISHED) || dim.equals(Fields.FACET_MENTIONED)) {
      lvs = new ArrayList<>(Arrays.asList(res.labelValues));
      lvs.sort((a, b) -> b.label.compareTo(a.label)); // dates newest first, not by count
    } else {
      List<LabelAndValue> merged = byCount(res.labelValues, spellings, dim);
      lvs = merged.subList(0, Math.min(FACET_LIMIT, merged.size()));
    }
    return lvs.stream().map(lv -> facetValue(dim, lv)).toList();
  }

  /**
   * Values most frequent first: an entity's spellings merged into one value; other dimensions
   * (collections) as they are, since they are selected by exact value.
   */
  private static List<LabelAndValue> byCount(LabelAndValue[] all, Spellings spellings, String dim) {
    if (Fields.ENTITY_FACETS.contains(dim)) {
      return MergedFacetValues.merge(all, spellings, dim);
    }
    List<LabelAndValue> out = new ArrayList<>(Arrays.asList(all));
    out.sort((a, b) -> a.value.longValue() != b.value.longValue()
        ? Long.compare(b.value.longValue(), a.value.longValue()) : a.label.compareTo(b.label));
    return out;
  }

  /** A multi-word prefix matches the start of the key, a one-word one the start of any of its words. */
  private static boolean matchesPrefix(String key, String folded) {
    return key.startsWith(folded) || Arrays.stream(key.split(" ")).anyMatch(w -> w.startsWith(folded));
  }

  private static SearchResult.FacetValue facetValue(String dim, LabelAndValue lv) {
    String label = lv.label;
    if (dim.equals(Fields.FACET_COUNTRIES)) {
      String name = COUNTRIES.displayName(lv.label);
      label = name != null ? name : Locale.of("", lv.label).getDisplayCountry(Locale.ENGLISH);
    }
    return new SearchResult.FacetValue(lv.label, label, lv.value.longValue());
  }
}
