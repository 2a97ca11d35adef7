package org.broadsheet.index;

/**
 * When two articles are copies of one story: the decision made on a candidate pair that shares a
 * MinHash band. A copy with a changed headline, a few words changed or a paragraph dropped keeps
 * most of its shingles (high Jaccard similarity); a re-topped or extended story keeps its earlier
 * version nearly whole although Jaccard falls as it grows (high containment). Articles merely on
 * the same topic share few three-word runs and fail both. Short texts (a headline and a table
 * line) share their template with every other of their kind, so they must be all but equal, and
 * any two must share most of their names and figures (a template's notices differ in those); a
 * short notice's body can be word for word another's, so short ones must share most of their headline.
 * The thresholds are the ones measured in docs/duplicates.md.
 */
public final class CopyRule {
  /** Jaccard similarity at or above which two articles are copies. */
  static final double JACCARD = 0.5;
  /** Containment at or above which the smaller article is an earlier or trimmed version of the larger. */
  static final double CONTAINMENT = 0.8;
  /** Below this Jaccard, containment alone does not make a copy (a short item inside a long digest). */
  static final double CONTAINMENT_FLOOR = 0.25;
  /** Shingles below which an article counts as short (a dozen words of text besides its headline). */
  static final int SHORT = 15;
  /** Jaccard a short article needs. */
  static final double SHORT_JACCARD = 0.7;
  /** Share of the key words (numbers, names) of the article with fewer that the other must have. */
  static final double KEYS = 0.85;
  /** Key words each article needs before they count as evidence. */
  static final int MIN_KEYS = 4;
  /** Share of the shorter headline's words that two short articles must share. */
  static final double SHORT_TITLE = 0.5;

  private CopyRule() {
  }

  /** True when the articles of these signatures are copies of one story. */
  public static boolean copies(MinHash a, MinHash b) {
    if (a.shingles() == 0 || b.shingles() == 0) {
      return false;
    }
    double j = a.jaccard(b);
    boolean alike = Math.min(a.shingles(), b.shingles()) < SHORT
        ? j >= SHORT_JACCARD && a.titleContainment(b) >= SHORT_TITLE
        : j >= JACCARD || (j >= CONTAINMENT_FLOOR && a.containment(b) >= CONTAINMENT);
    // Notices of one template (dividends, contract awards) share most three-word runs but not
    // their company, amounts and dates: copies of one story keep those.
    return alike && a.keyContainment(b, MIN_KEYS) >= KEYS;
  }

  /** How alike two copies are, to pick the closest of several candidates. */
  public static double closeness(MinHash a, MinHash b) {
    return Math.max(a.jaccard(b), a.containment(b));
  }
}
