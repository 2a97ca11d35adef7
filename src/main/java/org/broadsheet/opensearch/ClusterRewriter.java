package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.broadsheet.extract.Extraction;
import org.broadsheet.index.Corrections;
import org.broadsheet.index.Fields;
import org.broadsheet.index.StoredMentions;

/**
 * Brings the documents matching a query in line with a set of corrections, from what each
 * document keeps (its mentions as extracted), without its file or NER: the cluster's
 * {@link org.broadsheet.index.DocumentRewriter}. Only the fields the corrections make change
 * ({@link ArticleDocument#entities}), by partial updates through the bulk API; the rest of the
 * document (its text, bookkeeping and copies) is left as it is. Searches see the change at the
 * refresh that ends the rewrite.
 */
final class ClusterRewriter {
  private static final String[] MENTION_FIELDS = {Fields.MENTIONS, Fields.EXTRACTED_MENTIONS};

  private final OpenSearchClient client;
  private final String index;

  /** @param index the concrete index (a generation) whose documents are rewritten */
  ClusterRewriter(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Rewrites every document matching {@code query}; returns how many. */
  int rewrite(ObjectNode query, Corrections corrections) throws IOException {
    ArticleDocument documents = new ArticleDocument(corrections);
    BulkWriter writer = new BulkWriter(client, index);
    int n = new ClusterScan(client, index).forEach(query, MENTION_FIELDS,
        (id, source) -> writer.update(id, documents.entities(extracted(source))));
    writer.flush();
    client.send("POST", "/" + index + "/_refresh", null);
    return n;
  }

  /** A document's mentions as extracted: kept apart when corrections changed them, else its mentions. */
  static Extraction extracted(JsonNode source) {
    JsonNode kept = source.path(Fields.EXTRACTED_MENTIONS);
    String json = kept.isTextual() ? kept.asText() : source.path(Fields.MENTIONS).asText(null);
    List<org.broadsheet.extract.Mention> mentions = StoredMentions.read(json);
    return mentions.isEmpty() ? Extraction.EMPTY : new Extraction(mentions);
  }
}
