package org.broadsheet.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.broadsheet.index.FacetKeys;
import org.broadsheet.index.Fields;
import org.broadsheet.search.Completion;
import org.broadsheet.search.CompletionEntries;
import org.broadsheet.search.CompletionIndex;

/**
 * The search box's completions from the cluster, the embedded index's answers: the entries that can
 * match the prefix are gathered ({@link CompletionEntries}) and completed by the same
 * {@link CompletionIndex}, so matching (case and accents folded, a name by any of its words) and
 * ranking (articles, then the entry) are the embedded index's. Per look-up:
 * <ol>
 *   <li>the entities whose key has the folded prefix anywhere in it (a name is found by any of its
 *       words), from every value of each named dimension in the archive's spelling with its article
 *       count, and the words of entity names, which are not offered as words: both the searcher's
 *       {@link ArchiveSpellings}, counted once per index state, as the embedded index's;</li>
 *   <li>the body's terms that start with the prefix, accents folded, as the rewritten query of a
 *       {@code regexp} query lists them ({@code _validate/query?rewrite=true}, per shard), and the
 *       articles using each (a {@code filters} aggregation).</li>
 * </ol>
 * Unlike the embedded index, a word is not first checked to be among the archive's
 * {@link CompletionEntries#MAX_TERMS} most common; and a prefix that starts more than
 * {@link #TERMS_PER_SHARD} terms of a shard is completed with the first of them in term order.
 */
final class ClusterCompletions {
  /** Body terms listed per shard: the cluster's default {@code indices.query.bool.max_clause_count}. */
  static final int TERMS_PER_SHARD = 1_024;
  private static final String[] NAMED = {Fields.FACET_PEOPLE, Fields.FACET_PLACES, Fields.FACET_ORGS};

  private final OpenSearchClient client;
  private final String index;
  private final ClusterSearcher searcher;

  /** @param searcher whose spellings of the archive (per index state) give the entities */
  ClusterCompletions(OpenSearchClient client, String index, ClusterSearcher searcher) {
    this.client = client;
    this.index = index;
    this.searcher = searcher;
  }

  List<Completion> complete(String prefix, int limit) throws IOException {
    if (prefix == null || prefix.isBlank() || limit < 1) {
      return List.of();
    }
    String typed = prefix.strip();
    ArchiveSpellings spellings = searcher.spellings();
    CompletionEntries entries = new CompletionEntries(spellings.entityWords());
    String key = FacetKeys.key(typed);
    if (!key.isEmpty()) {
      for (String dim : NAMED) {
        for (ArchiveSpellings.Name name : spellings.names(dim).values()) {
          if (name.key().contains(key)) {
            entries.entity(dim, name.spelling(), name.articles());
          }
        }
      }
    }
    articlesPerTerm(terms(folded(typed))).forEach(entries::word);
    return CompletionIndex.of(entries).lookup(typed, limit);
  }

  /**
   * The body's terms (of letters only: the only words offered) whose folded form starts with
   * {@code folded}: a term with accents has its folded twin in the index, but "erdoğan" starts
   * with "erdog" only once folded, so each letter may also be any character outside ASCII.
   */
  private Set<String> terms(String folded) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    if (folded.isEmpty() || !folded.codePoints().allMatch(Character::isLetter)) {
      return out;
    }
    StringBuilder regexp = new StringBuilder();
    folded.codePoints().forEach(c -> {
      String letter = Character.toString(c);
      regexp.append(c < 0x80 ? "(" + letter + "|[^ -\\~])" : letter);
    });
    regexp.append(".*");
    ObjectNode body = client.json().createObjectNode();
    body.putObject("query").putObject("regexp").putObject(Fields.BODY).put("value", regexp.toString())
        .put("rewrite", "top_terms_" + TERMS_PER_SHARD);
    JsonNode answer = client.send("POST", "/" + index + "/_validate/query?rewrite=true&all_shards=true", body);
    String field = Fields.BODY + ":";
    for (JsonNode shard : answer.path("explanations")) {
      for (String clause : shard.path("explanation").asText("").split(" ")) {
        String term = clause.startsWith(field) ? clause.substring(field.length()) : "";
        if (!term.isEmpty() && term.codePoints().allMatch(Character::isLetter) && folded(term).startsWith(folded)) {
          out.add(term);
        }
      }
    }
    return out;
  }

  /** Term → the articles using it. */
  private Map<String, Long> articlesPerTerm(Set<String> terms) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (terms.isEmpty()) {
      return out;
    }
    ObjectNode body = client.json().createObjectNode();
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode filters = body.putObject("aggs").putObject("terms").putObject("filters").putObject("filters");
    terms.forEach(t -> filters.putObject(t).putObject("term").put(Fields.BODY, t));
    JsonNode buckets = client.send("POST", "/" + index + "/_search", body)
        .path("aggregations").path("terms").path("buckets");
    terms.forEach(t -> out.put(t, buckets.path(t).path("doc_count").asLong()));
    return out;
  }

  /** Lower case without accents, as the completions match ({@code CompletionIndex}'s analyzer). */
  private static String folded(String s) {
    char[] lower = s.toLowerCase(Locale.ROOT).toCharArray();
    char[] out = new char[lower.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(lower, 0, out, 0, lower.length);
    return new String(out, 0, n);
  }
}
