package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.broadsheet.search.ArchiveQueryParser;
import org.broadsheet.search.BadQueryException;
import org.broadsheet.search.DidYouMean;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResult;

/**
 * "Did you mean" on the cluster: the embedded index's {@link DidYouMean} (its rule for which words
 * are respelt and how they are shown) over the cluster's words ({@link ClusterVocabulary}) and the
 * archive's entity spellings ({@link ArchiveSpellings}); the respelt query is counted under the same
 * filters and offered only when it finds far more.
 */
final class ClusterDidYouMean {
  /** Parses a query against the cluster's words. */
  @FunctionalInterface
  interface Parser {
    Query parse(String query) throws IOException;
  }

  private final OpenSearchClient client;
  private final String index;
  private final Parser parser;
  private final DidYouMean didYouMean;

  ClusterDidYouMean(OpenSearchClient client, String index, ArchiveQueryParser queryParser, Analyzer analyzer,
                    Parser parser) {
    this.client = client;
    this.index = index;
    this.parser = parser;
    this.didYouMean = new DidYouMean(queryParser, analyzer);
  }

  /** A respelt query finding far more than the {@code total} that {@code r} found, or null. */
  SearchResult.Suggestion suggest(SearchRequest r, long total, ArchiveSpellings spellings) throws IOException {
    if (!DidYouMean.wanted(r, total)) {
      return null;
    }
    String respelt = didYouMean.respell(r.query(), new ClusterVocabulary(client, index), spellings.entityWords());
    if (respelt == null) {
      return null;
    }
    long found;
    try {
      ObjectNode body = client.json().createObjectNode();
      ObjectNode bool = body.putObject("query").putObject("bool");
      bool.putArray("must").add(SearchBody.query(r, parser.parse(respelt)));
      bool.putArray("filter").add(SearchBody.allBut(SearchBody.filters(r), null));
      found = client.send("POST", "/" + index + "/_count", body).path("count").asLong();
    } catch (BadQueryException e) {
      return null;
    } catch (OpenSearchException e) {
      if (e.status() == 400) {
        return null; // a respelling past OpenSearch's own limits is no suggestion
      }
      throw e;
    }
    return DidYouMean.findsFarMore(found, total) ? new SearchResult.Suggestion(respelt, found) : null;
  }
}
