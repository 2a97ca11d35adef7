package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.spell.SuggestWord;
import org.broadsheet.index.Fields;
import org.broadsheet.search.DidYouMean;

/**
 * The words of the articles' bodies on the cluster, for "did you mean": article counts by a term
 * query, close words by OpenSearch's term suggester, which is Lucene's {@code DirectSpellChecker}
 * on each shard, given the settings the embedded index's checker has (defaults for a word no article
 * has; one edit and more popular words only for a rare one). The text is taken as it is (the
 * {@code keyword} analyzer): the word comes already folded or analysed, as it does to the embedded one.
 */
final class ClusterVocabulary implements DidYouMean.Vocabulary {
  private final OpenSearchClient client;
  private final String index;

  ClusterVocabulary(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public long articles(String term) throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.putObject("query").putObject("term").put(Fields.BODY, term);
    return client.send("POST", "/" + index + "/_count", body).path("count").asLong();
  }

  @Override
  public List<SuggestWord> unknown(String folded, int max) throws IOException {
    return suggest(folded, max, "missing", 2, 0.01f);
  }

  @Override
  public List<SuggestWord> morePopular(String term, int max) throws IOException {
    return suggest(term, max, "popular", 1, DidYouMean.KNOWN_WORD_ARTICLES);
  }

  private List<SuggestWord> suggest(String text, int max, String mode, int edits, float maxTermFreq)
      throws IOException {
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode term = body.putObject("suggest").putObject("w").put("text", text).putObject("term");
    term.put("field", Fields.BODY).put("analyzer", "keyword").put("suggest_mode", mode).put("max_edits", edits)
        .put("size", max).put("shard_size", max).put("max_term_freq", maxTermFreq).put("sort", "score")
        .put("string_distance", "internal").put("prefix_length", 1).put("min_word_length", 4)
        .put("accuracy", 0.5f).put("max_inspections", 5).put("min_doc_freq", 0f);
    List<SuggestWord> out = new ArrayList<>();
    for (JsonNode entry : client.send("POST", "/" + index + "/_search", body).path("suggest").path("w")) {
      for (JsonNode o : entry.path("options")) {
        SuggestWord w = new SuggestWord();
        w.string = o.path("text").asText();
        w.freq = o.path("freq").asInt();
        w.score = (float) o.path("score").asDouble();
        out.add(w);
      }
    }
    return out;
  }
}
