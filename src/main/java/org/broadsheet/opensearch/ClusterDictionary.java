package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.broadsheet.index.Fields;
import org.broadsheet.search.WordDictionary;

/**
 * The words of the archive's index on the cluster, for the parser's compound bridge (as
 * {@code IndexDictionary} is for the embedded index): a word is there when its first token,
 * analysed as a query on the field, is a term of the field in some article. One request per word
 * asked; one dictionary serves one parse, remembering its answers.
 */
final class ClusterDictionary implements WordDictionary {
  /** Where a word without a field is looked for: the query language's default fields. */
  private static final List<String> DEFAULT_FIELDS = List.of(Fields.TITLE, Fields.BODY);

  private final OpenSearchClient client;
  private final String index;
  private final Analyzer analyzer;
  private final Map<String, Boolean> known = new HashMap<>();

  ClusterDictionary(OpenSearchClient client, String index, Analyzer analyzer) {
    this.client = client;
    this.index = index;
    this.analyzer = analyzer;
  }

  @Override
  public boolean contains(String field, String word) {
    return known.computeIfAbsent(field + "\u0000" + word, k -> lookUp(field, word));
  }

  private boolean lookUp(String field, String word) {
    try {
      ObjectNode body = client.json().createObjectNode();
      body.put("size", 0).put("terminate_after", 1).put("track_total_hits", 1);
      ArrayNode any = body.putObject("query").putObject("bool").putArray("should");
      for (String f : field == null ? DEFAULT_FIELDS : List.of(field)) {
        String term = WordDictionary.firstToken(analyzer, f, word);
        if (term != null) {
          any.addObject().putObject("term").put(f, term);
        }
      }
      if (any.isEmpty()) {
        return false;
      }
      return client.send("POST", "/" + index + "/_search", body).path("hits").path("total").path("value").asLong() > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
