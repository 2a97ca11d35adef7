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
 * What a snippet marks of a query: its parts that search the body, each on its own. A hit
 * already matched the whole query, so which of these parts it holds is what it shows; the
 * headline's clauses, negated clauses and filters mark nothing in the body, and the highlighter
 * need not match them document by document. A part required by the query is optional here: an
 * article that has one word only in its headline still shows where the body has the other.
 */
final class BodyMatches {
  private BodyMatches() {
  }

  /** The query's body parts, or null when no part searches the body (the snippet is then the story's start). */
  static Query of(Query query) {
    if (query instanceof BoostQuery boosted) {
      return of(boosted.getQuery()); // a boost changes scores, not matches
    }
    if (query instanceof BooleanQuery bool) {
      List<Query> parts = new ArrayList<>();
      for (BooleanClause c : bool.clauses()) {
        if (c.occur() == BooleanClause.Occur.MUST_NOT) {
          continue;
        }
        Query part = of(c.query());
        if (part != null) {
          parts.add(part);
        }
      }
      if (parts.size() <= 1) {
        return parts.isEmpty() ? null : parts.get(0);
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      parts.forEach(p -> any.add(p, BooleanClause.Occur.SHOULD));
      return any.build();
    }
    return searchesBody(query) ? query : null;
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
