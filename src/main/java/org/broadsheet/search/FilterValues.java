package org.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.broadsheet.extract.Countries;
import org.broadsheet.index.Fields;

/**
 * A request's selected facet values, checked and in the form the index has them: only the
 * dimensions of {@link Fields#FILTER_DIMS}, no empty value, countries by ISO code whether
 * asked for as {@code JP} or {@code Japan}.
 */
final class FilterValues {
  /** Immutable once built: the names and codes the extractor gives countries. */
  private static final Countries COUNTRIES = new Countries();

  private FilterValues() {
  }

  /**
   * @param parameter what a value of a dimension is given as, before the dimension's name: "" for a
   *                  filter ({@code people=}), "not_" for an exclusion ({@code not_people=}), so a
   *                  message names the parameter the user wrote
   * @throws BadQueryException for an unknown dimension, an empty value or an unknown country
   */
  static Map<String, List<String>> normalize(Map<String, List<String>> filters, String parameter) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      String dim = f.getKey();
      if (!Fields.FILTER_DIMS.contains(dim)) {
        throw new BadQueryException("unknown facet '" + dim + "'; use one of " + String.join(", ", Fields.FILTER_DIMS));
      }
      List<String> values = new ArrayList<>();
      for (String v : f.getValue() == null ? List.<String>of() : f.getValue()) {
        if (v == null || v.isBlank()) {
          throw new BadQueryException("'" + parameter + dim + "' must not be empty");
        }
        values.add(dim.equals(Fields.FACET_COUNTRIES) ? countryCode(v, parameter + dim) : v);
      }
      if (!values.isEmpty()) {
        out.put(dim, List.copyOf(values));
      }
    }
    return Map.copyOf(out);
  }

  private static String countryCode(String value, String parameter) {
    String v = value.strip();
    String upper = v.toUpperCase(Locale.ROOT);
    if (upper.length() == 2 && COUNTRIES.displayName(upper) != null) {
      return upper;
    }
    return COUNTRIES.code(v).orElseThrow(() ->
        new BadQueryException("'" + parameter + "' takes a country name or ISO code; '" + value + "' is neither"));
  }
}
