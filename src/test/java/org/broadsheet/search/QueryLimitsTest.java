package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Each cost limit on its own, at its bound and one past it. */
class QueryLimitsTest {
  private final QueryLimits limits = new QueryLimits(10, 2, 5, 2, 2, 3, 8, 3, 1);

  private static Query any(Query... qs) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : qs) {
      b.add(q, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static Query term(String t) {
    return new TermQuery(new Term("body", t));
  }

  @Test
  void length() {
    assertDoesNotThrow(() -> limits.checkLength("x".repeat(10)));
    assertEquals("query is 11 characters long; the limit is 10",
        assertThrows(BadQueryException.class, () -> limits.checkLength("x".repeat(11))).getMessage());
  }

  @Test
  void depth() {
    assertDoesNotThrow(() -> limits.checkDepth(2, 2));
    assertEquals("parentheses nest deeper than 2 at column 3",
        assertThrows(BadQueryException.class, () -> limits.checkDepth(3, 3)).getMessage());
  }

  @Test
  void patternTerms() {
    assertDoesNotThrow(() -> limits.checkPrefix("ab"));
    assertThrows(BadQueryException.class, () -> limits.checkPrefix("a"));
    assertDoesNotThrow(() -> limits.checkWildcard("abc?e*"));
    assertThrows(BadQueryException.class, () -> limits.checkWildcard("ab?de"));
    assertThrows(BadQueryException.class, () -> limits.checkWildcard("*abc"));
    assertThrows(BadQueryException.class, () -> limits.checkWildcard("abcdefgh*"), "longer than 8");
    assertDoesNotThrow(() -> limits.checkFuzzy("abc"));
    assertThrows(BadQueryException.class, () -> limits.checkFuzzy("ab"));
  }

  @Test
  void termsAreCountedAfterExpansion() {
    assertDoesNotThrow(() -> limits.checkSize(any(term("a"), term("b"), any(term("c"), term("d"), term("e")))));
    BadQueryException e = assertThrows(BadQueryException.class,
        () -> limits.checkSize(any(term("a"), term("b"), any(term("c"), term("d"), term("e"), term("f")))));
    assertEquals("the query has too many terms (6 after expansion to title and body; the limit is 5); make it shorter",
        e.getMessage());
  }

  @Test
  void patternLeavesAreCounted() {
    Query prefix = new PrefixQuery(new Term("body", "abc"));
    Query fuzzy = new FuzzyQuery(new Term("body", "abc"));
    assertDoesNotThrow(() -> limits.checkSize(any(prefix, fuzzy, term("x"))));
    assertThrows(BadQueryException.class, () -> limits.checkSize(any(prefix, fuzzy, new PrefixQuery(new Term("t", "x")))));
  }

  @Test
  void defaultsAllowWhatPeopleType() {
    QueryLimits d = QueryLimits.defaults();
    assertEquals(SearchRequest.MAX_QUERY_LENGTH, d.maxLength());
    assertDoesNotThrow(() -> d.checkWildcard("negotiat*"));
    assertDoesNotThrow(() -> d.checkFuzzy("Galatasray"));
  }
}
