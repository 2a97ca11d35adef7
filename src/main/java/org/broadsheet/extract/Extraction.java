package org.broadsheet.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entities found in one article: every mention with its offsets, and the canonical
 * values that become facets. An article with no extraction has {@link #EMPTY}.
 */
public record Extraction(List<Mention> mentions) {
  public static final Extraction EMPTY = new Extraction(List.of());

  public Extraction {
    mentions = List.copyOf(mentions);
  }

  /** Distinct canonical values of one type, in order of first mention. */
  public List<String> canonical(EntityType type) {
    Set<String> values = new LinkedHashSet<>();
    for (Mention m : mentions) {
      if (m.type() == type) {
        String v = type == EntityType.DATE ? m.value() : m.canonical();
        if (v != null && !v.isBlank()) {
          values.add(v);
        }
      }
    }
    return List.copyOf(values);
  }

  /** Distinct ISO country codes of the places mentioned. */
  public List<String> countries() {
    Set<String> codes = new LinkedHashSet<>();
    for (Mention m : mentions) {
      if (m.type() == EntityType.PLACE && m.country() != null) {
        codes.add(m.country());
      }
    }
    return List.copyOf(codes);
  }
}
