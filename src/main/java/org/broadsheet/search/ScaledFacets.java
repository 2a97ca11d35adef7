package org.broadsheet.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Facet counts of a sample of one match in {@code oneIn} ({@link BroadSearch}), read as estimates
 * of the counts of every match: each count times {@code oneIn}. Values are ranked as in the sample.
 */
final class ScaledFacets extends Facets {
  private final Facets sample;
  private final int oneIn;

  private ScaledFacets(Facets sample, int oneIn) {
    this.sample = sample;
    this.oneIn = oneIn;
  }

  /** {@code sample}'s counts times {@code oneIn}; {@code sample} itself when it is every match (1) or null. */
  static Facets of(Facets sample, int oneIn) {
    return sample == null || oneIn == 1 ? sample : new ScaledFacets(sample, oneIn);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    return scaled(sample.getAllChildren(dim, path));
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    return scaled(sample.getTopChildren(topN, dim, path));
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    return times(sample.getSpecificValue(dim, path));
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    return sample.getAllDims(topN).stream().map(this::scaled).toList();
  }

  @Override
  public List<FacetResult> getTopDims(int topNDims, int topNChildren) throws IOException {
    return sample.getTopDims(topNDims, topNChildren).stream().map(this::scaled).toList();
  }

  private FacetResult scaled(FacetResult r) {
    if (r == null) {
      return null;
    }
    LabelAndValue[] values = new LabelAndValue[r.labelValues.length];
    for (int i = 0; i < values.length; i++) {
      LabelAndValue v = r.labelValues[i];
      values[i] = new LabelAndValue(v.label, times(v.value), v.count * oneIn);
    }
    return new FacetResult(r.dim, r.path, times(r.value), values, r.childCount);
  }

  private Number times(Number n) {
    if (n == null) {
      return null;
    }
    if (n instanceof Integer i) {
      return (int) Math.min(Integer.MAX_VALUE, (long) i * oneIn);
    }
    return n instanceof Long l ? (Number) (l * oneIn) : n.doubleValue() * oneIn;
  }
}
