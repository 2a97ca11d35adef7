package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.facet.LabelAndValue;

/**
 * The values most associated with an entity, ranked by Dunning's log-likelihood ratio G² over the
 * 2×2 table of co-occurrence counts: articles that mention both, the entity only, the value only,
 * neither (within the scope of the page). Unlike a plain count, which repeats the biggest facet
 * values for every entity, G² favours values over-represented next to the entity, and unlike lift
 * it does not favour values seen once. Only over-represented values are listed.
 */
public final class RelatedEntities {
  /** Related values per dimension: a screenful. */
  static final int LIMIT = 10;

  private RelatedEntities() {
  }

  /**
   * @param together  merged values of the entity's articles with their counts
   * @param everywhere merged values of the whole scope with their counts
   * @param n         the entity's articles
   * @param total     the scope's articles
   * @param selfKey   the entity's own key in this dimension, left out; null in other dimensions
   */
  static List<EntityPage.Related> rank(List<LabelAndValue> together, List<LabelAndValue> everywhere, Spellings spellings,
                                       long n, long total, String selfKey) {
    return rank(together, everywhere, spellings::key, n, total, selfKey);
  }

  /**
   * As above, whichever engine counted the values.
   *
   * @param key the merge key of a value ({@link org.broadsheet.index.FacetKeys#key})
   */
  public static List<EntityPage.Related> rank(List<LabelAndValue> together, List<LabelAndValue> everywhere,
                                              Function<String, String> key, long n, long total, String selfKey) {
    Map<String, Long> background = new HashMap<>();
    for (LabelAndValue lv : everywhere) {
      background.put(key.apply(lv.label), lv.value.longValue());
    }
    List<EntityPage.Related> out = new ArrayList<>();
    for (LabelAndValue lv : together) {
      String valueKey = key.apply(lv.label);
      long a = lv.value.longValue();
      if (a <= 0 || valueKey.equals(selfKey)) {
        continue;
      }
      long b = Math.max(a, background.getOrDefault(valueKey, a));
      if ((double) a * total <= (double) b * n) {
        continue; // no more frequent beside the entity than anywhere
      }
      out.add(new EntityPage.Related(lv.label, lv.label, a, Math.round(g2(a, n, b, total) * 100) / 100.0));
    }
    out.sort(Comparator.comparingDouble(EntityPage.Related::score).reversed()
        .thenComparing(Comparator.comparingLong(EntityPage.Related::count).reversed())
        .thenComparing(EntityPage.Related::label));
    return out.size() > LIMIT ? List.copyOf(out.subList(0, LIMIT)) : List.copyOf(out);
  }

  /** G² for {@code a} articles with both, {@code n} with the entity, {@code b} with the value, of {@code total}. */
  static double g2(long a, long n, long b, long total) {
    double k11 = a;
    double k12 = n - a;
    double k21 = b - a;
    double k22 = Math.max(0, total - n - b + a);
    double sum = k11 + k12 + k21 + k22;
    return 2 * (term(k11, k11 + k12, k11 + k21, sum) + term(k12, k11 + k12, k12 + k22, sum)
        + term(k21, k21 + k22, k11 + k21, sum) + term(k22, k21 + k22, k12 + k22, sum));
  }

  private static double term(double k, double row, double col, double sum) {
    return k <= 0 ? 0 : k * Math.log(k * sum / (row * col));
  }
}
