package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.broadsheet.extract.Countries;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.SearchResult;
import org.broadsheet.search.Timeline;

/**
 * Facet values from terms aggregations, ordered and labelled as the embedded index's facet lists
 * are: an entity's spellings merged by folded key into one value, most articles first, ties by
 * label, the top ten; the years mentioned and the published dates newest first; countries shown by
 * name. The merged value is shown with the archive's spelling ({@link ArchiveSpellings}), as the
 * embedded index shows it, whichever spelling the articles of the result use.
 */
final class FacetAnswers {
  /** As the embedded index: values per dimension in a search answer. */
  static final int FACET_LIMIT = 10;
  private static final Countries COUNTRIES = new Countries();

  private FacetAnswers() {
  }

  /**
   * The field a dimension's values are counted on: a named entity's folded key, so that an entity is
   * counted once per article whatever its spellings, and exactly (counting spellings, a rare one
   * beyond the aggregation's buckets would be lost from its key's count); the value itself otherwise.
   */
  static String countedField(String dim) {
    return Fields.NAMED_DIMS.contains(dim) ? Fields.facetKey(dim) : Fields.facetValues(dim);
  }

  /** Value → count from the buckets of a terms aggregation on {@link #countedField}: keys shown in the archive's spelling. */
  static Map<String, Long> buckets(String dim, JsonNode terms, ArchiveSpellings spellings) {
    Map<String, Long> counted = buckets(terms);
    if (!Fields.NAMED_DIMS.contains(dim)) {
      return counted;
    }
    Map<String, Long> out = new LinkedHashMap<>();
    counted.forEach((key, n) -> out.merge(spellings.best(dim, key), n, Long::sum));
    return out;
  }

  /** Value → count from a terms aggregation's buckets. */
  static Map<String, Long> buckets(JsonNode terms) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (JsonNode b : terms.path("buckets")) {
      out.put(b.path("key_as_string").asText(b.path("key").asText()), b.path("doc_count").asLong());
    }
    return out;
  }

  /** Every value of a dimension, merged and ordered as a facet list has it. */
  static List<SearchResult.FacetValue> all(String dim, Map<String, Long> counts, ArchiveSpellings spellings) {
    List<Map.Entry<String, Long>> values;
    if (dim.equals(Fields.FACET_MENTIONED) || dim.equals(Fields.FACET_PUBLISHED)) {
      values = new ArrayList<>(new TreeMap<>(counts).descendingMap().entrySet());
    } else if (Fields.ENTITY_FACETS.contains(dim)) {
      values = merged(dim, counts, spellings);
    } else {
      values = new ArrayList<>(counts.entrySet());
      values.sort(BY_COUNT);
    }
    return values.stream().map(e -> value(dim, e.getKey(), e.getValue())).toList();
  }

  /** The values a search answer shows: dates all, the others the top ten. */
  static List<SearchResult.FacetValue> top(String dim, Map<String, Long> counts, ArchiveSpellings spellings) {
    List<SearchResult.FacetValue> all = all(dim, counts, spellings);
    boolean dates = dim.equals(Fields.FACET_MENTIONED) || dim.equals(Fields.FACET_PUBLISHED);
    return dates ? all : all.subList(0, Math.min(FACET_LIMIT, all.size()));
  }

  /** As the facet endpoint: those whose value, or a word in it, starts with the folded prefix. */
  static List<SearchResult.FacetValue> matching(String dim, Map<String, Long> counts, ArchiveSpellings spellings,
                                                String prefix, int limit) {
    String folded = prefix == null ? "" : FacetKeys.key(prefix);
    return all(dim, counts, spellings).stream()
        .filter(v -> folded.isEmpty() || startsWith(FacetKeys.key(v.value()), folded))
        .limit(limit)
        .toList();
  }

  /** The published dimension below the selected path, from the day counts of the sideways histogram. */
  static Map<String, Long> publishedBelow(Timeline.Counts days, String[] path) throws java.io.IOException {
    return new TreeMap<>(days.below(path));
  }

  private static boolean startsWith(String key, String folded) {
    return key.startsWith(folded) || java.util.Arrays.stream(key.split(" ")).anyMatch(w -> w.startsWith(folded));
  }

  private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
      Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed().thenComparing(Map.Entry::getKey);

  private static List<Map.Entry<String, Long>> merged(String dim, Map<String, Long> counts,
                                                      ArchiveSpellings spellings) {
    Map<String, String> some = new LinkedHashMap<>();
    Map<String, Long> total = new LinkedHashMap<>();
    counts.forEach((value, n) -> {
      String key = FacetKeys.key(value);
      total.merge(key, n, Long::sum);
      some.putIfAbsent(key, value);
    });
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    total.forEach((key, n) -> out.add(Map.entry(spellings.best(dim, some.get(key)), n)));
    out.sort(BY_COUNT);
    return out;
  }

  private static SearchResult.FacetValue value(String dim, String value, long count) {
    String label = value;
    if (dim.equals(Fields.FACET_COUNTRIES)) {
      String name = COUNTRIES.displayName(value);
      label = name != null ? name : Locale.of("", value).getDisplayCountry(Locale.ENGLISH);
    }
    return new SearchResult.FacetValue(value, label, count);
  }
}
