package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.broadsheet.index.ArchiveAnalyzer;
import org.broadsheet.index.Fields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index's analysis on OpenSearch ({@link IndexDefinition}) gives the same terms at the same
 * positions as {@link ArchiveAnalyzer}, text by text: folding that keeps the original, light
 * stemming, compounds split and catenated, possessives and punctuation dropped.
 */
@Tag("slow")
@ExtendWith(OpenSearchCluster.class)
class AnalysisEquivalenceTest {
  private static OpenSearchClient client;
  private static final String INDEX = "analysis-equivalence-test";

  @BeforeAll
  static void createIndex(OpenSearchCluster.Url cluster) throws IOException {
    client = new OpenSearchClient(OpenSearchTarget.parse(cluster.index(INDEX)));
    if (client.exists("/" + INDEX)) {
      client.send("DELETE", "/" + INDEX, null);
    }
    ObjectNode body = IndexDefinition.articles(1, 0);
    body.remove("aliases");
    client.send("PUT", "/" + INDEX, body);
  }

  @AfterAll
  static void dropIndex() throws IOException {
    if (client != null) {
      client.send("DELETE", "/" + INDEX, null);
      client.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Erdoğan visits Kalın",
      "negotiations negotiation news new",
      "a cease-fire now, said the U.N. envoy",
      "Hamas’ call, Rafah. Türkiye's plan",
      "the 2024-05-01 vote: 12,500 people; Wi-Fi and e-mail",
      "São Paulo's mayor met Zürich’s in Kraków",
      "running ran runs flies"})
  void indexAnalysisMatches(String text) throws IOException {
    assertEquals(lucene(ArchiveAnalyzer.forIndexing(), text), openSearch(IndexDefinition.INDEX_ANALYZER, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Erdoğan cease-fire", "U.N. Türkiye's"})
  void queryAnalysisMatches(String text) throws IOException {
    assertEquals(lucene(ArchiveAnalyzer.forQueries(), text), openSearch(IndexDefinition.QUERY_ANALYZER, text));
  }

  /** The terms at each position, in order of position. */
  private static List<TreeSet<String>> lucene(Analyzer a, String text) throws IOException {
    List<TreeSet<String>> out = new ArrayList<>();
    try (a; TokenStream ts = a.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        at(out, pos).add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static List<TreeSet<String>> openSearch(String analyzer, String text) throws IOException {
    ObjectNode request = client.json().createObjectNode().put("analyzer", analyzer).put("text", text);
    List<TreeSet<String>> out = new ArrayList<>();
    for (JsonNode t : client.send("POST", "/" + INDEX + "/_analyze", request).path("tokens")) {
      at(out, t.path("position").asInt()).add(t.path("token").asText());
    }
    return out;
  }

  private static TreeSet<String> at(List<TreeSet<String>> positions, int pos) {
    while (positions.size() <= pos) {
      positions.add(new TreeSet<>());
    }
    return positions.get(pos);
  }
}
