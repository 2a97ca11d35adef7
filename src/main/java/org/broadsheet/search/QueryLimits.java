package org.broadsheet.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * What one query may cost, checked before it runs: each check refuses with a
 * {@link BadQueryException} saying what to change.
 *
 * @param maxLength         longest query text, in characters
 * @param maxDepth          deepest nesting of parentheses: far more than anyone types; stops
 *                          recursion bombs before the recursive parser sees them
 * @param maxTerms          most term leaves after expansion to title and body: a long typed query
 *                          has a few dozen
 * @param maxPatterns       most prefix*, wildcard and fuzzy~ leaves; each term the user typed counts
 *                          once per field it searches, so the default 8 is 4 typed in title and body
 * @param minPrefix         characters a prefix* term needs before its '*': "a*" is most of the index
 * @param minWildcardPrefix literal characters a wildcard term needs before its first '*' or '?'
 * @param maxWildcardLength longest wildcard term: its automaton grows with it
 * @param minFuzzyLength    shortest fuzzy~ term: two edits of a two-letter word match nearly anything
 * @param fuzzyPrefix       leading characters a fuzzy~ term must match exactly: typos rarely hit the
 *                          first letter, and keeping it cuts the terms a fuzzy term walks (and the
 *                          highlighter walks again) several times over
 */
public record QueryLimits(int maxLength, int maxDepth, int maxTerms, int maxPatterns, int minPrefix,
                          int minWildcardPrefix, int maxWildcardLength, int minFuzzyLength, int fuzzyPrefix) {

  public static QueryLimits defaults() {
    return new QueryLimits(SearchRequest.MAX_QUERY_LENGTH, 16, 256, 8, 2, 3, 40, 3, 1);
  }

  /** Refuses a query text longer than {@link #maxLength}. */
  public void checkLength(String text) {
    if (text.length() > maxLength) {
      throw new BadQueryException("query is " + text.length() + " characters long; the limit is " + maxLength);
    }
  }

  /** Refuses a group opened at {@code column} (1-based) that is the {@code depth}th one open. */
  public void checkDepth(int depth, int column) {
    if (depth > maxDepth) {
      throw new BadQueryException("parentheses nest deeper than " + maxDepth + " at column " + column);
    }
  }

  /** Refuses a prefix* term (given without its '*') that is too short. */
  public void checkPrefix(String prefix) {
    if (prefix.length() < minPrefix) {
      throw new BadQueryException("a prefix query needs at least " + minPrefix + " characters before '*'");
    }
  }

  /** Refuses a wildcard term with too few characters before its first '*' or '?', or too long. */
  public void checkWildcard(String term) {
    int first = firstWildcard(term);
    if (first >= 0 && first < minWildcardPrefix) {
      throw new BadQueryException("a wildcard term needs at least " + minWildcardPrefix
          + " letters before its first '*' or '?' (in '" + term + "')");
    }
    if (term.length() > maxWildcardLength) {
      throw new BadQueryException("wildcard term '" + term + "' is too long");
    }
  }

  /** Refuses a fuzzy~ term (given without its '~') that is too short. */
  public void checkFuzzy(String term) {
    if (term.length() < minFuzzyLength) {
      throw new BadQueryException("a fuzzy~ term needs at least " + minFuzzyLength + " letters (in '" + term + "~')");
    }
  }

  /** Counts the leaves of a parsed query: too many terms, or too many pattern terms, are refused. */
  public void checkSize(Query q) {
    int[] terms = new int[1];
    int[] patterns = new int[1];
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... ts) {
        terms[0] += ts.length;
      }

      @Override
      public void visitLeaf(Query query) {
        terms[0]++;
        if (query instanceof MultiTermQuery) {
          patterns[0]++;
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    if (terms[0] > maxTerms) {
      throw new BadQueryException("the query has too many terms (" + terms[0] + " after expansion to title and body;"
          + " the limit is " + maxTerms + "); make it shorter");
    }
    if (patterns[0] > maxPatterns) {
      throw new BadQueryException("the query has too many prefix*, wildcard or fuzzy~ terms; at most "
          + maxPatterns / 2 + " are allowed");
    }
  }

  private static int firstWildcard(String s) {
    int star = s.indexOf('*');
    int q = s.indexOf('?');
    return star < 0 ? q : q < 0 ? star : Math.min(star, q);
  }
}
