package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.broadsheet.index.Fields;

/**
 * What a snippet marks of a query: its parts that search the body. A hit already matched the
 * whole query, so each of the query's own clauses is optional here: an article that has one
 * word only in its headline still shows where the body has the other. Within a clause, a group
 * of alternatives (a word's headline and body forms, its variants) keeps only its body forms; a
 * group with required or excluded parts ("(oil AND opec) OR wheat", "wheat OR (oil -opec)") is kept
 * whole, so that its words are marked only where the group itself matched. The headline's clauses,
 * negated clauses and filters mark nothing in the body, and the highlighter need not match them
 * document by document.
 */
final class BodyMatches {
  private BodyMatches() {
  }

  /** The query's body parts, or null when no part searches the body (the snippet is then the story's start). */
  static Query of(Query query) {
    Query q = unboosted(query);
    if (q instanceof BooleanQuery bool) {
      List<Query> parts = new ArrayList<>();
      for (BooleanClause c : bool.clauses()) {
        if (c.occur() != BooleanClause.Occur.MUST_NOT) {
          Query part = alternatives(c.query());
          if (part != null) {
            parts.add(part);
          }
        }
      }
      return anyOf(parts);
    }
    return alternatives(q);
  }

  /** The body forms of a group of alternatives; a group with required or excluded parts whole (if it searches the body). */
  private static Query alternatives(Query query) {
    Query q = unboosted(query);
    if (q instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
        && bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
      List<Query> parts = new ArrayList<>();
      for (BooleanClause c : bool.clauses()) {
        Query part = alternatives(c.query());
        if (part != null) {
          parts.add(part);
        }
      }
      return anyOf(parts);
    }
    return searchesBody(q) ? q : null;
  }

  /** A boost changes scores, not matches. */
  private static Query unboosted(Query q) {
    while (q instanceof BoostQuery boosted) {
      q = boosted.getQuery();
    }
    return q;
  }

  private static Query anyOf(List<Query> parts) {
    if (parts.size() <= 1) {
      return parts.isEmpty() ? null : parts.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    parts.forEach(p -> any.add(p, BooleanClause.Occur.SHOULD));
    return any.build();
  }

  private static boolean searchesBody(Query query) {
    boolean[] body = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        if (Fields.BODY.equals(field)) {
          body[0] = true;
        }
        return true;
      }
    });
    return body[0];
  }
}
