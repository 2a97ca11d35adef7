package org.broadsheet.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.broadsheet.index.CommonWords;
import org.broadsheet.index.Fields;

/**
 * Rewrites the exact body phrases of a parsed query to be answered from the body's word pairs
 * ({@link Fields#BODY_PAIRS}), for matching and counting; the highlighter keeps the query as parsed.
 * Only the pairs with a common word are indexed ({@link CommonWords#paired}), so only they are used.
 * The same articles match, with the same scores:
 * <ul>
 *   <li>a phrase of two words whose pair is indexed becomes a {@link PairPhraseQuery};</li>
 *   <li>a longer phrase is kept, and required alongside it (as filters, which do not score) are the
 *       indexed pairs among its neighbouring words ({@link #MAX_PAIRS} at most): positions are then
 *       read only in articles that hold every one of them.</li>
 * </ul>
 * Phrases with slop, gaps or stacked words (a {@code MultiPhraseQuery}) are left as they are, as are
 * phrases with no indexed pair: their rarer words' positions are read only in the articles holding them.
 */
final class PairPhrases {
  /** Pairs required beside a longer phrase, at most: a few narrow it as well as all of them. */
  static final int MAX_PAIRS = 8;

  private PairPhrases() {
  }

  static Query rewrite(Query q) {
    return switch (q) {
      case PhraseQuery p -> phrase(p);
      case BoostQuery b -> {
        Query inner = rewrite(b.getQuery());
        yield inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
      }
      case ConstantScoreQuery c -> {
        Query inner = rewrite(c.getQuery());
        yield inner == c.getQuery() ? c : new ConstantScoreQuery(inner);
      }
      case BooleanQuery b -> bool(b);
      default -> q;
    };
  }

  /** Whether the index holds the pair of these two words. */
  private static boolean indexed(Term first, Term second) {
    return CommonWords.paired(first.text(), second.text());
  }

  private static Query bool(BooleanQuery b) {
    BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    boolean changed = false;
    for (BooleanClause c : b.clauses()) {
      Query inner = rewrite(c.query());
      changed |= inner != c.query();
      out.add(inner, c.occur());
    }
    return changed ? out.build() : b;
  }

  private static Query phrase(PhraseQuery p) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (!p.getField().equals(Fields.BODY) || p.getSlop() != 0 || terms.length < 2) {
      return p;
    }
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        return p;
      }
    }
    if (terms.length == 2) {
      return indexed(terms[0], terms[1]) ? new PairPhraseQuery(terms[0], terms[1], Fields.BODY_PAIRS) : p;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(p, BooleanClause.Occur.MUST);
    int pairs = 0;
    for (int i = 1; i < terms.length && pairs < MAX_PAIRS; i++) {
      if (indexed(terms[i - 1], terms[i])) {
        all.add(new PairPhraseQuery(terms[i - 1], terms[i], Fields.BODY_PAIRS), BooleanClause.Occur.FILTER);
        pairs++;
      }
    }
    return pairs == 0 ? p : all.build();
  }
}
