package org.broadsheet.search;

import java.util.function.Function;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.broadsheet.index.Fields;

/**
 * What an entity page asks of whichever engine holds the index: which request it is (a named
 * dimension and a value, within a query and filters: the scope), and how its articles are ranked.
 */
public final class EntityScope {
  /** Articles on the page, as a search's first page. */
  public static final int ARTICLES = 10;

  private EntityScope() {
  }

  /**
   * The scope as the page searches it: its query and filters, by relevance, the first
   * {@link #ARTICLES} articles (the scope's own sort and paging are not used).
   *
   * @throws BadQueryException for a dimension other than people, places or organizations, or an empty value
   */
  public static SearchRequest of(SearchRequest scope, String dim, String value) {
    if (!Fields.NAMED_DIMS.contains(dim)) {
      throw new BadQueryException("unknown entity dimension '" + dim + "'; use one of " + String.join(", ", Fields.NAMED_DIMS));
    }
    if (value == null || value.isBlank()) {
      throw new BadQueryException("an entity value must not be empty");
    }
    return new SearchRequest(scope.query(), scope.filters(), scope.published(), scope.from(), scope.to(),
        SearchRequest.Sort.RELEVANCE, 1, ARTICLES, scope.exclude(), scope.group(), scope.collapse(), null);
  }

  /**
   * How the entity's articles are ranked: by the scope's query; with no query, by how much they say
   * the entity's name: every article matches, and the name as a phrase in the text adds to the score
   * (and marks the snippets).
   *
   * @param query the scope's query, parsed
   * @param label the entity's name as shown
   * @param parse  the engine's parser of query text, its compounds bridged against the index's words
   */
  public static Query ranking(SearchRequest scope, Query query, String label, Function<String, Query> parse) {
    if (!scope.query().isBlank()) {
      return query;
    }
    String phrase = label.replace("\"", " ").replace("\\", " ").strip();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    try {
      b.add(parse.apply("\"" + phrase + "\""), BooleanClause.Occur.SHOULD);
    } catch (BadQueryException e) {
      // a name the query language cannot say as a phrase: the articles keep index order
    }
    return b.build();
  }
}
