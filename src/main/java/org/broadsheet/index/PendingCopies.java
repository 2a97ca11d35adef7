package org.broadsheet.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles a run has put into groups of copies that its look-ups cannot see yet (the index
 * or the cluster shows them from the next refresh): band key → articles, and id → article, whose
 * entry shadows what the index still has of the same article. Both engines' groupings keep one
 * ({@link CopyGroups}, {@code opensearch.ClusterCopyGroups}) and let go of the written articles
 * once a refresh shows them. Not thread-safe: its owner guards it.
 */
public final class PendingCopies {
  private final Map<String, List<Pending>> byBand = new HashMap<>();
  private final Map<String, Pending> byId = new HashMap<>();

  private static final class Pending {
    final String id;
    final String group;
    final MinHash signature;
    final String[] bands;
    boolean written;

    Pending(String id, String group, MinHash signature, String[] bands) {
      this.id = id;
      this.group = group;
      this.signature = signature;
      this.bands = bands;
    }
  }

  /** A verified copy's group and how close it is ({@link CopyRule#closeness}). */
  public record Candidate(String group, double closeness) {
    /** The closer of the two; {@code a} may be null, and wins a tie. */
    public static Candidate closer(Candidate a, Candidate b) {
      return a == null || b.closeness > a.closeness ? b : a;
    }
  }

  /**
   * The closest of {@code best} and the pending articles other than {@code id} that are copies
   * of an article with this signature.
   */
  public Candidate closest(String id, MinHash signature, Candidate best) {
    for (String band : signature.bands()) {
      for (Pending p : byBand.getOrDefault(band, List.of())) {
        if (!p.id.equals(id) && CopyRule.copies(signature, p.signature)) {
          best = Candidate.closer(best, new Candidate(p.group, CopyRule.closeness(signature, p.signature)));
        }
      }
    }
    return best;
  }

  /** The article {@code id} is in {@code group} now; an earlier entry of it goes. */
  public void add(String id, String group, MinHash signature) {
    String[] bands = signature.bands();
    Pending mine = new Pending(id, group, signature, bands);
    Pending old = byId.put(id, mine);
    if (old != null) {
      unlist(old);
    }
    for (String band : bands) {
      byBand.computeIfAbsent(band, b -> new ArrayList<>(1)).add(mine);
    }
  }

  /** Whether the article is pending: then what the index shows of it is an older version. */
  public boolean shadows(String id) {
    return byId.containsKey(id);
  }

  /**
   * The writer has the article's document: the next refresh shows it.
   *
   * @return false when it is not pending, or was reported written already
   */
  public boolean written(String id) {
    Pending p = byId.get(id);
    if (p == null || p.written) {
      return false;
    }
    p.written = true;
    return true;
  }

  /** A refresh shows the articles reported written: let them go. */
  public void dropWritten() {
    drop(writtenSoFar());
  }

  /**
   * The articles reported written so far. A reader opened after this call shows them, and
   * {@link #drop} lets them go once it is open; articles reported written in between stay.
   */
  public Written writtenSoFar() {
    return new Written(byId.values().stream().filter(p -> p.written).toList());
  }

  /** A refresh begun after {@code written} was taken shows these articles: let them go. */
  public void drop(Written written) {
    for (Pending p : written.articles) {
      if (byId.get(p.id) == p) { // not replaced by a newer version of the article since
        byId.remove(p.id);
        unlist(p);
      }
    }
  }

  /** What {@link #writtenSoFar} saw: for {@link #drop}, once a reader shows it. */
  public static final class Written {
    private final List<Pending> articles;

    private Written(List<Pending> articles) {
      this.articles = articles;
    }
  }

  public void clear() {
    byBand.clear();
    byId.clear();
  }

  private void unlist(Pending p) {
    for (String band : p.bands) {
      List<Pending> list = byBand.get(band);
      if (list != null) {
        list.remove(p);
        if (list.isEmpty()) {
          byBand.remove(band);
        }
      }
    }
  }
}
